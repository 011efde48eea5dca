import SQLite
import Testing

@testable import MetadataStore

/// The reads of one node across many runs (a node's history): the same answers as the
/// per-run reads, scoped to the environment and the account, and index plans.
@Suite struct NodeHistoryReadTests {
  typealias P = SyntheticProject

  /// Four runs of environment 1 (the model's definitions: version 1, 1, 2, 1 again) and
  /// one run of environment 2; run 2 also has a docs generate step (`executes_node = 0`).
  static func store() throws -> (TemporaryDatabase, MetadataStore, runs: [Int], other: Int) {
    let database = try TemporaryDatabase()
    let store = try database.open()
    var runs: [Int] = []
    for (run, version) in [(1, 1), (2, 1), (3, 2), (4, 1)] {
      let project = P(run: run, modelVersion: version)
      var results = [
        try project.runResults([(P.model, run == 3 ? "error" : "success"), (P.test, "pass")])
      ]
      if run == 2 {
        results.append(
          try project.runResults(step: "generate", [(P.model, "success")], minutes: 20))
      }
      runs.append(try store.ingest(project.request(runResults: results)).runID)
    }
    let other = P(run: 5, modelVersion: 1)
    let otherRun = try store.ingest(
      other.request(
        runResults: [try other.runResults([(P.model, "success")])], job: 2, environment: 2)
    ).runID
    return (database, store, runs, otherRun)
  }

  @Test func nodeInRunsMatchesThePerRunDefinitions() throws {
    let (database, store, runs, other) = try Self.store()
    defer { withExtendedLifetime(database) {} }
    let wanted = [runs[3], runs[1], 99_999, runs[2], other, runs[0], runs[1]]
    let records = try store.nodeInRuns(
      accountID: 1, environmentID: 1, uniqueID: P.model, runIDs: wanted)
    // In the order asked, once each; unknown runs and runs of environment 2 left out.
    #expect(records.map(\.run.id) == [runs[3], runs[1], runs[2], runs[0]])
    for record in records {
      let expected = try store.definitions(accountID: 1, runID: record.run.id, uniqueIDs: [P.model])
      #expect(record.definition == expected.first)
      #expect(record.run == (try store.runInfo(accountID: 1, id: record.run.id)))
    }
    // Runs 1, 2 and 4 share the first definition, run 3 has the second.
    let hashes = records.map { $0.definition?.contentHash }
    #expect(hashes[0] == hashes[1] && hashes[1] == hashes[3] && hashes[0] != hashes[2])

    // A node the manifests do not have: the runs, without a definition.
    let absent = try store.nodeInRuns(
      accountID: 1, environmentID: 1, uniqueID: "model.shop.absent", runIDs: runs)
    #expect(absent.isEmpty)
    let test = try store.nodeInRuns(accountID: 1, environmentID: 1, uniqueID: P.test, runIDs: runs)
    #expect(test.map(\.definition?.resourceType) == Array(repeating: "test", count: 4))

    #expect(
      try store.nodeInRuns(accountID: 2, environmentID: 1, uniqueID: P.model, runIDs: runs)
        .isEmpty)
    #expect(
      try store.nodeInRuns(accountID: 1, environmentID: 2, uniqueID: P.model, runIDs: runs)
        .isEmpty)
    #expect(
      try store.nodeInRuns(accountID: 1, environmentID: 1, uniqueID: P.model, runIDs: []).isEmpty)
  }

  /// One node's executions across runs of its environment: the pairs' answer for the
  /// runs of that environment (every step's results, the executing step first).
  @Test func oneNodeAcrossRunsMatchesThePairsExecutions() throws {
    let (database, store, runs, other) = try Self.store()
    defer { withExtendedLifetime(database) {} }
    let wanted = [runs[3], runs[1], runs[0], other, 99_999]
    let executions = try store.nodeExecutions(
      accountID: 1, environmentID: 1, uniqueID: P.model, runIDs: wanted)
    let expected = try store.executions(
      accountID: 1,
      keys: [runs[3], runs[1], runs[0]].map { RunNodeKey(runID: $0, uniqueID: P.model) })
    #expect(executions == expected)
    // Run 2 has its build result, then its docs generate result; run 3 is not asked for.
    #expect(executions.map(\.runID) == [runs[0], runs[1], runs[1], runs[3]])
    #expect(executions.map(\.executesNode) == [true, true, false, true])
    #expect(
      try store.nodeExecutions(accountID: 1, environmentID: 2, uniqueID: P.model, runIDs: wanted)
        .map(\.runID) == [other])
    #expect(
      try store.nodeExecutions(accountID: 2, environmentID: 1, uniqueID: P.model, runIDs: runs)
        .isEmpty)
    #expect(
      try store.nodeExecutions(accountID: 1, environmentID: 1, uniqueID: P.model, runIDs: [])
        .isEmpty)
  }

  /// Plans: the model's runs through the node's unique index and `execution_by_node`,
  /// the node's executions through one range of `execution_by_node`, the runs' definitions
  /// through `manifest_member`'s primary key; no table is scanned (only the JSON list of
  /// run ids) and no temporary b-tree is built.
  @Test(arguments: ["modelRuns", "runsWithDefinition", "nodeExecutions"])
  func planUsesIndexes(name: String) throws {
    let (sql, indexes): (String, [String]) =
      switch name {
      case "modelRuns":
        (MetadataStore.modelRunsByUniqueIDSQL, ["sqlite_autoindex_node_1", "execution_by_node"])
      case "runsWithDefinition":
        (
          MetadataStore.runsWithDefinitionSQL,
          ["sqlite_autoindex_node_1", "sqlite_autoindex_definition_1", "PRIMARY KEY"]
        )
      default: (MetadataStore.nodeExecutionsSQL, ["execution_by_node (environment_id=? AND"])
      }
    let plan = try TemporaryDatabase.queryPlan(of: sql)
    #expect(!plan.isEmpty)
    for step in plan where step.hasPrefix("SCAN ") {
      #expect(step.hasPrefix("SCAN k VIRTUAL TABLE"), "\(name): \(plan)")
    }
    #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(name): \(plan)")
    for index in indexes {
      #expect(plan.contains { $0.contains(index) }, "\(name): \(plan)")
    }
  }
}
