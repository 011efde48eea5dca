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
