import Foundation
import Testing

@testable import Artifacts

/// Every kind of bad input fails with one clear error naming the file and the place.
@Suite struct BadInputTests {
  func reason(_ body: () throws -> Artifact) -> ArtifactError? {
    do {
      _ = try body()
      return nil
    } catch let error as ArtifactError {
      return error
    } catch {
      return nil
    }
  }

  func read(_ text: String, name: String = "bad.json") -> ArtifactError? {
    reason { try ArtifactReader.read(bytes: Array(text.utf8), name: name) }
  }

  @Test func missingFileNamesPathAndOSError() throws {
    let path = try Fixtures.temporaryDirectory() + "/no/such/manifest.json"
    let error = try #require(reason { try ArtifactReader.read(file: path) })
    #expect(error.file == path)
    #expect(error.reason == .unreadable(errno: ENOENT, message: "No such file or directory"))
    #expect(
      error.description == "\(path): cannot read file: No such file or directory (errno \(ENOENT))")
  }

  @Test func directoryIsUnreadable() throws {
    let directory = try Fixtures.temporaryDirectory()
    let error = try #require(reason { try ArtifactReader.read(file: directory) })
    #expect(error.reason == .unreadable(errno: EISDIR, message: "Is a directory"))
  }

  @Test func permissionDeniedWhenNotRoot() throws {
    let path = try Fixtures.temporaryDirectory() + "/secret.json"
    try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
    let error = reason { try ArtifactReader.read(file: path) }
    if getuid() == 0 {
      // root reads anything: the file parses and is then rejected for its shape.
      guard case .unknownKind = error?.reason else {
        Issue.record("expected unknownKind, got \(String(describing: error))")
        return
      }
    } else {
      #expect(error?.reason == .unreadable(errno: EACCES, message: "Permission denied"))
    }
  }

  @Test func truncatedRealManifest() throws {
    let path = Fixtures.path("tuva/v3_dbt0.21.0/manifest.json")
    let bytes = try ArtifactFile.readBytes(path: path)
    let cut = Array(bytes.prefix(100_000))
    let error = try #require(reason { try ArtifactReader.read(bytes: cut, name: "cut.json") })
    guard case .invalidJSON(let offset, let line, let column, let message) = error.reason else {
      Issue.record("expected invalidJSON, got \(error)")
      return
    }
    #expect(error.file == "cut.json")
    #expect(message.contains("truncated"))
    #expect(line == 1)  // dbt writes one line
    // Either the end of input or the opening quote of the string the cut fell into.
    #expect(offset <= 100_000 && offset > 99_000)
    #expect(column == offset + 1)
  }

  @Test func invalidJSONInAFileNamesLineAndColumn() throws {
    let directory = try Fixtures.temporaryDirectory()
    let path = directory + "/manifest.json"
    try Data("{\n  \"metadata\": {},\n  \"nodes\": {,}\n}".utf8).write(
      to: URL(fileURLWithPath: path))
    let error = try #require(reason { try ArtifactReader.read(file: path) })
    #expect(
      error.reason
        == .invalidJSON(
          offset: 32, line: 3, column: 13,
          message: "expected a string key or '}' in an object, found ','"))
    #expect(error.description.hasPrefix("\(path): invalid JSON at line 3, column 13 (byte 32)"))
  }

  @Test func wrongTypeNamesTheJSONPath() throws {
    let manifest = #"""
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"},
       "nodes": {"model.x.y": {"unique_id": "model.x.y", "resource_type": "model", "name": "y",
         "depends_on": {"nodes": ["a", "b", 3], "macros": []}}}}
      """#
    let error = try #require(read(manifest, name: "m.json"))
    #expect(
      error.reason
        == .wrongType(
          path: #"$.nodes["model.x.y"].depends_on.nodes[2]"#, expected: "a string",
          found: "a number"))
    #expect(
      error.description
        == #"m.json: $.nodes["model.x.y"].depends_on.nodes[2]: expected a string, found a number"#)

    let results = #"""
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json"},
       "results": [{"unique_id": "model.a", "status": "success"}, {"unique_id": "model.b", "status": 5}]}
      """#
    #expect(
      read(results)?.reason
        == .wrongType(
          path: "$.results[1].status", expected: "a status string or null", found: "a number"))

    let missingID =
      #"{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v4.json"}, "results": [{"status": "pass"}]}"#
    #expect(
      read(missingID)?.reason
        == .wrongType(
          path: "$.results[0].unique_id", expected: "a string", found: "nothing (missing)"))

    let nodesList =
      #"{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v5.json"}, "nodes": []}"#
    #expect(
      read(nodesList)?.reason
        == .wrongType(path: "$.nodes", expected: "an object keyed by unique_id", found: "an array"))

    let badTime =
      #"{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/catalog/v1.json", "generated_at": "yesterday"}, "nodes": {}, "sources": {}}"#
    #expect(
      read(badTime)?.reason
        == .wrongType(
          path: "$.metadata.generated_at", expected: "an ISO 8601 timestamp", found: "\"yesterday\""
        ))

    #expect(
      read("[1, 2]")?.reason == .wrongType(path: "$", expected: "an object", found: "an array"))
  }

  /// Large manifests are mapped on several threads; the error reported is still the one
  /// of the earliest bad definition, and nothing is returned.
  @Test func theEarliestBadDefinitionIsReportedWhenMappingInParallel() throws {
    var nodes: [String] = []
    for index in 0..<3000 {
      let dependency = index == 700 || index == 2500 ? "42" : "\"model.p.m\(index + 1)\""
      nodes.append(
        #""model.p.m\#(index)": {"unique_id": "model.p.m\#(index)", "resource_type": "model", "name": "m\#(index)", "depends_on": {"nodes": [\#(dependency)], "macros": []}}"#
      )
    }
    let text =
      #"{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"}, "nodes": {"#
      + nodes.joined(separator: ", ") + "}}"
    #expect(ParallelNodeMapper.workerCount(for: 3000) >= 1)
    let error = try #require(read(text, name: "big.json"))
    #expect(
      error.reason
        == .wrongType(
          path: #"$.nodes["model.p.m700"].depends_on.nodes[0]"#, expected: "a string",
          found: "a number"))
  }

  @Test func unknownKindListsTheSupportedOnes() throws {
    let error = try #require(
      read(
        #"{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/semantic-manifest/v1.json"}}"#
      ))
    guard case .unknownKind = error.reason else {
      Issue.record("expected unknownKind, got \(error)")
      return
    }
    #expect(error.description.contains("semantic-manifest/v1.json"))
    #expect(
      error.description.hasSuffix(
        "supported: manifest v0-v12, run-results v0-v6, sources v0-v3, catalog v0-v1"))
    let shapeless = try #require(read(#"{"hello": "world"}"#))
    #expect(shapeless.description.contains(#"["hello"]"#))
  }

  @Test func futureVersionIsRejectedWithTheSupportedList() throws {
    let error = try #require(
      read(
        #"{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v13.json"}, "nodes": {}}"#,
        name: "m13.json"))
    #expect(error.reason == .unsupportedVersion(kind: .manifest, version: 13))
    #expect(
      error.description
        == "m13.json: manifest v13 is not supported; supported: manifest v0-v12, run-results v0-v6, sources v0-v3, catalog v0-v1"
    )
    #expect(
      read(
        #"{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v7.json"}}"#
      )?.reason == .unsupportedVersion(kind: .runResults, version: 7))
  }

  @Test func aRunResultsFileWhereAManifestIsExpected() throws {
    let path = Fixtures.path("dbt-core/results/v6/run_results.json")
    let error = try #require(reason { try ArtifactReader.read(file: path, expecting: .manifest) })
    #expect(error.reason == .unexpectedKind(expected: .manifest, found: .runResults, version: 6))
    #expect(error.description == "\(path): expected a manifest, found run-results v6")
    #expect(throws: ArtifactError.self) { try ArtifactReader.readCatalog(file: path) }
    // The right expectation reads it.
    #expect(try ArtifactReader.read(file: path, expecting: .runResults).kind == .runResults)
  }
}
