/// A source table's freshness settings and loader.
public struct SourceDefinition: Sendable {
  /// `source_name`: the YAML source the table belongs to.
  public let sourceName: String
  public let sourceDescription: String?
  /// `loader` ("Fivetran", "stitch", "").
  public let loader: String?
  /// `identifier`: the physical table name.
  public let identifier: String?
  /// `loaded_at_field` (top level, else `config.loaded_at_field` in 1.11+).
  public let loadedAtField: String?
  /// `loaded_at_query` (1.10+).
  public let loadedAtQuery: String?
  /// `freshness` (top level, else `config.freshness`); nil when not configured.
  public let freshness: FreshnessCriteria?
  /// `source_meta` as written.
  public let sourceMeta: RawJSON?
}
