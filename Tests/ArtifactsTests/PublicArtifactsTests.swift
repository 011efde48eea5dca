import Testing

@testable import Artifacts

/// Every real artifact in shared/artifacts/public parses and is classified by its schema URL.
@Suite struct PublicArtifactsTests {
  @Test func everyPublicFileIsReadAndClassified() throws {
    let files = Fixtures.allPublicJSON()
    #expect(files.count >= 80)
    for file in files {
      let artifact = try ArtifactReader.read(file: Fixtures.path(file))
      let header = artifact.header
      // The kind must agree with what the file's own schema URL says.
      let url = try #require(header.schemaURL, "\(file) has no schema URL")
      #expect(url.contains("/\(header.kind.schemaName)/v\(header.schemaVersion).json"), "\(file)")
    }
  }
}
