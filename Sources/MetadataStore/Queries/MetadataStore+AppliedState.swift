import SQLite

/// The environment-scoped side of the API: definition state (the environment's latest
/// manifest) and applied state (latest execution, success, freshness and catalog per node),
/// read from `applied_state` without scanning history.
extension MetadataStore {
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
        return try rows.map { definition, pointers in
          AppliedNodeRecord(
            definition: definition,
            lastExecution: try pointers[0].flatMap { try Self.execution(id: $0, db: db) },
            lastSuccess: try pointers[1].flatMap { try Self.execution(id: $0, db: db) },
            lastFreshness: try pointers[2].flatMap { try Self.freshness(id: $0, db: db) },
            lastCatalog: try pointers[3].flatMap { try Self.catalogEntry(id: $0, db: db) })
        }
      }
    }
  }

  static func execution(id: Int64, db: Connection) throws -> ExecutionRecord? {
    try db.query(
      """
      SELECT \(RowDecoding.executionColumns)
      FROM execution e JOIN node n ON n.id = e.node_id JOIN run r ON r.id = e.run_id
      JOIN artifact a ON a.id = e.artifact_id WHERE e.id = ?
      """, [.integer(id)]
    ) { RowDecoding.execution($0) }.first
  }

  static func freshness(id: Int64, db: Connection) throws -> FreshnessRecord? {
    try db.query(
      """
      SELECT \(RowDecoding.freshnessColumns)
      FROM freshness_result f JOIN node n ON n.id = f.node_id JOIN run r ON r.id = f.run_id
      WHERE f.id = ?
      """, [.integer(id)]
    ) { RowDecoding.freshness($0) }.first
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
