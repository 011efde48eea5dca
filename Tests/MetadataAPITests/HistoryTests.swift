import Foundation
import GraphQL
import MetadataStore
import Testing

@testable import MetadataAPI

/// Part 3: `sourceHistoricalFreshness` and `testHistoricalRuns` follow the sample-runs
/// timeline (`sample-runs/README.md`): stripe.payments freshness pass -> warn -> error ->
/// pass in production, the `relationships` test of fct_orders passing, skipped (1007),
/// failing (1008) and passing again, the `accepted_values` test failing (1007, 1008) then
/// replaced by its fixed version. Expected values come from the JSON files
/// (``SampleTimeline``).
@Suite struct HistoryTests {
  static let payments = "source.shop.stripe.payments"

  static func applied(_ selection: String, environment: Int = 1, account: Int = 1) throws
    -> ExecutionResult
  {
    try SampleDatabase.run(
      "{ environment(id: \(environment)) { applied { \(selection) } } }", account: account)
  }

  static func list(_ result: ExecutionResult, _ field: String) -> [JSONValue] {
    #expect(result.errors.isEmpty, "\(result.errors)")
    return result.data?["environment"]?["applied"]?[field]?.listValue ?? []
  }

  /// The unique id of the one test of the timeline whose id contains `fragment`.
  static func testID(_ fragment: String) throws -> String {
    let ids = Set(try SampleTimeline.get().results.map(\.uniqueID).filter { $0.contains(fragment) })
    #expect(ids.count == 1, "\(fragment): \(ids)")
    return ids.first ?? ""
  }

