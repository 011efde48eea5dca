/// Maps a catalog document (v0/v1, unchanged in structure since 0.19) to ``Catalog``.
struct CatalogReader {
  let header: ArtifactHeader

  func read(_ root: JSONValue) throws -> Catalog {
    var errors: [String]?
    if let list = root.member("errors") {
      guard list.kind == .array else { throw list.wrongType("a list of strings or null") }
      errors = list.elements.map { $0.scalarText ?? String(decoding: $0.bytes, as: UTF8.self) }
    }
    return Catalog(
      header: header,
      nodes: try tables(root.member("nodes")),
      sources: try tables(root.member("sources")),
      errors: errors)
  }

  func tables(_ value: JSONValue?) throws -> [CatalogTable] {
    guard let value else { return [] }
    guard value.kind == .object else { throw value.wrongType("an object keyed by unique_id") }
    var tables: [CatalogTable] = []
    for member in value.members {
      tables.append(try table(id: member.key, member.value.expanded()))
    }
    return tables
  }

  func table(id: String, _ value: JSONValue) throws -> CatalogTable {
    try value.requireObject()
    let metadata = value.member("metadata")
    if let metadata { try metadata.requireObject() }
    var columns: [CatalogColumn] = []
    if let map = value.member("columns") {
      guard map.kind == .object else { throw map.wrongType("an object of columns") }
      for member in map.members {
        let column = member.value
        try column.requireObject()
        columns.append(
          CatalogColumn(
            name: column.lenientString("name") ?? member.key,
            type: column.lenientString("type"),
            index: column.lenientInt("index"),
            comment: column.lenientString("comment")))
      }
      // Stable: columns without an index keep their file order after the indexed ones.
      columns = columns.enumerated().sorted {
        ($0.element.index ?? Int.max, $0.offset) < ($1.element.index ?? Int.max, $1.offset)
      }.map(\.element)
    }
    var stats: [CatalogStat] = []
    if let map = value.member("stats") {
      guard map.kind == .object else { throw map.wrongType("an object of stats") }
      for member in map.members {
        let stat = member.value
        try stat.requireObject()
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
