import CLI
import Foundation
import GraphQL
import MetadataStore
import Testing

@testable import MetadataAPI

/// The API keeps a model's resolved history between requests (``NodeHistoryCache``): a
/// kept answer equals the uncached path's, a repeat reads only the environment and the
/// generation, any ingest is in the next answer, another account sees nothing, and the
/// bound evicts.
@Suite struct NodeHistoryCacheTests {
  /// Every field of `ModelNode` and one level of its objects (tests, parents, columns).
  static func fullSelection(_ api: MetadataAPI) -> String {
    FullSelection(schema: api.schema).selection(of: "ModelNode", depth: 1)
  }

  /// `modelHistoricalRuns` (kept) of `model`, asked twice, and `modelByEnvironment` (the
  /// job-scoped root, never kept) with the same selection and run count: all three equal.
  static func expectKeptEqualsUncached(
    _ api: MetadataAPI, model: String, runs: Int, selection: String
  ) -> [JSONValue] {
    let kept = """
      { environment(id: 1) { applied { modelHistoricalRuns(uniqueId: "\(model)", lastRunCount: \(runs)) {
        \(selection) } } } }
      """
    let uncached = """
      { modelByEnvironment(environmentId: 1, uniqueId: "\(model)", lastRunCount: \(runs)) {
        \(selection) } }
      """
    let first = api.execute(query: kept, accountID: 1)
    let second = api.execute(query: kept, accountID: 1)
    let reference = api.execute(query: uncached, accountID: 1)
    #expect(first.errors.isEmpty, "\(model): \(first.errors)")
    #expect(reference.errors.isEmpty, "\(model): \(reference.errors)")
    let history = first.data?["environment"]?["applied"]?["modelHistoricalRuns"]
    #expect(history != nil)
    #expect(history == second.data?["environment"]?["applied"]?["modelHistoricalRuns"], "\(model)")
    #expect(history == reference.data?["modelByEnvironment"], "\(model)")
    return history?.listValue ?? []
  }

  @Test func keptHistoriesEqualTheUncachedPathOnTheSampleRuns() throws {
    let shared = try SampleDatabase.api()
    // An API of its own: its caches start empty.
    let api = try MetadataAPI(store: MetadataStore(path: shared.store.path, create: false))
    let models = try SampleDatabase.run("{ models(jobId: 101) { uniqueId } }")
    let ids = (models.data?["models"]?.listValue ?? []).compactMap { $0["uniqueId"]?.stringValue }
    try #require(ids.count >= 5)
    let selection = Self.fullSelection(api)
    var nonEmpty = 0
    for id in ids {
      // 10: modelByEnvironment's most; the sample runs have 10 runs of environment 1.
      if !Self.expectKeptEqualsUncached(api, model: id, runs: 10, selection: selection).isEmpty {
        nonEmpty += 1
      }
    }
    #expect(nonEmpty >= 5)
    // Fewer runs is another history, kept apart.
    let three = Self.expectKeptEqualsUncached(
      api, model: "model.shop.fct_payments", runs: 3, selection: selection)
    #expect(three.count == 3)
  }

  @Test func keptHistoriesEqualTheUncachedPathOnAGeneratedEnvironment() throws {
    let shared = try GeneratedEnvironment.api()
    let api = try MetadataAPI(store: MetadataStore(path: shared.store.path, create: false))
    let selection = Self.fullSelection(api)
    for i in [0, 1, 11, 13, 26, 500, 999] {
      let history = Self.expectKeptEqualsUncached(
        api, model: GeneratedEnvironment.modelID(i), runs: 5, selection: selection)
      #expect(history.count == 1, "model \(i)")
      #expect(history.first?["status"]?.stringValue == GeneratedEnvironment.status(i))
    }
  }

  @Test func anIngestAfterAKeptReadIsInTheNextAnswer() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("history-cache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try MetadataStore(path: directory.appendingPathComponent("history.sqlite").path)
    let requests = try SampleRuns.read(
      under: SampleDatabase.repository.appendingPathComponent("sample-runs").path)
    // Job 101's runs first; job 102 (ci, same environment) ran in between, with lower run
    // ids than 101's latest: its runs come in after the history was kept.
    let nightly = requests.filter { $0.jobID != 102 }
    let ci = requests.filter { $0.jobID == 102 }
    try #require(!ci.isEmpty && ci.allSatisfy { $0.environmentID == 1 })
    try SampleRuns.ingest(nightly, into: store)
    let api = try MetadataAPI(store: store)
    let query = """
      { environment(id: 1) { applied { modelHistoricalRuns(uniqueId: "model.shop.fct_payments",
        lastRunCount: 20) { runId jobId status executionTime executeCompletedAt error } } } }
      """
    func history(_ api: MetadataAPI, account: Int = 1) -> ExecutionResult {
      api.execute(query: query, accountID: account)
    }
    func runIDs(_ result: ExecutionResult) -> [Int] {
      (result.data?["environment"]?["applied"]?["modelHistoricalRuns"]?.listValue ?? [])
        .compactMap { $0["runId"]?.intValue }
    }
    let first = history(api)
    #expect(first.errors.isEmpty, "\(first.errors)")
    let before = store.readStatementCount
    let repeated = history(api)
    // The environment (the root field's check) and the generation, nothing else.
    #expect(store.readStatementCount - before == 2)
    #expect(repeated.data == first.data)

    try SampleRuns.ingest(ci, into: store)
    let after = history(api)
    let fresh = history(try MetadataAPI(store: store))
    #expect(after.errors.isEmpty, "\(after.errors)")
    #expect(after.data == fresh.data)
    let ciRuns = Set(ci.compactMap(\.runID))
    #expect(!Set(runIDs(after)).isDisjoint(with: ciRuns), "job 102's runs are in the history")
    #expect(Set(runIDs(first)).isDisjoint(with: ciRuns))
    #expect(runIDs(after) == runIDs(after).sorted(by: >))

    // Another account: the environment is not found, as without the cache.
    let other = history(api, account: 2)
    let otherFresh = history(try MetadataAPI(store: store), account: 2)
    #expect(other.data == otherFresh.data)
    #expect(other.data?["environment"]?["applied"] == nil)
    #expect(other.errors.map(\.message) == otherFresh.errors.map(\.message))
    #expect(other.errors.first?.message.contains("not found") == true)
  }

