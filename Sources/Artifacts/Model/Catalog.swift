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
  /// What the reader skipped or read leniently (``ArtifactWarning``), one per kind.
  public internal(set) var warnings: [ArtifactWarning] = []

  /// The total number of columns over nodes and sources.
  public var columnCount: Int { (nodes + sources).reduce(0) { $0 + $1.columns.count } }
}
