import Foundation
import GraphQL
import MetadataStore
import Testing

@testable import MetadataAPI

/// `modelHistoricalRuns` answers with Part 1's `ModelNode`s through the job-scoped
/// binding's `modelByEnvironment` (see ``MetadataAPI/bindJobAndHistory(_:)``): these tests
/// run where that binding is present.
@Suite(
  .enabled(
    if: (try? SampleDatabase.api().schema.field("Query", "modelByEnvironment").resolve) != nil,
    "Query.modelByEnvironment (the job-scoped binding) is not bound in this build"))
struct ModelHistoricalRunsTests {
  /// Environment 1's runs that built a model, newest first, from the artifacts.
  static func timeline(_ uniqueID: String) throws -> [(run: Int, status: String)] {
    let folders = [
      "101/008", "101/007", "102/002", "101/006", "101/005", "101/004", "101/003", "102/001",
      "101/002", "101/001",
    ]
    var runs: [(Int, String)] = []
    for folder in folders {
      let run = try SampleArtifacts.json("\(folder)/run.json")
      let steps = run["steps"] as? [[String: Any]] ?? []
      let build = steps.first { $0["name"] as? String == "build" }
      let file = (build?["artifacts"] as? [String] ?? []).first { $0.hasSuffix("run_results.json") }
      guard let file else { continue }
      let result = try SampleArtifacts.result("\(folder)/\(file)", uniqueID)
      if let status = result["status"] as? String, let id = run["run_id"] as? Int {
        runs.append((id, status))
      }
    }
    return runs.sorted { $0.0 > $1.0 }
  }

  /// stg_payments errored in run 1010 (the loader's amount_cents), its downstream
  /// fct_payments was skipped, and both ran again from 1011 on.
  @Test func modelErrorWithDownstreamSkipped() throws {
    for model in ["model.shop.stg_payments", "model.shop.fct_payments"] {
      let result = try SampleDatabase.run(
        """
        { environment(id: 1) { applied { modelHistoricalRuns(uniqueId: "\(model)", lastRunCount: 20) {
          runId status uniqueId } } } }
        """)
      #expect(result.errors.isEmpty, "\(result.errors)")
      let runs = result.data?["environment"]?["applied"]?["modelHistoricalRuns"]?.listValue ?? []
      let expected = try Self.timeline(model)
      #expect(runs.compactMap { $0["runId"]?.intValue } == expected.map(\.run))
      #expect(runs.compactMap { $0["status"]?.stringValue } == expected.map(\.status))
    }
    let stg = try Self.timeline("model.shop.stg_payments")
    #expect(stg.first { $0.run == 1010 }?.status == "error")
    #expect(
      try Self.timeline("model.shop.fct_payments").first { $0.run == 1010 }?.status == "skipped")
  }
}

extension ModelHistoricalRunsTests {
  /// §4.8's historical-runs example and §2.6's replacement of `modelByEnvironment`.
  @Test func documentedHistoricalRunsExamples() throws {
    let example = try SampleDatabase.run(
      """
      query { environment(id: 1) { applied { modelHistoricalRuns(uniqueId: "model.shop.fct_orders", lastRunCount: 20) {
        runId runGeneratedAt executionTime status tests { name status executeCompletedAt } } } } }
      """)
    #expect(example.errors.isEmpty, "\(example.errors)")
    let runs = example.data?["environment"]?["applied"]?["modelHistoricalRuns"]?.listValue ?? []
    #expect(
      runs.compactMap { $0["runId"]?.intValue }
        == (try Self.timeline("model.shop.fct_orders")).map(\.run))
    #expect(runs.allSatisfy { $0["tests"]?.listValue?.isEmpty == false })

    let replacement = try SampleDatabase.run(
      """
      query ($environmentId: BigInt!, $uniqueId: String) { environment(id: $environmentId) { applied {
        modelHistoricalRuns(uniqueId: $uniqueId) { uniqueId executionTime executeCompletedAt } } } }
      """, variables: ["environmentId": 1, "uniqueId": "model.shop.fct_orders"])
    #expect(replacement.errors.isEmpty, "\(replacement.errors)")
    let latest =
      replacement.data?["environment"]?["applied"]?["modelHistoricalRuns"]?.listValue ?? []
    let build = try SampleArtifacts.result(
      "101/008/02-build/run_results.json", "model.shop.fct_orders")
    #expect(latest.count == 1)
    #expect(latest.first?["executionTime"]?.doubleValue == build["execution_time"] as? Double)
  }
}

extension ModelHistoricalRunsTests {
  /// A history lists one node per run: its runs, definitions and results are each read in
  /// one statement for every run (no statement per run), so 10 runs cost what 2 cost.
  @Test func historyReadsEveryRunInAConstantNumberOfStatements() throws {
    let shared = try SampleDatabase.api()
    let api = try MetadataAPI(store: MetadataStore(path: shared.store.path, create: false))
    func statements(runs: Int) throws -> Int {
      let (result, statements) = api.countingStatements(
        """
        { environment(id: 1) { applied { modelHistoricalRuns(
          uniqueId: "model.shop.fct_payments", lastRunCount: \(runs)) {
          runId status executionTime executeCompletedAt error name } } } }
        """)
      #expect(result.errors.isEmpty, "\(result.errors)")
      let list = result.data?["environment"]?["applied"]?["modelHistoricalRuns"]?.listValue
      #expect(list?.count == runs)
      #expect(list?.allSatisfy { $0["status"]?.stringValue != nil } == true)
      return statements
    }
    let available = try Self.timeline("model.shop.fct_payments").count
    try #require(available >= 5)
    let two = try statements(runs: 2)
    let all = try statements(runs: available)
    #expect(all == two, "2 runs: \(two) statements, \(available) runs: \(all)")
  }
}
