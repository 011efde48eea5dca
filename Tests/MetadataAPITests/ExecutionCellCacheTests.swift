import CLI
import Foundation
import GraphQL
import MetadataStore
import Testing

@testable import MetadataAPI

/// `performance`'s model statistics summed from the cached cells (``ExecutionCellCache``)
/// answer what the store's SQL aggregate answers, for every order, window, job filter and
/// job limit, and stay right across ingests (the cells are brought up to date by the next
/// request, never served stale).
@Suite struct ExecutionCellCacheTests {
  static let orders: [ModelExecutionOrder] = [.executions, .averageTime, .maxTime, .failures]
  static let windows = [
    DayWindow(start: "2026-03-01", end: "2026-03-31"),
    DayWindow(start: "2026-03-05", end: "2026-03-06"),
    DayWindow(start: "2026-03-02", end: "2026-03-07"),
    DayWindow(start: "2027-01-01", end: "2027-01-02"),
  ]

  /// Equal but for averages, which may differ in the last bits (another summation order).
  static func same(_ a: [ModelExecutionStatsRecord], _ b: [ModelExecutionStatsRecord]) -> Bool {
    func close(_ x: Double?, _ y: Double?) -> Bool {
      switch (x, y) {
      case (nil, nil): return true
      case (let x?, let y?): return abs(x - y) <= 1e-9 * max(1, abs(x))
      default: return false
      }
    }
    guard a.count == b.count else { return false }
    return zip(a, b).allSatisfy { x, y in
      x.uniqueID == y.uniqueID && x.totalExecutions == y.totalExecutions
        && x.failedExecutions == y.failedExecutions && x.maxExecutionTime == y.maxExecutionTime
        && close(x.averageExecutionTime, y.averageExecutionTime) && x.byJob.count == y.byJob.count
        && zip(x.byJob, y.byJob).allSatisfy { j, k in
          j.jobID == k.jobID && j.totalExecutions == k.totalExecutions
            && j.failedExecutions == k.failedExecutions && j.maxExecutionTime == k.maxExecutionTime
            && close(j.averageExecutionTime, k.averageExecutionTime)
        }
    }
  }

  /// Every combination, cells against SQL, on one store.
  static func checkAgainstSQL(_ store: MetadataStore, _ cache: ExecutionCellCache) throws {
    for environment in [1, 2] {
      let table = try #require(
        try cache.table(store: store, accountID: 1, environmentID: environment))
      for order in orders {
        for window in windows {
          for jobID in [nil, 101, 102, 201] as [Int?] {
            for (limit, jobLimit) in [(5, 5), (500, 1), (2, 0)] {
              let sql = try store.modelExecutionStats(
                accountID: 1, environmentID: environment, window: window, jobID: jobID,
                order: order, limit: limit, jobLimit: jobLimit)
              let cells = table.stats(
                window: window, jobID: jobID, order: order, limit: limit, jobLimit: jobLimit)
              #expect(
                same(cells, sql),
                "environment \(environment) \(order) \(window) job \(String(describing: jobID)) limit \(limit)/\(jobLimit): \(cells) vs \(sql)"
              )
            }
          }
        }
      }
    }
  }

  @Test func cellsAnswerWhatTheSQLAggregateAnswers() throws {
    let store = try SampleDatabase.api().store
    let cache = ExecutionCellCache()
    try Self.checkAgainstSQL(store, cache)
    // The sample window has executions: the comparison is not of empty lists.
    let table = try #require(try cache.table(store: store, accountID: 1, environmentID: 1))
    #expect(
      !table.stats(
        window: Self.windows[0], jobID: nil, order: .failures, limit: 5, jobLimit: 5
      ).isEmpty)
    #expect(try cache.table(store: store, accountID: 2, environmentID: 1) == nil)
    #expect(try cache.table(store: store, accountID: 1, environmentID: 99) == nil)
  }

  /// Half the runs, a request (the cells are read), the other half, a request: the
  /// second answer includes the new runs, as the SQL aggregate does.
  @Test func anIngestIsInTheNextAnswer() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("execution-cells-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try MetadataStore(path: directory.appendingPathComponent("cells.sqlite").path)
    let requests = try SampleRuns.read(
      under: SampleDatabase.repository.appendingPathComponent("sample-runs").path)
    let half = requests.count / 2
    try SampleRuns.ingest(Array(requests.prefix(half)), into: store)
    let cache = ExecutionCellCache()
    let before = try #require(try cache.table(store: store, accountID: 1, environmentID: 1))
    try SampleRuns.ingest(Array(requests.dropFirst(half)), into: store)
    let after = try #require(try cache.table(store: store, accountID: 1, environmentID: 1))
    #expect(after.generation > before.generation)
    let window = Self.windows[0]
    #expect(
      after.stats(window: window, jobID: nil, order: .executions, limit: 500, jobLimit: 5).map(
        \.totalExecutions
      ).reduce(0, +)
        > before.stats(window: window, jobID: nil, order: .executions, limit: 500, jobLimit: 5)
        .map(\.totalExecutions).reduce(0, +))
    try Self.checkAgainstSQL(store, cache)
    // The API answers through its own cache: the same as the store's SQL.
    let api = try MetadataAPI(store: store)
    let result = api.execute(
      query: """
        { performance(environmentId: 1) { mostExecutedModels(start: "2026-03-01",
          end: "2026-03-31", limit: 500) { uniqueId totalExecutions } } }
        """, accountID: 1)
    #expect(result.errors.isEmpty, "\(result.errors)")
    let served = result.data?["performance"]?["mostExecutedModels"]?.listValue ?? []
    let sql = try store.modelExecutionStats(
      accountID: 1, environmentID: 1, window: window, order: .executions, limit: 500, jobLimit: 0)
    #expect(served.compactMap { $0["uniqueId"]?.stringValue } == sql.map(\.uniqueID))
    #expect(served.compactMap { $0["totalExecutions"]?.intValue } == sql.map(\.totalExecutions))
  }

  /// An environment larger than the bound is not kept: the caller aggregates in SQL.
  @Test func anEnvironmentOverTheBoundIsNotKept() throws {
    let store = try SampleDatabase.api().store
    let cache = ExecutionCellCache(maximumCells: 3)
    #expect(try cache.table(store: store, accountID: 1, environmentID: 1) == nil)
    #expect(cache.environmentCount == 0)
    let roomy = ExecutionCellCache(maximumCells: 1_000_000)
    _ = try roomy.table(store: store, accountID: 1, environmentID: 1)
    _ = try roomy.table(store: store, accountID: 1, environmentID: 2)
    #expect(roomy.environmentCount == 2)
  }
}
