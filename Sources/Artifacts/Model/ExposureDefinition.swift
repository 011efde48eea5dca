/// The parts of an exposure that are not common to every node.
public struct ExposureDefinition: Sendable {
  /// `type`: dashboard, notebook, analysis, ml, application.
  public let type: String?
  /// `label` (v7+).
  public let label: String?
  /// `maturity`: low, medium, high.
  public let maturity: String?
  public let url: String?
}

/// The historic metric formats. See `reference/dbt-artifacts.md` §3.7.
public enum MetricFormat: String, Sendable, Hashable {
  /// v4-v6 (dbt 1.0-1.2): `type` + `sql`.
  case dbtMetricsV1 = "dbt_metrics_v1"
  /// v7-v9 (dbt 1.3-1.5): `calculation_method` + `expression`.
  case dbtMetricsV2 = "dbt_metrics_v2"
  /// v10+ (dbt 1.6+): MetricFlow `type` + `type_params`.
  case metricFlow = "metricflow"
}

/// A metric in any of its three formats, with the common parts mapped to one shape.
public struct MetricDefinition: Sendable {
  public let format: MetricFormat
  public let label: String?
  /// v4-v6 `type` (count, sum...), v7-v9 `calculation_method`, v10+ `type` (simple, ratio,
  /// cumulative, derived, conversion).
  public let calculation: String?
  /// v4-v6 `sql`, v7-v9 `expression`, v10+ `type_params.expr` or the simple measure's name.
  public let expression: String?
  /// Legacy `timestamp` column.
  public let timestamp: String?
  /// Legacy `time_grains`.
  public let timeGrains: [String]
  /// Legacy `dimensions`.
  public let dimensions: [String]
  /// Legacy `filters` [{field, operator, value}] or MetricFlow `filter`, as written.
  public let filters: RawJSON?
  /// Legacy `window` or nil.
  public let window: RawJSON?
  /// MetricFlow `type_params`, as written.
  public let typeParams: RawJSON?
  /// `time_granularity` (1.9+).
  public let timeGranularity: String?
}

/// A macro's body and signature.
public struct MacroDefinition: Sendable {
  let sqlText: LazyString?
  /// `macro_sql`, decoded on access (macros are the largest part of most manifests).
  public var macroSQL: String? { sqlText?.value }
  /// `arguments` as written.
  public let arguments: RawJSON?
  /// `supported_languages` (v7+).
  public let supportedLanguages: [String]
}