  @Test func anotherAccountsEnvironmentIsNotFoundAfterAKeptRead() throws {
    let shared = try SampleDatabase.api()
    let api = try MetadataAPI(store: MetadataStore(path: shared.store.path, create: false))
    let query = """
      { environment(id: 1) { applied { modelHistoricalRuns(uniqueId: "model.shop.fct_orders",
        lastRunCount: 5) { runId status } } } }
      """
    #expect(api.execute(query: query, accountID: 1).errors.isEmpty)
    #expect(api.nodeHistories.historyCount == 1)
    let other = api.execute(query: query, accountID: 2)
    #expect(other.errors.first?.message.contains("Environment 1 not found") == true)
    #expect(other.data?["environment"]?["applied"] == nil)
    // The job-scoped root, not kept: an environment of another account answers as before.
    let root = api.execute(
      query: """
        { modelByEnvironment(environmentId: 1, uniqueId: "model.shop.fct_orders") { runId } }
        """, accountID: 2)
    #expect(!root.errors.isEmpty)
  }

  @Test func historiesBeyondTheBoundAreNotKept() throws {
    let store = try SampleDatabase.api().store
    func history(_ uniqueID: String) throws -> NodeHistoryCache.History {
      let runs = [1001, 1002, 1003, 1005]
      let nodes = try store.nodeInRuns(
        accountID: 1, environmentID: 1, uniqueID: uniqueID, runIDs: runs
      ).compactMap { record in record.definition.map { JobNode(run: record.run, definition: $0) } }
      let executions = try nodes.map { node in
        try store.executions(accountID: 1, runID: node.run.id, uniqueIDs: [uniqueID])
      }
      return NodeHistoryCache.History(nodes: nodes, executions: executions)
    }
    let orders = try history("model.shop.fct_orders")
    let payments = try history("model.shop.fct_payments")
    #expect(orders.nodes.count >= 2 && payments.nodes.count >= 2)
    func key(_ id: String) -> NodeHistoryCache.Key {
      NodeHistoryCache.Key(environmentID: 1, uniqueID: id, count: 4, withCatalog: false)
    }
    let generation: [Int64] = [1, 2, 3, 4]
    // Room for one: the second evicts the first.
    let one = NodeHistoryCache(maximumWeight: max(orders.weight, payments.weight))
    one.keep(orders, for: key("a"), generation: generation)
    #expect(one.historyCount == 1)
    one.keep(payments, for: key("b"), generation: generation)
    #expect(one.historyCount == 1)
    #expect(one.history(for: key("a"), generation: generation) == nil)
    #expect(one.history(for: key("b"), generation: generation) === payments)
    // Another generation is a miss.
    #expect(one.history(for: key("b"), generation: [1, 2, 3, 5]) == nil)
    // Heavier than the bound alone: not kept.
    let none = NodeHistoryCache(maximumWeight: orders.weight - 1)
    none.keep(orders, for: key("a"), generation: generation)
    #expect(none.historyCount == 0)
    // Room for both.
    let both = NodeHistoryCache()
    both.keep(orders, for: key("a"), generation: generation)
    both.keep(payments, for: key("b"), generation: generation)
    #expect(both.historyCount == 2)
    // The weight counts each node, result and distinct definition's manifest JSON.
    #expect(orders.weight > orders.nodes.count * 512)
    #expect(orders.weight >= orders.nodes[0].definition.json.utf8.count)
  }

  @Test func aHistoryKeepsAtMostItsBoundOfFieldValues() throws {
    let store = try SampleDatabase.api().store
    let nodes = try store.nodeInRuns(
      accountID: 1, environmentID: 1, uniqueID: "model.shop.fct_orders", runIDs: [1001, 1002]
    ).compactMap { record in record.definition.map { JobNode(run: record.run, definition: $0) } }
    let history = NodeHistoryCache.History(nodes: nodes, executions: nodes.map { _ in [] })
    var computed = 0
    for field in 0..<(NodeHistoryCache.History.maximumFieldCount + 5) {
      for _ in 0..<2 {
        let values = history.values(of: "T.f\(field)") {
          computed += 1
          return nodes.map { _ in field }
        }
        #expect(values.compactMap { $0 as? Int } == nodes.map { _ in field })
      }
    }
    // Kept fields are computed once; those beyond the bound every time.
    #expect(computed == NodeHistoryCache.History.maximumFieldCount + 2 * 5)
  }
}
