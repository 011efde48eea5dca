import Foundation
import GraphQL
import Testing

@testable import MetadataAPI

/// `job(id, runId)`'s node lists answer through the job-scoped root fields (see
/// ``MetadataAPI/bindJobAndHistory(_:)``): these tests run where that binding is present.
@Suite(
  .enabled(
    if: (try? SampleDatabase.api().schema.field("Query", "models").resolve) != nil,
    "Query.models (the job-scoped binding) is not bound in this build"))
struct JobNodeTests {
  /// Reference §4.9, on the nightly job: its latest run is 1016.
  @Test func jobLevelExample() throws {
    let result = try SampleDatabase.run(
      """
      query JobQueryExample { job(id: 101) { runId models(schema: "analytics_marts") { uniqueId executionTime }
        source(uniqueId: "source.shop.stripe.payments") { uniqueId sourceName name state maxLoadedAt
          criteria { warnAfter { period count } errorAfter { period count } } maxLoadedAtTimeAgoInS } } }
      """)
    #expect(result.errors.isEmpty, "\(result.errors)")
    let job = result.data?["job"]
    #expect(job?["runId"] == 1016)
    let build = try SampleArtifacts.result(
      "101/008/02-build/run_results.json", "model.shop.fct_orders")
    let fctOrders = job?["models"]?.listValue?.first { $0["uniqueId"] == "model.shop.fct_orders" }
    #expect(fctOrders?["executionTime"]?.doubleValue == build["execution_time"] as? Double)
    let freshness = try SampleArtifacts.result(
      "101/008/01-source-freshness/sources.json", "source.shop.stripe.payments")
    #expect(
      job?["source"]?["maxLoadedAt"]?.stringValue
        == SampleArtifacts.apiTime(freshness["max_loaded_at"]))
    #expect(job?["source"]?["criteria"]?["warnAfter"] == ["period": "hour", "count": 12])
  }

  /// A chosen run of the job: run 1010, where stg_payments errored.
  @Test func chosenRunsNodes() throws {
    let result = try SampleDatabase.run(
      """
      { job(id: 101, runId: 1010) { id runId model(uniqueId: "model.shop.stg_payments") { runId status }
        seeds { uniqueId } macros { uniqueId } exposure(name: "weekly_revenue_dashboard") { uniqueId } } }
      """)
    #expect(result.errors.isEmpty, "\(result.errors)")
    let job = result.data?["job"]
    #expect(job?["model"] == ["runId": 1010, "status": "error"])
    #expect(job?["seeds"]?.listValue?.count == 2)
    #expect(job?["exposure"]?["uniqueId"] == "exposure.shop.weekly_revenue_dashboard")
  }
}
