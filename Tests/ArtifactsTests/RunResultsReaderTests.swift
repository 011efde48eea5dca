import Testing

@testable import Artifacts

/// run_results v1-v6: step, statuses, timing and per-result fields, against counts
/// computed independently with python3
/// (`Counter(r["status"] for r in results)`, `args["which"]`, `sum(len(r["timing"]))`).
@Suite struct RunResultsReaderTests {
  func results(_ relative: String) throws -> RunResults {
    try ArtifactReader.readRunResults(file: Fixtures.path(relative))
  }

  @Test(arguments: [
    (
      "dbt-artifacts-parser/run_results/v1/jaffle_shop/run_results.json", 1, "run", ["success": 8],
      16
    ),
    ("tuva/v2_dbt0.20.0/run_results.json", 2, "generate", ["success": 25], 50),
    (
      "dbt-artifacts-parser/run_results/v3/jaffle_shop/run_results.json", 3, "build",
      ["success": 11, "pass": 20], 62
    ),
    (
      "dbt-artifacts-parser/run_results/v4/jaffle_shop/run_results.json", 4, "build",
      ["success": 8, "pass": 20, "error": 1], 56
    ),
    (
      "openlineage/fail/target/run_results.json", 2, "run",
      ["error": 1, "success": 2, "skipped": 1], 4
    ),
    ("openlineage/test/target/run_results.json", 2, "test", ["fail": 4, "pass": 10], 28),
    (
      "openlineage/no_test_metadata/target/run_results.json", 5, "test", ["fail": 2, "pass": 19], 42
    ),
    (
      "dbt-artifacts-parser/run_results/v5/jaffle_shop/run_results.json", 5, "build",
      ["success": 38, "pass": 20], 116
    ),
    (
      "dbt-artifacts-parser/run_results/v6/jaffle_shop/run_results.json", 6, "build",
      ["success": 41, "pass": 20], 122
    ),
    ("mitodl-ol-data-platform/run_results.json", 4, "generate", ["success": 1551], 3102),
  ])
  func countsMatchAnIndependentCount(
    file: String, version: Int, step: String, statuses: [String: Int], timings: Int
  ) throws {
    let runResults = try results(file)
    #expect(runResults.header.kind == .runResults)
    #expect(runResults.header.schemaVersion == version)
    #expect(runResults.step?.rawValue == step)
    #expect(runResults.countsByStatus == statuses)
    #expect(runResults.results.reduce(0) { $0 + $1.timing.count } == timings)
  }

  @Test func stepsThatDoNotExecute() throws {
    #expect(try results("tuva/v2_dbt0.20.0/run_results.json").step?.executesNodes == false)
    #expect(try results("openlineage/test/target/run_results.json").step?.executesNodes == true)
    #expect(RunStep.compile.executesNodes == false)
    #expect(RunStep.build.executesNodes == true)
  }

  @Test func testFailuresAndMessages() throws {
    let runResults = try results("openlineage/test/target/run_results.json")
    let failed = runResults.results.filter { $0.status == "fail" }
    #expect(failed.count == 4)
    // python3: sum(r["failures"] for r in results if r["failures"]) == 14
    #expect(runResults.results.compactMap(\.failures).reduce(0, +) == 14)
    #expect(failed.allSatisfy { $0.resourceType == .test })
    #expect(failed.allSatisfy { ($0.failures ?? 0) > 0 })
  }

  @Test func timingThreadAndAdapterResponse() throws {
    let runResults = try results("dbt-artifacts-parser/run_results/v6/jaffle_shop/run_results.json")
    #expect(runResults.header.dbtVersion == "1.9.0")
    #expect(runResults.elapsedTime == 38.73419785499573)
    #expect(runResults.invocationCommand?.hasPrefix("dbt build") == true)
    let first = try #require(runResults.results.first)
    #expect(first.timing.map(\.name) == ["compile", "execute"])
    #expect(first.startedAt != nil)
    #expect(first.threadID == "main")  // python3: results[0]["thread_id"]
    #expect(first.executionTime != nil)
    #expect(first.adapterResponse != nil)
    // v5+: compiled code per result.
    #expect(runResults.results.contains { $0.compiledCode?.isEmpty == false })
    #expect(runResults.results.contains { $0.relationName != nil })
  }

  @Test func errorsHaveMessagesAndNoTiming() throws {
    let runResults = try results("openlineage/fail/target/run_results.json")
    let error = try #require(runResults.results.first { $0.status == "error" })
    #expect(error.message?.isEmpty == false)
    let skipped = try #require(runResults.results.first { $0.status == "skipped" })
    #expect(skipped.timing.isEmpty)
  }
}
