/// The historic metric formats. See `reference/dbt-artifacts.md` §3.7.
public enum MetricFormat: String, Sendable, Hashable {
  /// v4-v6 (dbt 1.0-1.2): `type` + `sql`.
  case dbtMetricsV1 = "dbt_metrics_v1"
  /// v7-v9 (dbt 1.3-1.5): `calculation_method` + `expression`.
  case dbtMetricsV2 = "dbt_metrics_v2"
  /// v10+ (dbt 1.6+): MetricFlow `type` + `type_params`.
  case metricFlow = "metricflow"
}
