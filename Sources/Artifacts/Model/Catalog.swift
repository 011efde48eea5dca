/// `catalog.json` (v1; v0 before dbt 0.19): what `dbt docs generate` read from the warehouse.
///
/// Keys (unique_ids) may name nodes missing from the manifest (stale catalogs); column names
/// keep the warehouse's case. See `reference/dbt-artifacts.md` §6 and
/// https://docs.getdbt.com/reference/artifacts/catalog-json
public struct Catalog: Sendable {
  public let header: ArtifactHeader
  /// `nodes`: models, seeds, snapshots and stored test failures, in file order.
  public let nodes: [CatalogTable]
  /// `sources`, in file order.
  public let sources: [CatalogTable]
  /// `errors` (nil when null).
  public let errors: [String]?

  /// The total number of columns over nodes and sources.
  public var columnCount: Int { (nodes + sources).reduce(0) { $0 + $1.columns.count } }
}

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

/// One column as the warehouse reports it.
public struct CatalogColumn: Sendable, Hashable {
  /// `name`, in the warehouse's case (Snowflake: upper case).
  public let name: String
  /// `type`, e.g. "TEXT", "character varying", "INT64".
  public let type: String?
  /// `index`: 1-based position.
  public let index: Int?
  public let comment: String?
}

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
