import Testing

@testable import MetadataStore

/// The API's run reads without counts (``RunInfoRecord``) and the batch reads of nodes
/// across several runs: the same answers as the per-run reads, scoped to the account.
@Suite struct RunNodeReadTests {
  typealias P = SyntheticProject

  @Test func runInfosMatchTheRunsWithoutCounts() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let first = try store.ingest(
      P(run: 1).request(runResults: [try P(run: 1).runResults([(P.model, "success")])]))
    let second = try store.ingest(P(run: 2).request(job: 2))
    let infos = try store.runInfos(accountID: 1, ids: [second.runID, first.runID, 99_999])
    #expect(infos.map(\.id) == [first.runID, second.runID])
    for info in infos {
      let run = try #require(try store.run(accountID: 1, id: info.id))
      #expect(info.jobID == run.jobID && info.environmentID == run.environmentID)
      #expect(info.projectID == run.projectID && info.accountID == run.accountID)
      #expect(info.generatedAt == run.generatedAt && info.dbtVersion == run.dbtVersion)
      #expect(info.invocationID == run.invocationID && info.ingestedAt == run.ingestedAt)
      #expect(info.manifestVersionID == run.manifestVersionID && info.jobName == run.jobName)
    }
    #expect(try store.latestRunInfo(accountID: 1, jobID: 2)?.id == second.runID)
    #expect(
      try store.latestRunInfo(accountID: 1, environmentID: 1)?.id
        == store.latestRun(accountID: 1, environmentID: 1)?.id)
    #expect(try store.runInfos(accountID: 2, ids: [first.runID]).isEmpty)
    #expect(try store.latestRunInfo(accountID: 2, jobID: 1) == nil)
    #expect(try store.latestRunInfo(accountID: 2, environmentID: 1) == nil)
    #expect(try store.runInfos(accountID: 1, ids: []).isEmpty)
  }

  @Test func nodesAcrossRunsMatchThePerRunReads() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    var runIDs: [Int] = []
    for run in 1...3 {
      let project = P(run: run, modelVersion: run)
      let status = run == 2 ? "error" : "success"
      runIDs.append(
        try store.ingest(
          project.request(runResults: [try project.runResults([(P.model, status)])])
        ).runID)
    }
    let keys = runIDs.flatMap { id in
      [P.model, P.test, "model.shop.absent"].map { RunNodeKey(runID: id, uniqueID: $0) }
    }
    let definitions = try store.definitions(accountID: 1, keys: keys)
    var expected: [(Int, DefinitionRecord)] = []
    for id in runIDs {
      for definition in try store.definitions(
        accountID: 1, runID: id, uniqueIDs: [P.model, P.test, "model.shop.absent"])
      {
        expected.append((id, definition))
      }
    }
    #expect(definitions.map(\.runID) == expected.map(\.0))
    #expect(definitions.map(\.definition) == expected.map(\.1))
    #expect(definitions.count == 6)

    let executions = try store.executions(accountID: 1, keys: keys)
    var expectedExecutions: [ExecutionRecord] = []
    for id in runIDs {
      expectedExecutions += try store.executions(
        accountID: 1, runID: id, uniqueIDs: [P.model, P.test, "model.shop.absent"])
    }
    #expect(executions == expectedExecutions)
    #expect(executions.map(\.status) == ["success", "error", "success"])

    #expect(try store.definitions(accountID: 2, keys: keys).isEmpty)
    #expect(try store.executions(accountID: 2, keys: keys).isEmpty)
    #expect(try store.definitions(accountID: 1, keys: []).isEmpty)
  }

  @Test func freshnessAcrossRunsMatchesThePerRunReads() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    var runIDs: [Int] = []
    for (run, status) in [(1, "pass"), (2, "warn"), (3, "error")] {
      let project = P(run: run)
      runIDs.append(
        try store.ingest(project.request(sources: try project.sources(status: status))).runID)
    }
    let keys = runIDs.flatMap { id in
      [P.source, P.model].map { RunNodeKey(runID: id, uniqueID: $0) }
    }
    var expected: [JobFreshnessRecord] = []
    for id in runIDs {
      expected += try store.freshness(accountID: 1, runID: id, uniqueIDs: [P.model, P.source])
    }
    let found = try store.freshness(accountID: 1, keys: keys)
    #expect(found == expected)
    #expect(found.map(\.result.status) == ["pass", "warn", "error"])
    #expect(try store.freshness(accountID: 2, keys: keys).isEmpty)
  }
}
