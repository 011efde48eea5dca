import Artifacts
import Testing

@testable import MetadataStore

/// Grouping artifacts of unknown kinds into one run: every kind lands in its slot, run
/// results accumulate, and a second manifest, sources or catalog is refused naming both files.
@Suite struct IngestRequestAddingTests {
  typealias P = SyntheticProject

  @Test func eachKindLandsInItsSlot() throws {
    var request = IngestRequest(
      accountID: 1, projectID: 1, environmentID: 1, jobID: 1, manifest: nil)
    let project = P(run: 1)
    try request.add(.manifest(project.manifest().value), file: "m.json")
    try request.add(.runResults(project.runResults([(P.model, "success")]).value), file: "r1.json")
    try request.add(.runResults(project.runResults([(P.test, "pass")]).value), file: "r2.json")
    try request.add(.sources(project.sources(status: "pass").value), file: "s.json")
    try request.add(.catalog(project.catalog(rows: 3).value), file: "c.json")
    #expect(request.manifest?.file == "m.json")
    #expect(request.runResults.map(\.file) == ["r1.json", "r2.json"])
    #expect(request.sources?.file == "s.json" && request.catalog?.file == "c.json")
  }

  @Test func aSecondManifestSourcesOrCatalogIsRefused() throws {
    let project = P(run: 1)
    let artifacts: [Artifact] = [
      .manifest(try project.manifest().value),
      .sources(try project.sources(status: "pass").value),
      .catalog(try project.catalog(rows: 3).value),
    ]
    for artifact in artifacts {
      var request = IngestRequest(
        accountID: 1, projectID: 1, environmentID: 1, jobID: 1, manifest: nil)
      try request.add(artifact, file: "first.json")
      #expect {
        try request.add(artifact, file: "second.json")
      } throws: { error in
        (error as? StoreError)?.description
          == "a second \(artifact.kind.displayName) for one run: second.json after first.json"
      }
    }
  }
}
