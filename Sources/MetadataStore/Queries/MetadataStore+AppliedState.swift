import SQLite

/// The environment-scoped side of the API: definition state (the environment's latest
/// manifest) and applied state (latest execution, success, freshness and catalog per node),
/// read from `applied_state` without scanning history.
extension MetadataStore {
  /// The definitions of a manifest version with their applied-state pointers.
  static let appliedStateSQL =
    """
    SELECT m.resource_type, count(*) FROM environment e
    JOIN run r ON r.id = e.latest_run_id
    JOIN manifest_member m ON m.manifest_version_id = r.manifest_version_id
    WHERE e.id = ? GROUP BY m.resource_type
    """

  /// The run whose manifest is the environment's current definition state (the newest
  /// manifest ingested for any of its jobs).
  public func latestRun(accountID: Int, environmentID: Int) throws -> RunRecord? {
    let runID: Int64? = try wrapping {
      try pool.read { db in
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db)
        else { return nil }
        return try db.scalarInt(
          "SELECT latest_run_id FROM environment WHERE id = ?", [.integer(Int64(environmentID))])
      }
    }
    guard let runID else { return nil }
    return try run(accountID: accountID, id: Int(runID))
  }

  /// The number of definitions per resource type in the environment's current manifest
  /// (the API's `resourceCounts`).
  public func resourceCounts(accountID: Int, environmentID: Int) throws -> [String: Int] {
    try wrapping {
      try pool.read { db in
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db) else {
          return [:]
        }
        let rows = try db.query(
          Self.appliedStateSQL, [.integer(Int64(environmentID))]
        ) { ($0.string(at: 0) ?? "", $0.int(at: 1)) }
        return Dictionary(rows, uniquingKeysWith: +)
      }
    }
  }

  /// The applied state of every node of one resource type (or all) in the environment's
  /// current manifest, ordered by unique_id.
  public func appliedState(accountID: Int, environmentID: Int, resourceType: String? = nil)
    throws -> [AppliedNodeRecord]
  {
    try wrapping {
      try pool.read { db in
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db),
          let version = try db.scalarInt(
            """
            SELECT r.manifest_version_id FROM environment e JOIN run r ON r.id = e.latest_run_id
            WHERE e.id = ?
            """, [.integer(Int64(environmentID))])
        else { return [] }
        let rows = try db.query(
          """
          SELECT \(RowDecoding.definitionColumns), s.last_execution_id, s.last_success_id,
            s.last_freshness_id, s.last_catalog_id
          FROM manifest_member m
          JOIN definition d ON d.id = m.definition_id JOIN node n ON n.id = d.node_id
          LEFT JOIN applied_state s ON s.environment_id = ? AND s.node_id = n.id
          WHERE m.manifest_version_id = ? AND (? IS NULL OR m.resource_type = ?)
          ORDER BY n.unique_id
          """,
          [
            .integer(Int64(environmentID)), .integer(version), resourceType.sqliteValue,
            resourceType.sqliteValue,
          ]
        ) { row -> (DefinitionRecord, [Int64?]) in
          let base = RowDecoding.definitionColumnCount
          return (
            RowDecoding.definition(row),
            (0..<4).map { row.optionalInt64(at: base + Int32($0)) }
          )
        }
        // Four batch lookups (not one query per node): every pointed-at row at once.
        let executions = try Self.rows(
          """
          SELECT \(RowDecoding.executionColumns)
          FROM execution e JOIN node n ON n.id = e.node_id JOIN run r ON r.id = e.run_id
          JOIN artifact a ON a.id = e.artifact_id
          WHERE e.id IN (SELECT last_execution_id FROM applied_state WHERE environment_id = ?
            UNION SELECT last_success_id FROM applied_state WHERE environment_id = ?)
          """, environmentID: environmentID, twice: true, db: db
        ) { RowDecoding.execution($0) }
        let freshness = try Self.rows(
          """
          SELECT \(RowDecoding.freshnessColumns)
          FROM freshness_result f JOIN node n ON n.id = f.node_id JOIN run r ON r.id = f.run_id
          WHERE f.id IN (SELECT last_freshness_id FROM applied_state WHERE environment_id = ?)
          """, environmentID: environmentID, twice: false, db: db
        ) { RowDecoding.freshness($0) }
        let catalogIDs = Set(rows.compactMap { $0.1[3] })
        var catalogs: [Int64: CatalogRecord] = [:]
        for id in catalogIDs { catalogs[id] = try Self.catalogEntry(id: id, db: db) }
        let executionsByID = Dictionary(
          executions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let freshnessByID = Dictionary(
          freshness.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return rows.map { definition, pointers in
          AppliedNodeRecord(
            definition: definition,
            lastExecution: pointers[0].flatMap { executionsByID[$0] },
            lastSuccess: pointers[1].flatMap { executionsByID[$0] },
            lastFreshness: pointers[2].flatMap { freshnessByID[$0] },
            lastCatalog: pointers[3].flatMap { catalogs[$0] })
        }
      }
    }
  }

  /// Runs a query bound to the environment id (once or twice) and maps its rows.
  private static func rows<T>(
    _ sql: String, environmentID: Int, twice: Bool, db: Connection, row: (Statement) -> T
  ) throws -> [T] {
    let id = SQLiteValue.integer(Int64(environmentID))
    return try db.query(sql, twice ? [id, id] : [id], row: row)
  }

  static func catalogEntry(id: Int64, db: Connection) throws -> CatalogRecord? {
    guard
      let entry = try db.query(
        """
        SELECT \(RowDecoding.catalogColumns)
        FROM catalog_entry c JOIN node n ON n.id = c.node_id WHERE c.id = ?
        """, [.integer(id)], row: { RowDecoding.catalog($0) }
      ).first
    else { return nil }
    return try completeCatalog(entry, db: db)
  }
}
