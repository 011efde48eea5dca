import SQLite

extension MetadataStore {
  /// The columns of catalog column sets and the stats of catalog entries, for a whole list
  /// in two statements (ids bound as JSON arrays): what the job-scoped and the environment
  /// reads attach to the catalog entries they found.
  static func catalogParts(setIDs: [Int64], entryIDs: [Int64], db: Connection) throws -> (
    columns: [Int64: [CatalogRecord.Column]], stats: [Int64: [CatalogRecord.Stat]]
  ) {
    var columns: [Int64: [CatalogRecord.Column]] = [:]
    for (set, column) in try db.query(
      """
      SELECT column_set_id, name, type, column_index, comment FROM catalog_column
      WHERE column_set_id IN (SELECT value FROM json_each(?)) ORDER BY column_set_id, position
      """, [.text(jsonIntegers(Array(Set(setIDs))))],
      row: { row in
        (
          row.int64(at: 0),
          CatalogRecord.Column(
            name: row.string(at: 1) ?? "", type: row.string(at: 2),
            index: row.optionalInt64(at: 3).map(Int.init), comment: row.string(at: 4))
        )
      })
    {
      columns[set, default: []].append(column)
    }
    var stats: [Int64: [CatalogRecord.Stat]] = [:]
    for (entry, stat) in try db.query(
      """
      SELECT catalog_entry_id, stat_id, label, value, include, description FROM catalog_stat
      WHERE catalog_entry_id IN (SELECT value FROM json_each(?))
      ORDER BY catalog_entry_id, stat_id
      """, [.text(jsonIntegers(entryIDs))],
      row: { row in
        (
          row.int64(at: 0),
          CatalogRecord.Stat(
            id: row.string(at: 1) ?? "", label: row.string(at: 2), valueJSON: row.string(at: 3),
            include: row.int(at: 4) != 0, description: row.string(at: 5))
        )
      })
    {
      stats[entry, default: []].append(stat)
    }
    return (columns, stats)
  }
}
