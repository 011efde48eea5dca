import SQLite

/// A run's nodes and their executions, freshness and catalog: "models of run R of job J".
extension MetadataStore {
  /// A node's latest result in a run: served by `execution_by_run`.
  static let runExecutionSQL =
    """
    SELECT \(RowDecoding.executionColumns)
    FROM execution e JOIN node n ON n.id = e.node_id JOIN run r ON r.id = e.run_id
    JOIN artifact a ON a.id = e.artifact_id
    WHERE e.run_id = ? AND n.unique_id = ?
    ORDER BY e.executes_node DESC, e.generated_at DESC, e.id DESC LIMIT 1
    """

  /// One node's definition in a manifest version.
  static let definitionSQL =
    """
    SELECT \(RowDecoding.definitionColumns)
    FROM node n CROSS JOIN definition d ON d.node_id = n.id
    CROSS JOIN manifest_member m ON m.manifest_version_id = ?
      AND m.resource_type = d.resource_type AND m.definition_id = d.id
    WHERE n.project_id = (SELECT project_id FROM manifest_version WHERE id = ?)
      AND n.unique_id = ?
    """

  /// The manifest version of a run in the account, or nil (unknown run, other account).
  static func manifestVersion(runID: Int, accountID: Int, db: Connection) throws -> Int64? {
    try db.scalarInt(
      """
      SELECT r.manifest_version_id FROM run r
      JOIN environment e ON e.id = r.environment_id JOIN project p ON p.id = e.project_id
      WHERE r.id = ? AND p.account_id = ?
      """, [.integer(Int64(runID)), .integer(Int64(accountID))])
  }

  /// Whether the environment exists in the account.
  static func environmentInAccount(_ environmentID: Int, accountID: Int, db: Connection) throws
    -> Bool
  {
    try db.scalarInt(
      """
      SELECT 1 FROM environment e JOIN project p ON p.id = e.project_id
      WHERE e.id = ? AND p.account_id = ?
      """, [.integer(Int64(environmentID)), .integer(Int64(accountID))]) != nil
  }

  /// The definitions in a run's manifest, of one resource type (`model`, `test`...) or all,
  /// ordered by unique_id.
  public func definitions(accountID: Int, runID: Int, resourceType: String? = nil) throws
    -> [DefinitionRecord]
  {
    try wrapping {
      try pool.read { db in
        guard let version = try Self.manifestVersion(runID: runID, accountID: accountID, db: db)
        else { return [] }
        return try db.query(
          """
          SELECT \(RowDecoding.definitionColumns)
          FROM manifest_member m
          JOIN definition d ON d.id = m.definition_id JOIN node n ON n.id = d.node_id
          WHERE m.manifest_version_id = ? AND (? IS NULL OR m.resource_type = ?)
          ORDER BY n.unique_id
          """, [.integer(version), resourceType.sqliteValue, resourceType.sqliteValue]
        ) { RowDecoding.definition($0) }
      }
    }
  }

  /// One node's definition in a run's manifest.
  public func definition(accountID: Int, runID: Int, uniqueID: String) throws
    -> DefinitionRecord?
  {
    try wrapping {
      try pool.read { db in
        guard let version = try Self.manifestVersion(runID: runID, accountID: accountID, db: db)
        else { return nil }
        return try db.query(
          Self.definitionSQL, [.integer(version), .integer(version), .text(uniqueID)]
        ) { RowDecoding.definition($0) }.first
      }
    }
  }

  /// A run's executions (every step, in step then file order), optionally of one
  /// resource type.
  public func executions(accountID: Int, runID: Int, resourceType: String? = nil) throws
    -> [ExecutionRecord]
  {
    try wrapping {
      try pool.read { db in
        guard try Self.manifestVersion(runID: runID, accountID: accountID, db: db) != nil
        else { return [] }
        return try db.query(
          """
          SELECT \(RowDecoding.executionColumns)
          FROM execution e JOIN node n ON n.id = e.node_id JOIN run r ON r.id = e.run_id
          JOIN artifact a ON a.id = e.artifact_id
          WHERE e.run_id = ? AND (? IS NULL OR n.resource_type = ?)
          ORDER BY e.id
          """,
          [.integer(Int64(runID)), resourceType.sqliteValue, resourceType.sqliteValue]
        ) { RowDecoding.execution($0) }
      }
    }
  }

  /// A node's status in a run: its latest execution from a step that executes nodes,
  /// else (a run that only compiled or generated docs) its latest result of any step.
  public func execution(accountID: Int, runID: Int, uniqueID: String) throws
    -> ExecutionRecord?
  {
    try wrapping {
      try pool.read { db in
        guard try Self.manifestVersion(runID: runID, accountID: accountID, db: db) != nil
        else { return nil }
        return try db.query(
          Self.runExecutionSQL, [.integer(Int64(runID)), .text(uniqueID)]
        ) { RowDecoding.execution($0) }.first
      }
    }
  }

  /// A run's freshness results.
  public func freshness(accountID: Int, runID: Int) throws -> [FreshnessRecord] {
    try wrapping {
      try pool.read { db in
        guard try Self.manifestVersion(runID: runID, accountID: accountID, db: db) != nil
        else { return [] }
        return try db.query(
          """
          SELECT \(RowDecoding.freshnessColumns)
          FROM freshness_result f JOIN node n ON n.id = f.node_id JOIN run r ON r.id = f.run_id
          WHERE f.run_id = ? ORDER BY f.id
          """, [.integer(Int64(runID))]
        ) { RowDecoding.freshness($0) }
      }
    }
  }

  /// A run's catalog entries with their columns and stats.
  public func catalog(accountID: Int, runID: Int) throws -> [CatalogRecord] {
    try wrapping {
      try pool.read { db in
        guard try Self.manifestVersion(runID: runID, accountID: accountID, db: db) != nil
        else { return [] }
        let entries = try db.query(
          """
          SELECT \(RowDecoding.catalogColumns)
          FROM catalog_entry c JOIN node n ON n.id = c.node_id
          WHERE c.run_id = ? ORDER BY c.id
          """, [.integer(Int64(runID))]
        ) { RowDecoding.catalog($0) }
        return try entries.map { try Self.completeCatalog($0, db: db) }
      }
    }
  }

  /// Loads a catalog entry's columns and stats.
  static func completeCatalog(
    _ entry: (record: CatalogRecord, entryID: Int64, columnSetID: Int64), db: Connection
  ) throws -> CatalogRecord {
    var record = entry.record
    record.columns = try db.query(
      """
      SELECT name, type, column_index, comment FROM catalog_column
      WHERE column_set_id = ? ORDER BY position
      """, [.integer(entry.columnSetID)]
    ) { row in
      CatalogRecord.Column(
        name: row.string(at: 0) ?? "", type: row.string(at: 1),
        index: row.optionalInt64(at: 2).map(Int.init), comment: row.string(at: 3))
    }
    record.stats = try db.query(
      """
      SELECT stat_id, label, value, include, description FROM catalog_stat
      WHERE catalog_entry_id = ? ORDER BY stat_id
      """, [.integer(entry.entryID)]
    ) { row in
      CatalogRecord.Stat(
        id: row.string(at: 0) ?? "", label: row.string(at: 1), valueJSON: row.string(at: 2),
        include: row.int(at: 3) != 0, description: row.string(at: 4))
    }
    return record
  }
}
