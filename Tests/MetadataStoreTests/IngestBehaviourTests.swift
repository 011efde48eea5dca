import Artifacts
import Foundation
import SQLite
import Testing

@testable import MetadataStore

/// Idempotency, atomicity, applied state, history growth and docs-generate handling.
@Suite struct IngestBehaviourTests {
  typealias P = SyntheticProject

  @Test func reingestingTheSameArtifactsChangesNothing() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let set = try Fixtures.set("diy9-dbt/target")
    let first = try store.ingest(Fixtures.request(set))
    #expect(first.outcome == .created)
    #expect(first.executions > 0)
    #expect(first.freshnessResults > 0)
    #expect(first.catalogTables > 0)
    let before = try database.dump()
    let second = try store.ingest(Fixtures.request(set))
    #expect(second.outcome == .unchanged)
    #expect(second.runID == first.runID)
    #expect(second.executions == 0)
    #expect(second.newDefinitions == 0)
    #expect(try database.dump() == before)
  }

  @Test func aFailureLateInTheIngestStoresNothing() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let project = P(run: 1)
    _ = try store.ingest(project.request(catalog: try project.catalog(rows: 5)))
    let before = try database.dump()
    // Same manifest (the same run), a new build step (executions and applied state are
    // written first), then a second, different catalog: a run holds at most one.
    var request = try project.request(
      runResults: [try project.runResults([(P.model, "success"), (P.test, "pass")])],
      catalog: try P(run: 2).catalog(rows: 6))
    request.jobName = "renamed"
    let error = try #require(throws: StoreError.self) { try store.ingest(request) }
    #expect(error.description.contains("already has a catalog"))
    #expect(try database.dump() == before)
  }

  @Test func newArtifactsExtendAnExistingRun() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let project = P(run: 1)
    let created = try store.ingest(
      project.request(runResults: [try project.runResults([(P.model, "success")])]))
    let extended = try store.ingest(
      project.request(
        runResults: [try project.runResults([(P.model, "success")])],
        sources: try project.sources(status: "pass")))
    #expect(extended.outcome == .extended)
    #expect(extended.runID == created.runID)
    #expect(extended.executions == 0)
    #expect(extended.freshnessResults == 1)
    #expect(try database.count("run") == 1)
    #expect(try database.count("artifact") == 3)
  }

  @Test func appliedStateFollowsFailureAndRecovery() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let statuses: [(String, String)] = [
      ("success", "pass"), ("error", "skipped"), ("success", "fail"),
    ]
    var runIDs: [Int] = []
    for (index, (model, test)) in statuses.enumerated() {
      let project = P(run: index + 1)
      let summary = try store.ingest(
        project.request(runResults: [try project.runResults([(P.model, model), (P.test, test)])]))
      runIDs.append(summary.runID)

      let applied = try store.appliedState(accountID: 1, environmentID: 1, resourceType: "model")
      let orders = try #require(applied.first { $0.definition.uniqueID == P.model })
      #expect(orders.lastExecution?.runID == summary.runID)
      #expect(orders.lastExecution?.status == model)
      let expectedSuccess = index == 1 ? runIDs[0] : summary.runID
      #expect(orders.lastSuccess?.runID == expectedSuccess)
      #expect(orders.lastSuccess?.status == "success")
    }
    let tests = try store.appliedState(accountID: 1, environmentID: 1, resourceType: "test")
    let notNull = try #require(tests.first)
    #expect(notNull.lastExecution?.status == "fail")
    #expect(notNull.lastExecution?.failures == 3)
    #expect(notNull.lastSuccess?.runID == runIDs[0])

    let history = try store.executionHistory(
      accountID: 1, environmentID: 1, uniqueID: P.model, limit: 2)
    #expect(history.map(\.runID) == [runIDs[2], runIDs[1]])
    #expect(history.map(\.status) == ["success", "error"])
    #expect(history[1].message == "relation does not exist")
    #expect(history[0].executeCompletedAt == P(run: 3).time(minutes: 10))
  }

  @Test func anOlderRunIngestedLateDoesNotMoveAppliedStateBack() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let newer = P(run: 5)
    let older = P(run: 2)
    let newerRun = try store.ingest(
      newer.request(runResults: [try newer.runResults([(P.model, "error")])]))
    let olderRun = try store.ingest(
      older.request(runResults: [try older.runResults([(P.model, "success")])]))
    let applied = try store.appliedState(accountID: 1, environmentID: 1, resourceType: "model")
    #expect(applied.first?.lastExecution?.runID == newerRun.runID)
    #expect(applied.first?.lastExecution?.status == "error")
    // The older success is still the only success: that pointer moves, the other does not.
    #expect(applied.first?.lastSuccess?.runID == olderRun.runID)
    #expect(try store.latestRun(accountID: 1, environmentID: 1)?.id == newerRun.runID)

    // A success older than both pointers moves neither.
    let oldest = P(run: 1)
    _ = try store.ingest(
      oldest.request(runResults: [try oldest.runResults([(P.model, "success")])]))
    let after = try store.appliedState(accountID: 1, environmentID: 1, resourceType: "model")
    #expect(after.first?.lastExecution?.runID == newerRun.runID)
    #expect(after.first?.lastSuccess?.runID == olderRun.runID)
    // A newer success moves both.
    let newest = P(run: 7)
    let newestRun = try store.ingest(
      newest.request(runResults: [try newest.runResults([(P.model, "success")])]))
    let last = try store.appliedState(accountID: 1, environmentID: 1, resourceType: "model")
    #expect(last.first?.lastExecution?.runID == newestRun.runID)
    #expect(last.first?.lastSuccess?.runID == newestRun.runID)
  }

  @Test func docsGenerateDoesNotOverwriteAFailedTest() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let project = P(run: 1)
    let summary = try store.ingest(
      project.request(runResults: [
        try project.runResults(step: "test", [(P.test, "fail")], minutes: 10),
        try project.runResults(
          step: "generate", [(P.model, "success"), (P.test, "success")],
          invocation: "docs-invocation", minutes: 30),
      ]))
    #expect(summary.executionsByStatus == ["fail": 1])
    #expect(summary.nonExecutingResults == 2)
    let status = try store.execution(accountID: 1, runID: summary.runID, uniqueID: P.test)
    #expect(status?.status == "fail")
    #expect(status?.step == "test")
    let applied = try store.appliedState(accountID: 1, environmentID: 1, resourceType: "test")
    #expect(applied.first?.lastExecution?.status == "fail")
    #expect(applied.first?.lastSuccess == nil)
    // The model was only "generated": no execution, no success.
    let model = try store.appliedState(accountID: 1, environmentID: 1, resourceType: "model")
    #expect(model.first?.lastExecution == nil)
    // ...but the docs step is kept as the run's history.
    let all = try store.executions(accountID: 1, runID: summary.runID)
    #expect(all.count == 3)
    #expect(all.filter { !$0.executesNode }.map(\.step) == ["generate", "generate"])
  }

  /// A model whose SQL goes back to an older version (in a manifest that differs from
  /// every earlier one) reuses that version's definition row: the insert conflicts on
  /// `(node_id, content_hash)` and the stored id is looked up.
  @Test func aRevertedModelReusesItsOlderDefinition() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let first = try store.ingest(P(run: 1).request())
    #expect(first.newDefinitions == 3)
    let changed = try store.ingest(P(run: 2, modelVersion: 1).request())
    #expect(changed.newDefinitions == 1)
    let reverted = try store.ingest(P(run: 3, modelVersion: 0, extraModels: 1).request())
    #expect(reverted.newDefinitions == 1)  // only model.shop.extra_0
    #expect(!reverted.reusedManifestVersion)
    #expect(try database.count("definition") == 5)
    #expect(try database.count("manifest_version") == 3)
    let definitionOf = """
      SELECT manifest_member.definition_id FROM run
      JOIN manifest_member ON manifest_member.manifest_version_id = run.manifest_version_id
      JOIN definition ON definition.id = manifest_member.definition_id
      JOIN node ON node.id = definition.node_id
      WHERE run.id = ? AND node.unique_id = ?
      """
    let original = try database.count(definitionOf, [.integer(Int64(first.runID)), .text(P.model)])
    let edited = try database.count(definitionOf, [.integer(Int64(changed.runID)), .text(P.model)])
    let restored = try database.count(
      definitionOf, [.integer(Int64(reverted.runID)), .text(P.model)])
    #expect(original != 0)
    #expect(edited != original)
    #expect(restored == original)
    // Lineage edges were stored once per definition, not again for the reverted one.
    #expect(try database.count("lineage_edge") == 4)
  }

  @Test func aHundredRunsOfAnUnchangedProjectShareTheirDefinitions() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    var definitionsAfterFirst = 0
    var membersAfterFirst = 0
    var edgesAfterFirst = 0
    for run in 1...100 {
      let project = P(run: run, extraModels: 20)
      let summary = try store.ingest(
        project.request(
          runResults: [try project.runResults([(P.model, "success"), (P.test, "pass")])],
          sources: try project.sources(status: "pass"), catalog: try project.catalog(rows: run)))
      #expect(summary.outcome == .created)
      if run == 1 {
        definitionsAfterFirst = try database.count("definition")
        membersAfterFirst = try database.count("manifest_member")
        edgesAfterFirst = try database.count("lineage_edge")
        #expect(definitionsAfterFirst == 23)
        #expect(edgesAfterFirst == 22)
      } else {
        #expect(summary.newDefinitions == 0)
        #expect(summary.reusedManifestVersion)
      }
    }
    #expect(try database.count("run") == 100)
    #expect(try database.count("definition") == definitionsAfterFirst)
    #expect(try database.count("manifest_version") == 1)
    #expect(try database.count("manifest_member") == membersAfterFirst)
    #expect(try database.count("lineage_edge") == edgesAfterFirst)
    #expect(try database.count("node") == 23)
    #expect(try database.count("catalog_column_set") == 1)
    #expect(try database.count("catalog_column") == 1)
    // History is per run.
    #expect(try database.count("execution") == 200)
    #expect(try database.count("freshness_result") == 100)
    #expect(try database.count("catalog_entry") == 100)
    #expect(try database.count("applied_state") == 3)

    // One changed model adds one definition and one manifest version, nothing else.
    let changed = P(run: 101, modelVersion: 1, extraModels: 20)
    let summary = try store.ingest(
      changed.request(catalog: try changed.catalog(rows: 1, extraColumn: true)))
    #expect(summary.newDefinitions == 1)
    #expect(!summary.reusedManifestVersion)
    #expect(try database.count("definition") == definitionsAfterFirst + 1)
    #expect(try database.count("manifest_version") == 2)
    #expect(try database.count("lineage_edge") == edgesAfterFirst + 1)
    #expect(try database.count("catalog_column_set") == 2)
    let history = try store.executionHistory(
      accountID: 1, environmentID: 1, uniqueID: P.model, limit: 5)
    #expect(history.count == 5)
    #expect(history.first?.runID == 100)
  }
}
