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
