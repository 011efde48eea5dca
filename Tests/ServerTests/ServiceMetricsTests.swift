import Foundation
import MetadataStore
import Testing

@testable import Server

/// The Prometheus exposition: counters by route and status, a cumulative histogram, and the
/// data-health gauges with escaped labels.
@Suite struct ServiceMetricsTests {
  @Test func requestsAndLatencies() {
    let metrics = ServiceMetrics()
    metrics.recordRequest(route: "/graphql", status: 200, seconds: 0.0007)
    metrics.recordRequest(route: "/graphql", status: 200, seconds: 0.02)
    metrics.recordRequest(route: "/graphql", status: 401, seconds: 30)
    metrics.recordIngest(outcome: "stored")
    let text = metrics.exposition(health: [], databaseBytes: 4096)
    let lines = Set(text.split(separator: "\n").map(String.init))
    #expect(lines.contains(#"dbt_metadata_http_requests_total{route="/graphql",status="200"} 2"#))
    #expect(lines.contains(#"dbt_metadata_http_requests_total{route="/graphql",status="401"} 1"#))
    #expect(lines.contains(#"dbt_metadata_http_request_duration_seconds_bucket{le="0.0005"} 0"#))
    #expect(lines.contains(#"dbt_metadata_http_request_duration_seconds_bucket{le="0.001"} 1"#))
    #expect(lines.contains(#"dbt_metadata_http_request_duration_seconds_bucket{le="0.025"} 2"#))
    #expect(lines.contains(#"dbt_metadata_http_request_duration_seconds_bucket{le="10"} 2"#))
    #expect(lines.contains(#"dbt_metadata_http_request_duration_seconds_bucket{le="+Inf"} 3"#))
    #expect(lines.contains("dbt_metadata_http_request_duration_seconds_count 3"))
    #expect(lines.contains(#"dbt_metadata_ingests_total{outcome="stored"} 1"#))
    #expect(lines.contains("dbt_metadata_database_bytes 4096"))
  }

  @Test func dataHealthGauges() {
    let health = EnvironmentHealthRecord(
      accountID: 1, projectID: 2, environmentID: 3, environmentName: "prod \"eu\"",
      sources: [
        .init(
          uniqueID: "source.shop.raw.orders", maxLoadedAt: "2024-01-01T00:00:00.000000Z",
          status: "warn"),
        .init(uniqueID: "source.shop.raw.events", maxLoadedAt: nil, status: "runtime error"),
      ],
      failingTests: 2, warningTests: 1, modelsInError: 4)
    let now = Date(timeIntervalSince1970: 1_704_067_200 + 90)
    let text = ServiceMetrics().exposition(health: [health], databaseBytes: 0, now: now)
    let labels = #"account_id="1",project_id="2",environment_id="3",environment="prod \"eu\"""#
    let lines = Set(text.split(separator: "\n").map(String.init))
    #expect(
      lines.contains(
        "dbt_metadata_source_seconds_since_loaded{\(labels),source=\"source.shop.raw.orders\"} 90"))
    #expect(!text.contains("since_loaded{\(labels),source=\"source.shop.raw.events\""))
    #expect(
      lines.contains(
        "dbt_metadata_source_freshness_status{\(labels),source=\"source.shop.raw.events\",status=\"runtime error\"} 1"
      ))
    #expect(lines.contains("dbt_metadata_tests_failing{\(labels)} 2"))
    #expect(lines.contains("dbt_metadata_tests_warning{\(labels)} 1"))
    #expect(lines.contains("dbt_metadata_models_in_error{\(labels)} 4"))
  }
}