  @Test func sourceFreshnessGoesPassWarnErrorPass() throws {
    let result = try Self.applied(
      """
      sourceHistoricalFreshness(uniqueId: "\(Self.payments)", lastRunCount: 100) {
        runId jobId environmentId uniqueId name sourceName state freshnessChecked maxLoadedAt
        snapshottedAt maxLoadedAtTimeAgoInS criteria { warnAfter { count period } errorAfter { count period } } }
      """)
    let nodes = Self.list(result, "sourceHistoricalFreshness")
    let expected = try SampleTimeline.get().freshness
      .filter { $0.environmentID == 1 && $0.uniqueID == Self.payments }
      .sorted { $0.runID > $1.runID }
    #expect(nodes.compactMap { $0["runId"]?.intValue } == expected.map(\.runID))
    let states = nodes.compactMap { $0["state"]?.stringValue }
    #expect(states == expected.map { $0.status.prefix(1).uppercased() + $0.status.dropFirst() })
    // Oldest first, the timeline's story: pass, pass, warn (25 h), error (49 h), then pass.
    #expect(
      Array(states.reversed()) == ["Pass", "Pass", "Warn", "Error", "Pass", "Pass", "Pass", "Pass"])
    #expect(
      nodes.compactMap { $0["runId"]?.intValue }.reversed() == [
        1002, 1003, 1006, 1007, 1010, 1013, 1014, 1016,
      ])
    for (node, record) in zip(nodes, expected) {
      #expect(node["uniqueId"] == .string(Self.payments) && node["sourceName"] == "stripe")
      #expect(
        node["environmentId"] == 1 && node["jobId"] == 101 && node["freshnessChecked"] == true)
      let loaded = node["maxLoadedAt"]?.stringValue ?? ""
      #expect(loaded.count == 24 && loaded.hasSuffix("Z"), "\(loaded)")
      #expect(loaded.prefix(16) == (record.maxLoadedAt ?? "").prefix(16), "\(loaded)")
      #expect(node["criteria"]?["warnAfter"] == ["count": 12, "period": "hour"])
      #expect(node["criteria"]?["errorAfter"] == ["count": 36, "period": "hour"])
    }
  }

  @Test func lastRunCountDefaultsToTheLatestRunAndBoundsTheList() throws {
    let latest = Self.list(
      try Self.applied("sourceHistoricalFreshness(uniqueId: \"\(Self.payments)\") { runId state }"),
      "sourceHistoricalFreshness")
    #expect(latest == [["runId": 1016, "state": "Pass"]])
    let three = Self.list(
      try Self.applied(
        "sourceHistoricalFreshness(uniqueId: \"\(Self.payments)\", lastRunCount: 3) { runId }"),
      "sourceHistoricalFreshness")
    #expect(three == [["runId": 1016], ["runId": 1014], ["runId": 1013]])
    // Staging saw the failed loads too: warn in 1005, then pass again in 1009.
    let staging = Self.list(
      try Self.applied(
        "sourceHistoricalFreshness(uniqueId: \"\(Self.payments)\", lastRunCount: 10) { runId state jobId }",
        environment: 2), "sourceHistoricalFreshness")
    #expect(staging.compactMap { $0["runId"]?.intValue } == [1012, 1009, 1005, 1001])
    #expect(staging.compactMap { $0["state"]?.stringValue } == ["Pass", "Pass", "Warn", "Pass"])
    #expect(staging.allSatisfy { $0["jobId"] == 201 })
  }

  @Test func relationshipsTestPassesIsSkippedFailsAndPassesAgain() throws {
    let id = try Self.testID("relationships_fct_orders_customer_id")
    let result = try Self.applied(
      """
      testHistoricalRuns(uniqueId: "\(id)", lastRunCount: 100) {
        runId jobId uniqueId name state status fail skip error columnName executeCompletedAt }
      """)
    let nodes = Self.list(result, "testHistoricalRuns")
    let expected = try SampleTimeline.get().results
      .filter { $0.environmentID == 1 && $0.uniqueID == id }
      .sorted { $0.runID > $1.runID }
    #expect(nodes.compactMap { $0["runId"]?.intValue } == expected.map(\.runID))
    #expect(nodes.compactMap { $0["jobId"]?.intValue } == expected.map(\.jobID))
    let chronological = Dictionary(
      uniqueKeysWithValues: nodes.compactMap { node in
        node["runId"]?.intValue.map { ($0, node) }
      })
    // 1002-1006 pass; 1007 skipped (its model failed a test); 1008 (dbt test only) fails
    // against the stale dim_customers; passes again from 1010 on.
    #expect(chronological[1006]?["state"] == "pass" && chronological[1006]?["status"] == "0")
    #expect(chronological[1007]?["skip"] == true)
    #expect(chronological[1008]?["state"] == "fail" && chronological[1008]?["fail"] == true)
    let failures = expected.first { $0.runID == 1008 }?.failures
    #expect(chronological[1008]?["status"] == .string(String(failures ?? -1)))
    #expect((failures ?? 0) > 0)
    #expect(chronological[1010]?["state"] == "pass" && chronological[1016]?["state"] == "pass")
    #expect(chronological[1015]?["jobId"] == 103)
    #expect(nodes.allSatisfy { $0["uniqueId"] == .string(id) && $0["columnName"] == "customer_id" })
  }

  @Test func failingAcceptedValuesTestEndsWhenItsFixReplacesIt() throws {
    let failing = try Self.testID(
      "accepted_values_fct_orders_status__placed__shipped__completed__returned.")
    let nodes = Self.list(
      try Self.applied(
        "testHistoricalRuns(uniqueId: \"\(failing)\", lastRunCount: 100) { runId state }"),
      "testHistoricalRuns")
    let expected = try SampleTimeline.get().results
      .filter { $0.environmentID == 1 && $0.uniqueID == failing }
      .sorted { $0.runID > $1.runID }
    #expect(nodes.compactMap { $0["runId"]?.intValue } == expected.map(\.runID))
    #expect(nodes.first == ["runId": 1008, "state": "fail"])
    #expect(nodes.dropFirst().first == ["runId": 1007, "state": "fail"])
    #expect(nodes.dropFirst(2).allSatisfy { $0["state"] == "pass" })
    let fixed = try Self.testID(
      "accepted_values_fct_orders_status__placed__shipped__completed__returned__lost.")
    let after = Self.list(
      try Self.applied(
        "testHistoricalRuns(uniqueId: \"\(fixed)\", lastRunCount: 100) { runId state }"),
      "testHistoricalRuns")
    #expect(after.compactMap { $0["runId"]?.intValue }.min() == 1010)
    #expect(after.allSatisfy { $0["state"] == "pass" })
  }

  @Test func unknownNodesAndWrongKindsAnswerEmptyLists() throws {
    let result = try Self.applied(
      """
      a: sourceHistoricalFreshness(uniqueId: "source.shop.nope.nope", lastRunCount: 5) { runId }
      b: testHistoricalRuns(uniqueId: "test.shop.nope", lastRunCount: 5) { runId }
      c: sourceHistoricalFreshness(uniqueId: "model.shop.fct_orders", lastRunCount: 5) { runId }
      d: testHistoricalRuns(uniqueId: "model.shop.fct_orders", lastRunCount: 5) { runId }
      e: sourceHistoricalFreshness(uniqueId: "source.shop.shop.products", lastRunCount: 5) { runId }
      """)
    #expect(result.errors.isEmpty, "\(result.errors)")
    let applied = result.data?["environment"]?["applied"]
    // products has `freshness: null`: never checked.
    for field in ["a", "b", "c", "d", "e"] { #expect(applied?[field] == [], "\(field)") }
  }

  @Test(arguments: [0, 101, -1])
  func lastRunCountOutOfRangeIsOneError(count: Int) throws {
    for field in ["sourceHistoricalFreshness", "testHistoricalRuns"] {
      let result = try Self.applied(
        "\(field)(uniqueId: \"\(Self.payments)\", lastRunCount: \(count)) { runId }")
      #expect(result.errors.count == 1)
      #expect(
        result.errors.first?.message
          == "Argument \"lastRunCount\" is \(count): it must be between 1 and 100.")
    }
  }

  @Test func anotherAccountSeesNothing() throws {
    let result = try Self.applied(
      "sourceHistoricalFreshness(uniqueId: \"\(Self.payments)\") { runId }", account: 2)
    #expect(result.errors.count == 1)
    #expect(result.data?["environment"] == nil || result.data?["environment"] == .null)
  }
}

extension HistoryTests {
  /// A source's history reads its runs' freshness results in one statement for every run:
  /// 8 runs cost what 2 cost.
  @Test func sourceHistoryReadsEveryRunInAConstantNumberOfStatements() throws {
    let shared = try SampleDatabase.api()
    let api = try MetadataAPI(store: MetadataStore(path: shared.store.path, create: false))
    func statements(runs: Int) throws -> Int {
      let (result, statements) = api.countingStatements(
        """
        { environment(id: 1) { applied { sourceHistoricalFreshness(
          uniqueId: "\(Self.payments)", lastRunCount: \(runs)) {
          runId state maxLoadedAt criteria { warnAfter { count } } } } } }
        """)
      #expect(result.errors.isEmpty, "\(result.errors)")
      let list = result.data?["environment"]?["applied"]?["sourceHistoricalFreshness"]?.listValue
      #expect(list?.count == runs)
      #expect(list?.allSatisfy { $0["state"]?.stringValue != nil } == true)
      return statements
    }
    let two = try statements(runs: 2)
    let eight = try statements(runs: 8)
    #expect(eight == two, "2 runs: \(two) statements, 8 runs: \(eight)")
  }
}
