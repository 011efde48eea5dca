/// One `source('source_name', 'table_name')` call.
public struct SourceRef: Sendable, Hashable {
  public let sourceName: String
  public let tableName: String
}
