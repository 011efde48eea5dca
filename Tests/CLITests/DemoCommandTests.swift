import Foundation
import Testing

@testable import CLI

/// `dbt-metadata demo`: the real sample runs load, loading again changes nothing, and a
/// broken run folder stops the load before anything is stored.
@Suite struct DemoCommandTests {
  static let sampleRuns = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("sample-runs").standardizedFileURL.path

  static func demo(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
    let captured = CapturedOutput()
    let code = CLI.run(["demo", "--no-serve"] + arguments, output: captured.output)
    return (code, captured.standardOutput, captured.standardError)
  }

  /// The run ids named by every run.json under sample-runs, read independently.
  static func sampleRunIDs() throws -> [Int] {
    let walker = try #require(FileManager.default.enumerator(atPath: sampleRuns))
    var ids: [Int] = []
    while let path = walker.nextObject() as? String {
      guard path.hasSuffix("/run.json") else { continue }
      let data = try Data(contentsOf: URL(fileURLWithPath: sampleRuns + "/" + path))
      let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      ids.append(try #require(object["run_id"] as? Int))
    }
    return ids.sorted()
  }

  @Test func loadsEverySampleRunOnceAndListsThem() throws {
    let directory = try ScratchDirectory()
    let expected = try Self.sampleRunIDs()
    #expect(expected.count >= 12)

    let first = Self.demo(["--db", directory.database, "--samples", Self.sampleRuns, "--json"])
    #expect(first.code == 0, "\(first.err)")
    let listed = try #require(
      try JSONSerialization.jsonObject(with: Data(first.out.utf8)) as? [[String: Any]])
    #expect(listed.compactMap { $0["run_id"] as? Int }.sorted() == expected)
    // Run 1008 is the `dbt test`-only job (103): tests executed, no catalog.
    let testOnly = try #require(listed.first { $0["run_id"] as? Int == 1008 })
    #expect(testOnly["job_id"] as? Int == 103)
    #expect(testOnly["catalog_tables"] as? Int == 0)

    let before = try directory.dump()
    let second = Self.demo(["--db", directory.database, "--samples", Self.sampleRuns])
    #expect(second.code == 0, "\(second.err)")
    #expect(
      second.out.hasPrefix(
        "\(directory.database): \(expected.count) sample runs, 0 stored now, \(expected.count) already there\n"
      ))
    #expect(try directory.dump() == before)
  }

  /// Copies one real run folder into the scratch directory, with `edit` applied to its run.json.
  static func brokenCopy(
    of run: String, in directory: ScratchDirectory, edit: (inout [String: Any]) -> Void
  ) throws -> String {
    let root = directory.file("samples")
    let destination = root + "/" + run
    try FileManager.default.createDirectory(
      atPath: (destination as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: sampleRuns + "/" + run, toPath: destination)
    let file = URL(fileURLWithPath: destination + "/run.json")
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    edit(&object)
    try JSONSerialization.data(withJSONObject: object).write(to: file)
    return root
  }

  @Test func aRunJSONWithoutItsJobIsRefusedBeforeAnythingIsStored() throws {
    let directory = try ScratchDirectory()
    // A good run next to the broken one: neither may be stored.
    _ = try Self.brokenCopy(of: "runs/101/001", in: directory) { _ in }
    let root = try Self.brokenCopy(of: "runs/101/002", in: directory) {
      $0.removeValue(forKey: "job_id")
    }
    let result = Self.demo(["--db", directory.database, "--samples", root])
    #expect(result.code == 1)
    #expect(
      result.err == "error: \(root)/runs/101/002/run.json: expected an integer at $.job_id\n")
    #expect(!FileManager.default.fileExists(atPath: directory.database))
  }

  @Test func aListedArtifactThatIsMissingIsRefused() throws {
    let directory = try ScratchDirectory()
    let root = try Self.brokenCopy(of: "runs/101/001", in: directory) { object in
      var steps = object["steps"] as? [[String: Any]] ?? []
      steps[0]["artifacts"] = ["01-source-freshness/nowhere.json"]
      object["steps"] = steps
    }
    let result = Self.demo(["--db", directory.database, "--samples", root])
    #expect(result.code == 1)
    #expect(result.err.contains("\(root)/runs/101/001/01-source-freshness/nowhere.json"))
    #expect(!FileManager.default.fileExists(atPath: directory.database))
  }

  @Test func aRunListingTwoCatalogsIsRefused() throws {
    let directory = try ScratchDirectory()
    let root = try Self.brokenCopy(of: "runs/101/001", in: directory) { object in
      var steps = object["steps"] as? [[String: Any]] ?? []
      steps[0]["artifacts"] = ["03-docs-generate/catalog.json"]
      object["steps"] = steps
    }
    let result = Self.demo(["--db", directory.database, "--samples", root])
    let catalog = "\(root)/runs/101/001/03-docs-generate/catalog.json"
    #expect(result.code == 1)
    #expect(
      result.err == "error: a second catalog for one run: \(catalog) after \(catalog)\n")
    #expect(!FileManager.default.fileExists(atPath: directory.database))
  }

  @Test func anEmptySamplesFolderIsAFailure() throws {
    let directory = try ScratchDirectory()
    let empty = directory.file("empty")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    let result = Self.demo(["--db", directory.database, "--samples", empty])
    #expect(result.code == 1)
    #expect(result.err == "error: \(empty): no run folders (run.json) found\n")
  }
}
