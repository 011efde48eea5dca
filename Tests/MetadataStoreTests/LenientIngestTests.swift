import Artifacts
import Testing

@testable import MetadataStore

/// Files read leniently are stored with their warnings in the summary, and a pre-0.19
/// compile step never sets a node's status.
@Suite struct LenientIngestTests {
  typealias P = SyntheticProject

  /// A dbt 0.18 `dbt compile` run_results: `status: null` everywhere, compile timings only.
  static let compileV0 = """
    {"results": [
      {"node": {"unique_id": "\(P.model)", "resource_type": "model"}, "error": null, "status": null,
       "timing": [{"name": "compile", "started_at": "2024-01-02T00:20:00Z", "completed_at": "2024-01-02T00:20:01Z"}],
       "thread_id": "Thread-1", "execution_time": 0.5, "fail": null, "warn": null, "skip": false},
      {"node": {"unique_id": "\(P.test)", "resource_type": "test"}, "error": null, "status": null,
       "timing": [{"name": "compile", "started_at": "2024-01-02T00:20:01Z", "completed_at": "2024-01-02T00:20:02Z"}],
       "thread_id": "Thread-1", "execution_time": 0.1, "fail": null, "warn": null, "skip": false}
     ], "generated_at": "2024-01-02T00:21:00Z", "elapsed_time": 2.0, "logs": []}
    """

  @Test func aPre019CompileStepDoesNotOverwriteAFailedTest() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let project = P(run: 1)
    guard
      case .runResults(let compile) = try ArtifactReader.read(
        bytes: Array(Self.compileV0.utf8), name: "compile/run_results.json")
    else {
      Issue.record("not run results")
      return
    }
    let summary = try store.ingest(
      project.request(runResults: [
        try project.runResults(step: "test", [(P.test, "fail")], minutes: 10),
        NamedArtifact(file: "compile/run_results.json", value: compile),
      ]))
    #expect(summary.executionsByStatus == ["fail": 1])
    #expect(summary.nonExecutingResults == 2)
    let applied = try store.appliedState(accountID: 1, environmentID: 1, resourceType: "test")
    #expect(applied.first?.lastExecution?.status == "fail")
    let model = try store.appliedState(accountID: 1, environmentID: 1, resourceType: "model")
    #expect(model.first?.lastExecution == nil)
    #expect(
      summary.warnings.contains(
        "compile/run_results.json: no metadata.dbt_schema_version: read as a pre-0.19 (v0) "
          + "run results file, the format of dbt 0.18 and earlier"), "\(summary.warnings)")
  }

  @Test func nullEntriesAreStoredWithAWarningNamingTheFile() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let text = P(run: 1).manifestText.replacingOccurrences(
      of: #""macros": []"#, with: #""macros": [null]"#)
    guard
      case .manifest(let manifest) = try ArtifactReader.read(
        bytes: Array(text.utf8), name: "m.json")
    else {
      Issue.record("not a manifest")
      return
    }
    var request = try P(run: 1).request()
    request.manifest = NamedArtifact(file: "target/manifest.json", value: manifest)
    let summary = try store.ingest(request)
    #expect(summary.outcome == .created)
    let warning = try #require(summary.warnings.first)
    #expect(warning.hasPrefix("target/manifest.json: "))
    #expect(warning.contains("null entr"))
    #expect(warning.contains(".depends_on.macros[0])"))
  }
}
