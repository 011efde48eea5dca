/// One table or view in the catalog.
public struct CatalogTable: Sendable {
  /// The map key (the manifest unique_id), which dbt also writes as `unique_id`.
  public let uniqueID: String
  /// `metadata.type`: "BASE TABLE", "VIEW", "table", "view"... (adapter-specific spelling).
  public let type: String?
  public let schema: String?
  public let name: String?
  public let database: String?
  public let comment: String?
  public let owner: String?
  /// `columns`, ordered by `index` (then file order).
  public let columns: [CatalogColumn]
  /// `stats` in file order (always has `has_stats`).
  public let stats: [CatalogStat]
}
