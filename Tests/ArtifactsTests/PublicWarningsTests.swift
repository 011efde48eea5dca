import Testing

@testable import Artifacts

/// What the readers skip in the real public artifacts, file by file: every public file
/// reads, and the only value skipped is the hand-edited `"failures": "Test failure"` that
/// `reference/dbt-artifacts.md` §8 lists.
@Suite struct PublicWarningsTests {
  @Test func everyPublicArtifactReadsWithOnlyTheKnownWarning() throws {
    var found: [String: [String]] = [:]
    var read = 0
    for file in Fixtures.allPublicJSON() {
      let artifact = try ArtifactReader.read(file: Fixtures.path(file))
      read += 1
      if !artifact.warnings.isEmpty { found[file] = artifact.warnings.map(\.description) }
    }
    #expect(read > 80)
    #expect(
      found == [
        "openlineage/no_test_metadata/target/run_results.json": [
          "1 value of an unexpected type ignored (first: $.results[1].failures: expected an integer, found a string)"
        ]
      ])
  }
}
