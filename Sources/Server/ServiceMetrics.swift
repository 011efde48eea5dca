import Artifacts
import Foundation
import MetadataStore

/// The service's own figures (requests by route and status, a latency histogram, ingests)
/// and the data health of the environments, in Prometheus's text exposition format, so an
/// existing Prometheus and Alertmanager can scrape the service and alert on stale sources
/// or failing tests without another tool.
///
/// Recording is thread-safe (one lock; a request records once).
///
/// See https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
public final class ServiceMetrics: @unchecked Sendable {
  /// Upper bounds of the latency histogram's buckets, in seconds.
  static let latencyBuckets: [Double] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
  ]

  private struct RequestKey: Hashable, Comparable {
    var route: String
    var status: Int
    static func < (a: RequestKey, b: RequestKey) -> Bool {
      (a.route, a.status) < (b.route, b.status)
    }
  }

  private let lock = NSLock()
  private var requests: [RequestKey: Int] = [:]
  private var latencyCounts = [Int](repeating: 0, count: latencyBuckets.count + 1)
  private var latencySum = 0.0
  private var latencyCount = 0
  private var ingests: [String: Int] = [:]

  public init() {}

  /// Records one answered request: its route pattern (not the raw path, so ids do not
  /// multiply series), status and duration.
  public func recordRequest(route: String, status: Int, seconds: Double) {
    lock.lock()
    defer { lock.unlock() }
    requests[RequestKey(route: route, status: status), default: 0] += 1
    let bucket =
      Self.latencyBuckets.firstIndex { seconds <= $0 } ?? Self.latencyBuckets.count
    latencyCounts[bucket] += 1
    latencySum += seconds
    latencyCount += 1
  }

  /// Records one ingest over HTTP by outcome (`stored`, `unchanged`, `failed`).
  public func recordIngest(outcome: String) {
    lock.lock()
    defer { lock.unlock() }
    ingests[outcome, default: 0] += 1
  }

  /// The exposition text: the service's figures, the database size and, per environment,
  /// the data-health gauges.
  ///
  /// - Parameters:
  ///   - health: the environments to export (the scraping token's account).
  ///   - databaseBytes: the database file plus its WAL.
  ///   - now: the time ages are measured from.
  public func exposition(
    health: [EnvironmentHealthRecord], databaseBytes: Int64, now: Date = Date()
  ) -> String {
    lock.lock()
    let requests = self.requests
    let latencyCounts = self.latencyCounts
    let latencySum = self.latencySum
    let latencyCount = self.latencyCount
    let ingests = self.ingests
    lock.unlock()

    var text = ""
    text += "# HELP dbt_metadata_http_requests_total HTTP requests answered, by route and status.\n"
    text += "# TYPE dbt_metadata_http_requests_total counter\n"
    for (key, count) in requests.sorted(by: { $0.key < $1.key }) {
      text +=
        "dbt_metadata_http_requests_total{route=\"\(Self.escape(key.route))\",status=\"\(key.status)\"} \(count)\n"
    }
    text += "# HELP dbt_metadata_http_request_duration_seconds Time to answer a request.\n"
    text += "# TYPE dbt_metadata_http_request_duration_seconds histogram\n"
    var cumulative = 0
    for (index, bound) in Self.latencyBuckets.enumerated() {
      cumulative += latencyCounts[index]
      text +=
        "dbt_metadata_http_request_duration_seconds_bucket{le=\"\(Self.number(bound))\"} \(cumulative)\n"
    }
    text += "dbt_metadata_http_request_duration_seconds_bucket{le=\"+Inf\"} \(latencyCount)\n"
    text += "dbt_metadata_http_request_duration_seconds_sum \(Self.number(latencySum))\n"
    text += "dbt_metadata_http_request_duration_seconds_count \(latencyCount)\n"
    text += "# HELP dbt_metadata_ingests_total Runs uploaded over HTTP, by outcome.\n"
    text += "# TYPE dbt_metadata_ingests_total counter\n"
    for (outcome, count) in ingests.sorted(by: { $0.key < $1.key }) {
      text += "dbt_metadata_ingests_total{outcome=\"\(Self.escape(outcome))\"} \(count)\n"
    }
    text += "# HELP dbt_metadata_database_bytes Size of the database file and its WAL.\n"
    text += "# TYPE dbt_metadata_database_bytes gauge\n"
    text += "dbt_metadata_database_bytes \(databaseBytes)\n"
    text += healthExposition(health, now: now)
    return text
  }

  /// The data-health gauges, one series per environment (and per source).
  private func healthExposition(_ health: [EnvironmentHealthRecord], now: Date) -> String {
    var text = ""
    text +=
      "# HELP dbt_metadata_source_seconds_since_loaded Seconds since the source's max_loaded_at at its latest freshness check.\n"
    text += "# TYPE dbt_metadata_source_seconds_since_loaded gauge\n"
    for environment in health {
      for source in environment.sources {
        guard let loaded = source.maxLoadedAt.flatMap(Timestamp.init(parsing:)) else { continue }
        text +=
          "dbt_metadata_source_seconds_since_loaded{\(labels(environment)),source=\"\(Self.escape(source.uniqueID))\"} \(Self.number(now.timeIntervalSince1970 - loaded.epochSeconds))\n"
      }
    }
    text +=
      "# HELP dbt_metadata_source_freshness_status Latest freshness status of the source: 1 for the status it has.\n"
    text += "# TYPE dbt_metadata_source_freshness_status gauge\n"
    for environment in health {
      for source in environment.sources {
        text +=
          "dbt_metadata_source_freshness_status{\(labels(environment)),source=\"\(Self.escape(source.uniqueID))\",status=\"\(Self.escape(source.status))\"} 1\n"
      }
    }
    let gauges: [(String, String, KeyPath<EnvironmentHealthRecord, Int>)] = [
      (
        "dbt_metadata_tests_failing", "Tests whose latest execution failed or errored.",
        \.failingTests
      ),
      ("dbt_metadata_tests_warning", "Tests whose latest execution warned.", \.warningTests),
      (
        "dbt_metadata_models_in_error", "Models whose latest execution was an error.",
        \.modelsInError
      ),
    ]
    for (name, help, value) in gauges {
      text += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
      for environment in health {
        text += "\(name){\(labels(environment))} \(environment[keyPath: value])\n"
      }
    }
    return text
  }

  private func labels(_ environment: EnvironmentHealthRecord) -> String {
    var text = "account_id=\"\(environment.accountID)\",project_id=\"\(environment.projectID)\""
    text += ",environment_id=\"\(environment.environmentID)\""
    if let name = environment.environmentName { text += ",environment=\"\(Self.escape(name))\"" }
    return text
  }

  /// A label value with `\`, `"` and newlines escaped as the format requires.
  static func escape(_ value: String) -> String {
    var text = ""
    for character in value {
      switch character {
      case "\\": text += "\\\\"
      case "\"": text += "\\\""
      case "\n": text += "\\n"
      default: text.append(character)
      }
    }
    return text
  }

  /// A sample value: integers without a fraction, others with Swift's shortest form.
  static func number(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    return "\(value)"
  }
}
