/// Maps a catalog document (v0/v1, unchanged in structure since 0.19) to ``Catalog``.
struct CatalogReader {
  let header: ArtifactHeader
  let warnings = WarningLog()

  func read(_ root: JSONValue) throws -> Catalog {
    var errors: [String]?
    if let list = root.member(
      "errors", ofKind: .array, expected: "a list of strings or null", warnings: warnings)
    {
      errors = list.elements.map { $0.scalarText ?? String(decoding: $0.bytes, as: UTF8.self) }
    }
    let nodes = try tables(root.member("nodes"))
    let sources = try tables(root.member("sources"))
    return Catalog(
      header: header, nodes: nodes, sources: sources, errors: errors,
      warnings: warnings.warnings)
  }

  func tables(_ value: JSONValue?) throws -> [CatalogTable] {
    guard let value else { return [] }
    guard value.kind == .object else { throw value.wrongType("an object keyed by unique_id") }
    var tables: [CatalogTable] = []
    for member in value.members.lastValueWins {
      warnings.order += 1
      tables.append(try table(id: member.key, member.value.expanded()))
    }
    return tables
  }

  func table(id: String, _ value: JSONValue) throws -> CatalogTable {
    try value.requireObject()
    let id = try value.checkedIdentifier(id, what: "a unique_id (its key)")
    // Everything below the table describes it: wrong shapes are skipped with a warning.
    let metadata = value.member(
      "metadata", ofKind: .object, expected: "an object", warnings: warnings)
    var columns: [CatalogColumn] = []
    if let map = value.member(
      "columns", ofKind: .object, expected: "an object of columns", warnings: warnings)
    {
      for member in map.members.lastValueWins {
        let column = member.value
        guard column.kind == .object else {
          warnings.ignored(column, expected: "an object (column)")
          continue
        }
        columns.append(
          CatalogColumn(
            name: column.lenientString("name") ?? member.key,
            type: column.lenientString("type"),
            index: column.describedInt("index", warnings: warnings),
            comment: column.lenientString("comment")))
      }
      // Stable: columns without an index keep their file order after the indexed ones.
      columns = columns.enumerated().sorted {
        ($0.element.index ?? Int.max, $0.offset) < ($1.element.index ?? Int.max, $1.offset)
      }.map(\.element)
    }
    var stats: [CatalogStat] = []
    if let map = value.member(
      "stats", ofKind: .object, expected: "an object of stats", warnings: warnings)
    {
      for member in map.members.lastValueWins {
        let stat = member.value
        guard stat.kind == .object else {
          warnings.ignored(stat, expected: "an object (stat)")
          continue
        }
        stats.append(
          CatalogStat(
            id: stat.lenientString("id") ?? member.key,
            label: stat.lenientString("label"),
            value: stat["value"]?.raw,
            include: stat.lenientBool("include") ?? false,
            description: stat.lenientString("description")))
      }
    }
    return CatalogTable(
      uniqueID: id,
      type: metadata?.lenientString("type"),
      schema: metadata?.lenientString("schema"),
      name: metadata?.lenientString("name"),
      database: metadata?.lenientString("database"),
      comment: metadata?.lenientString("comment"),
      owner: metadata?.lenientString("owner"),
      columns: columns,
      stats: stats)
  }
}
