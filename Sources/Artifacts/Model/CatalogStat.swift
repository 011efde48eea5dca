/// One table statistic (`row_count`, `bytes`, `last_modified`, `has_stats`...).
public struct CatalogStat: Sendable, Hashable {
  public let id: String
  public let label: String?
  /// `value`: a boolean, string, number or null, as written.
  public let value: RawJSON?
  /// `include`: whether docs show it (dbt 1.0 BigQuery/Spark wrote `1.0`; coerced).
  public let include: Bool
  public let description: String?
}
