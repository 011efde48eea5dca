import Artifacts
import SQLite

/// catalog.json: tables per run, column lists stored once per distinct content, stats.
extension Ingester {
  /// Stores a catalog: one entry per table (nodes and sources), its stats, and the
  /// column list (shared with every earlier entry that had the same columns).
  mutating func storeCatalog(_ file: NamedArtifact<Catalog>, runID: Int64) throws {
    let catalog = file.value
    let artifactID = try insertArtifact(
      runID: runID, header: catalog.header, file: file.file, step: nil, executesNodes: true,
      invocationCommand: nil, elapsedTime: nil, args: nil)
    let generatedAt = orderingTime(catalog.header)
    let insert = statements.insertCatalogEntry
    let stat = statements.insertCatalogStat
    // The project's column lists, loaded once (they grow only with schema changes).
    var columnSets = Dictionary(
      try db.query(
        "SELECT fingerprint, id FROM catalog_column_set WHERE project_id = ?",
        [.integer(projectID)]
      ) { ($0.string(at: 0) ?? "", $0.int64(at: 1)) },
      uniquingKeysWith: { first, _ in first })
    for table in catalog.nodes + catalog.sources {
      if !manifestIDs.contains(table.uniqueID) { danglingCatalog.append(table.uniqueID) }
      let nodeID = try nodeID(table.uniqueID)
      let columnSetID = try columnSet(for: table.columns, cache: &columnSets)
      let rowCount = table.stats.first { $0.id == "row_count" || $0.id == "num_rows" }
      let bytes = table.stats.first { $0.id == "bytes" || $0.id == "num_bytes" }
      insert.reset()
      try insert.bind(runID, at: 1)
      try insert.bind(artifactID, at: 2)
      try insert.bind(environmentID, at: 3)
      try insert.bind(nodeID, at: 4)
      try insert.bind(columnSetID, at: 5)
      try insert.bind(table.type, at: 6)
      try insert.bind(table.database, at: 7)
      try insert.bind(table.schema, at: 8)
      try insert.bind(table.name, at: 9)
      try insert.bind(table.comment, at: 10)
      try insert.bind(table.owner, at: 11)
      try insert.bind(JSONText.integer(rowCount?.value), at: 12)
      try insert.bind(JSONText.integer(bytes?.value), at: 13)
      try insert.bind(generatedAt, at: 14)
      try insert.execute()
      let entryID = db.lastInsertedRowID
      for entry in table.stats {
        stat.reset()
        try stat.bind(entryID, at: 1)
        try stat.bind(entry.id, at: 2)
        try stat.bind(entry.label, at: 3)
        try stat.bind(JSONText.compact(entry.value), at: 4)
        try stat.bind(entry.include, at: 5)
        try stat.bind(entry.description, at: 6)
        try stat.execute()
      }
      summary.catalogTables += 1
      summary.catalogColumns += table.columns.count
      try advanceAppliedState(.lastCatalog, nodeID: nodeID, rowID: entryID, at: generatedAt)
    }
  }

  /// The id of the stored column list equal to `columns`, inserting it when new.
  private func columnSet(for columns: [CatalogColumn], cache: inout [String: Int64]) throws
    -> Int64
  {
    var fingerprint = Fingerprint()
    for column in columns {
      fingerprint.combine(column.name)
      fingerprint.combine(column.type)
      fingerprint.combine(column.index)
      fingerprint.combine(column.comment)
    }
    fingerprint.combine(columns.count)
    let key = fingerprint.hexDigest
    if let id = cache[key] { return id }
    try db.run(
      "INSERT INTO catalog_column_set(project_id, fingerprint, column_count) VALUES (?, ?, ?)",
      [.integer(projectID), .text(key), .integer(Int64(columns.count))])
    let id = db.lastInsertedRowID
    let insert = statements.insertCatalogColumn
    for (position, column) in columns.enumerated() {
      insert.reset()
      try insert.bind(id, at: 1)
      try insert.bind(position, at: 2)
      try insert.bind(column.name, at: 3)
      try insert.bind(column.type, at: 4)
      try insert.bind(column.index, at: 5)
      try insert.bind(column.comment, at: 6)
      try insert.execute()
    }
    cache[key] = id
    return id
  }
}
