import Foundation
import Testing

@testable import Artifacts

/// Reading whole files: the size `fstat` reports is only a hint.
@Suite struct ArtifactFileTests {
  @Test func readsARealFileWhole() throws {
    let path = Fixtures.path("tuva/v11_dbt1.7.8/manifest.json")
    let bytes = try ArtifactFile.readBytes(path: path)
    #expect(bytes == [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    #expect(bytes.count > 1_000_000)
  }

  @Test func readsAnEmptyFileAsNoBytes() throws {
    let path = try Fixtures.temporaryDirectory() + "/empty.json"
    try Data().write(to: URL(fileURLWithPath: path))
    #expect(try ArtifactFile.readBytes(path: path).isEmpty)
  }

  #if os(Linux)
    /// Files under /proc report a size of 0 but have contents: the reader must not trust
    /// `st_size` and must read to the end.
    @Test func readsPastAZeroReportedSize() throws {
      let path = "/proc/self/maps"
      var info = stat()
      #expect(stat(path, &info) == 0 && info.st_size == 0)
      let text = String(decoding: try ArtifactFile.readBytes(path: path), as: UTF8.self)
      // More than one read's worth of text, whole lines up to the end.
      #expect(text.utf8.count > 65_536 || text.split(separator: "\n").count > 10)
      #expect(text.hasSuffix("\n"))
      #expect(text.contains("[stack]"))
    }
  #endif
}
