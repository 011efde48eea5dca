/// One entry of a node's `columns` (ColumnInfo), as declared in YAML.
public struct NodeColumn: Sendable {
  /// The column name with the user's spelling; match catalog columns case-insensitively.
  public let name: String
  public let description: String?
  /// `data_type` as declared (often null).
  public let dataType: String?
  public let meta: RawJSON?
  public let tags: [String]
  /// `quote` (null unless set).
  public let quote: Bool?
  /// The column's complete JSON (constraints, config, granularity... in newer versions).
  public let json: RawJSON
}

extension NodeColumn {
  /// Decodes a `columns` object; the manifest reader has checked that it is an object of
  /// objects, so decoding cannot fail (an unparsable value yields no columns).
  static func decodeAll(_ columns: RawJSON?) -> [NodeColumn] {
    guard let columns, let document = try? columns.parse() else { return [] }
    var list: [NodeColumn] = []
    for member in document.root.members.lastValueWins {
      let column = member.value
      // The reader counted non-object entries in a warning; they are not columns.
      guard column.kind == .object else { continue }
      list.append(
        NodeColumn(
          name: column.lenientString("name") ?? member.key,
          description: column.lenientString("description"),
          dataType: column.lenientString("data_type"),
          meta: column.rawJSON("meta"),
          tags: column.lenientStringList("tags"),
          quote: column.lenientBool("quote"),
          json: column.raw))
    }
    return list
  }
}
