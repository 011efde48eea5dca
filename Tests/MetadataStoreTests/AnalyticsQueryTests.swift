import SQLite
import Testing

@testable import MetadataStore

/// The read functions behind lineage, performance and Part 3 history
/// (`MetadataStore+Graph`, `+Performance`, `+FreshnessHistory`) on three synthetic runs,
/// one a day (2024-01-02 to 01-04): the model errors and its test fails in run 2, the
/// source warns in run 2 and errors in run 3. Every function answers nothing for another
/// account.
@Suite struct AnalyticsQueryTests {
  static let model = SyntheticProject.model
  static let test = SyntheticProject.test
  static let source = SyntheticProject.source

  /// The store with the three runs (job 1), and a CI run (job 2) on day 3.
  static func store() throws -> (TemporaryDatabase, MetadataStore) {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let statuses: [(model: String, test: String, source: String)] = [
      ("success", "pass", "pass"), ("error", "fail", "warn"), ("success", "pass", "error"),
    ]
    for (index, status) in statuses.enumerated() {
      let project = SyntheticProject(run: index + 1)
      _ = try store.ingest(
        project.request(
          runResults: [try project.runResults([(model, status.model), (test, status.test)])],
          sources: try project.sources(status: status.source)))
    }
    let ci = SyntheticProject(run: 3)
    _ = try store.ingest(
      ci.request(
        runResults: [
          try ci.runResults(
            [(model, "success"), (test, "pass")], invocation: "ci-run", minutes: 30)
        ], job: 2))
    return (database, store)
  }

  static let all = DayWindow(start: "2024-01-01", end: "2024-01-31")

  @Test func lineageGraphHasNodesEdgesAndAppliedStatus() throws {
    let (database, store) = try Self.store()
    defer { withExtendedLifetime(database) {} }
    let graph = try #require(try store.lineageGraph(accountID: 1, environmentID: 1))
    #expect(graph.projectID == 1)
    let byID = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.uniqueID, $0) })
    #expect(byID[Self.model]?.parentIDs == [Self.source])
    #expect(byID[Self.test]?.parentIDs == [Self.model])
    #expect(byID[Self.test]?.testedUniqueID == Self.model)
    #expect(byID[Self.model]?.lastRunStatus == "success")
    #expect(byID[Self.source]?.freshnessStatus == "error")
    #expect(graph.nodes.map(\.uniqueID) == graph.nodes.map(\.uniqueID).sorted())
    #expect(!graph.nodes.contains { $0.resourceType == "macro" })
    #expect(try store.lineageGraph(accountID: 2, environmentID: 1) == nil)
    #expect(try store.lineageGraph(accountID: 1, environmentID: 99) == nil)
  }

  @Test func executionStatsCountFailuresPerModelAndJob() throws {
    let (database, store) = try Self.store()
    defer { withExtendedLifetime(database) {} }
    let failed = try store.modelExecutionStats(
      accountID: 1, environmentID: 1, window: Self.all, order: .failures, limit: 5, jobLimit: 5)
    #expect(failed.map(\.uniqueID) == [Self.model])
    #expect(failed.first?.totalExecutions == 4 && failed.first?.failedExecutions == 1)
    #expect(failed.first?.byJob.map(\.jobID) == [1, 2])  // most failing job first
    let executed = try store.modelExecutionStats(
      accountID: 1, environmentID: 1, window: Self.all, order: .executions, limit: 5,
      jobLimit: 5)
    #expect(executed.first?.byJob.map(\.totalExecutions) == [3, 1])
    // Day 2 alone holds the failure; day 3 none. Job 2 alone never failed.
    let dayTwo = DayWindow(start: "2024-01-03", end: "2024-01-03")
    #expect(
      try store.modelExecutionStats(
        accountID: 1, environmentID: 1, window: dayTwo, order: .failures, limit: 5, jobLimit: 5
      ).first?.failedExecutions == 1)
    #expect(
      try store.modelExecutionStats(
        accountID: 1, environmentID: 1, window: DayWindow(start: "2024-01-04", end: "2024-01-04"),
        order: .failures, limit: 5, jobLimit: 5
      ).isEmpty)
    #expect(
      try store.modelExecutionStats(
        accountID: 1, environmentID: 1, window: Self.all, jobID: 2, order: .failures, limit: 5,
        jobLimit: 5
      ).isEmpty)
    #expect(
      try store.modelExecutionStats(
        accountID: 2, environmentID: 1, window: Self.all, order: .executions, limit: 5,
        jobLimit: 5
      ).isEmpty)
  }

  @Test func historyByDayAndJobWithSQLMeans() throws {
    let (database, store) = try Self.store()
    defer { withExtendedLifetime(database) {} }
    let days = try store.modelExecutionHistory(
      accountID: 1, environmentID: 1, uniqueID: Self.model, window: Self.all)
    #expect(days.map(\.day) == ["2024-01-02", "2024-01-03", "2024-01-04"])
    #expect(days.last?.jobs.map(\.jobID) == [1, 2])
    #expect(days[1].jobs.first?.executions.first?.status == "error")
    #expect(days.allSatisfy { $0.meanExecutionTime == 1.25 })
    #expect(days.first?.jobs.first?.executions.first?.adapter == "postgres")
    #expect(
      try store.modelExecutionHistory(
        accountID: 2, environmentID: 1, uniqueID: Self.model, window: Self.all
      ).isEmpty)
  }

  @Test func testFailuresAndJobsOfAModel() throws {
    let (database, store) = try Self.store()
    defer { withExtendedLifetime(database) {} }
    let failures = try store.modelTestFailures(
      accountID: 1, environmentID: 1, window: Self.all, limit: 5)
    #expect(
      failures == [
        ModelTestFailureRecord(uniqueID: Self.model, runsWithTests: 4, runsWithTestFailures: 1)
      ])
    #expect(
      try store.jobsExecutingModel(
        accountID: 1, environmentID: 1, uniqueID: Self.model, window: Self.all
      ).map(\.id) == [1, 2])
    #expect(
      try store.modelTestFailures(accountID: 2, environmentID: 1, window: Self.all, limit: 5)
        .isEmpty)
  }

  @Test func historyRunIDsNewestFirst() throws {
    let (database, store) = try Self.store()
    defer { withExtendedLifetime(database) {} }
    let freshness = try store.freshnessRunIDs(
      accountID: 1, environmentID: 1, uniqueID: Self.source, limit: 10)
    #expect(freshness.count == 3 && freshness == freshness.sorted(by: >))
    let tests = try store.executionRunIDs(
      accountID: 1, environmentID: 1, uniqueID: Self.test, limit: 2)
    #expect(tests.count == 2 && tests == tests.sorted(by: >))
    #expect(tests.first == freshness.first.map { $0 + 1 })  // the CI run came last
    #expect(
      try store.freshnessRunIDs(accountID: 2, environmentID: 1, uniqueID: Self.source, limit: 10)
        .isEmpty)
  }

  @Test func graphQueriesUseIndexes() throws {
    let (database, _) = try Self.store()
    let connection = try Connection(path: database.path, mode: .readOnly)
    for sql in [MetadataStore.graphNodesSQL, MetadataStore.graphEdgesSQL] {
      let plan = try connection.query("EXPLAIN QUERY PLAN " + sql) { $0.string(at: 3) ?? "" }
      #expect(!plan.contains { $0.hasPrefix("SCAN ") }, "\(plan)")
    }
  }
}
