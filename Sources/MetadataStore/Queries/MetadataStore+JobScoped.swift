import SQLite

/// Batch reads for the job-scoped API (Part 1 of the spec): the definitions, executions,
/// freshness results, catalog entries and lineage of a *list* of nodes of one run, each in
/// a fixed number of statements whatever the list's length (the ids travel as one JSON
/// array read with `json_each`), so that 500 models asking for their parents cost one
/// statement, not 500.
///
/// Every function takes the account and answers nothing (an empty list) for a run of
/// another account or an unknown run.
///
/// The statements start from the listed nodes (`node` by project and unique id) and reach
/// a run's rows through `(run_id, node_id)` (`CROSS JOIN` fixes that order): starting from
/// the run would walk all of its rows, 10,000 per run in a 10,000-node project.
extension MetadataStore {
  /// The definitions of `uniqueIDs` in a run's manifest (ids absent from it are skipped),
  /// ordered by unique_id.
  public func definitions(accountID: Int, runID: Int, uniqueIDs: [String]) throws
    -> [DefinitionRecord]
  {
    guard !uniqueIDs.isEmpty else { return [] }
    return try wrapping {
      try pool.read { db in
        guard let version = try Self.manifestVersion(runID: runID, accountID: accountID, db: db)
        else { return [] }
        return try db.query(
          """
          SELECT \(RowDecoding.definitionColumns)
          FROM node n CROSS JOIN definition d ON d.node_id = n.id
          CROSS JOIN manifest_member m ON m.manifest_version_id = ?
            AND m.resource_type = d.resource_type AND m.definition_id = d.id
          WHERE n.project_id = (SELECT project_id FROM manifest_version WHERE id = ?)
            AND n.unique_id IN (SELECT value FROM json_each(?))
          ORDER BY n.unique_id
          """, [.integer(version), .integer(version), .text(JSONText.array(uniqueIDs))]
        ) { RowDecoding.definition($0) }
      }
    }
  }

  /// Every result of `uniqueIDs` in a run, of every step (a node built by `dbt build` and
  /// listed again by `docs generate` has two), ordered by node, then results of steps that
  /// execute nodes first, then newest first: the first result of a node is its status in
  /// the run, as ``execution(accountID:runID:uniqueID:)`` answers.
  public func executions(accountID: Int, runID: Int, uniqueIDs: [String]) throws
    -> [ExecutionRecord]
  {
    guard !uniqueIDs.isEmpty else { return [] }
    return try wrapping {
      try pool.read { db in
        guard try Self.manifestVersion(runID: runID, accountID: accountID, db: db) != nil
        else { return [] }
        return try db.query(
          """
          SELECT \(RowDecoding.executionColumns)
          FROM node n CROSS JOIN execution e ON e.run_id = ? AND e.node_id = n.id
          JOIN run r ON r.id = e.run_id JOIN artifact a ON a.id = e.artifact_id
          WHERE n.project_id = (SELECT e2.project_id FROM run r2
              JOIN environment e2 ON e2.id = r2.environment_id WHERE r2.id = ?)
            AND n.unique_id IN (SELECT value FROM json_each(?))
          ORDER BY n.unique_id, e.executes_node DESC, e.generated_at DESC, e.id DESC
          """,
          [.integer(Int64(runID)), .integer(Int64(runID)), .text(JSONText.array(uniqueIDs))]
        ) { RowDecoding.execution($0) }
      }
    }
  }

  /// The freshness results of `uniqueIDs` (sources) in a run, with the elapsed time of the
  /// `dbt source freshness` step that wrote them; newest first per source.
  public func freshness(accountID: Int, runID: Int, uniqueIDs: [String]) throws
    -> [JobFreshnessRecord]
  {
    guard !uniqueIDs.isEmpty else { return [] }
    return try wrapping {
      try pool.read { db in
        guard try Self.manifestVersion(runID: runID, accountID: accountID, db: db) != nil
        else { return [] }
        return try db.query(
          """
          SELECT \(RowDecoding.freshnessColumns), a.elapsed_time, f.execution_time
          FROM freshness_result f JOIN node n ON n.id = f.node_id JOIN run r ON r.id = f.run_id
          JOIN artifact a ON a.id = f.artifact_id
          WHERE f.run_id = ? AND n.unique_id IN (SELECT value FROM json_each(?))
          ORDER BY n.unique_id, f.generated_at DESC, f.id DESC
          """, [.integer(Int64(runID)), .text(JSONText.array(uniqueIDs))]
        ) { row in
          JobFreshnessRecord(
            result: RowDecoding.freshness(row),
            runElapsedTime: row.optionalDouble(at: RowDecoding.freshnessColumnCount),
            executionTime: row.optionalDouble(at: RowDecoding.freshnessColumnCount + 1))
        }
      }
    }
  }

  /// The catalog entries of `uniqueIDs` in a run with their columns and stats: three
  /// statements for the whole list (entries, then every column set, then every stat).
  public func catalog(accountID: Int, runID: Int, uniqueIDs: [String]) throws
    -> [CatalogRecord]
  {
    guard !uniqueIDs.isEmpty else { return [] }
    return try wrapping {
      try pool.read { db in
        guard try Self.manifestVersion(runID: runID, accountID: accountID, db: db) != nil
        else { return [] }
        let entries = try db.query(
          """
          SELECT \(RowDecoding.catalogColumns)
          FROM node n CROSS JOIN catalog_entry c ON c.run_id = ?1 AND c.node_id = n.id
          WHERE n.project_id = (SELECT e.project_id FROM run r
              JOIN environment e ON e.id = r.environment_id WHERE r.id = ?1)
            AND n.unique_id IN (SELECT value FROM json_each(?2))
          ORDER BY n.unique_id, c.id DESC
          """, [.integer(Int64(runID)), .text(JSONText.array(uniqueIDs))]
        ) { RowDecoding.catalog($0) }
        guard !entries.isEmpty else { return [] }
        let (columns, stats) = try Self.catalogParts(
          setIDs: entries.map(\.columnSetID), entryIDs: entries.map(\.entryID), db: db)
        return entries.map { entry in
          var record = entry.record
          record.columns = columns[entry.columnSetID] ?? []
          record.stats = stats[entry.entryID] ?? []
          return record
        }
      }
    }
  }

  /// The direct parents of each of `uniqueIDs` in a run's manifest (`parent_map`), as
  /// (child, parent) pairs ordered by child then parent.
  public func parents(accountID: Int, runID: Int, uniqueIDs: [String]) throws
    -> [LineageEdgeRecord]
  {
    try edges(
      accountID: accountID, runID: runID, uniqueIDs: uniqueIDs,
      sql: """
        SELECT child.unique_id, child.resource_type, parent.unique_id, parent.resource_type
        FROM node child
        CROSS JOIN definition d ON d.node_id = child.id
        CROSS JOIN manifest_member m ON m.manifest_version_id = ?
          AND m.resource_type = d.resource_type AND m.definition_id = d.id
        JOIN lineage_edge l ON l.definition_id = d.id
        JOIN node parent ON parent.id = l.parent_node_id
        WHERE child.project_id = (SELECT project_id FROM manifest_version WHERE id = ?)
          AND child.unique_id IN (SELECT value FROM json_each(?))
        ORDER BY child.unique_id, parent.unique_id
        """)
  }

  /// The direct children of each of `uniqueIDs` in a run's manifest (`child_map`), as
  /// (child, parent) pairs ordered by parent then child.
  public func children(accountID: Int, runID: Int, uniqueIDs: [String]) throws
    -> [LineageEdgeRecord]
  {
    try edges(
      accountID: accountID, runID: runID, uniqueIDs: uniqueIDs,
      sql: """
        SELECT child.unique_id, child.resource_type, parent.unique_id, parent.resource_type
        FROM node parent
        CROSS JOIN lineage_edge l ON l.parent_node_id = parent.id
        CROSS JOIN definition d ON d.id = l.definition_id
        CROSS JOIN manifest_member m ON m.manifest_version_id = ?
          AND m.resource_type = d.resource_type AND m.definition_id = d.id
        JOIN node child ON child.id = d.node_id
        WHERE parent.project_id = (SELECT project_id FROM manifest_version WHERE id = ?)
          AND parent.unique_id IN (SELECT value FROM json_each(?))
        ORDER BY parent.unique_id, child.unique_id
        """)
  }

  private func edges(accountID: Int, runID: Int, uniqueIDs: [String], sql: String) throws
    -> [LineageEdgeRecord]
  {
    guard !uniqueIDs.isEmpty else { return [] }
    return try wrapping {
      try pool.read { db in
        guard let version = try Self.manifestVersion(runID: runID, accountID: accountID, db: db)
        else { return [] }
        return try db.query(
          sql, [.integer(version), .integer(version), .text(JSONText.array(uniqueIDs))]
        ) { row in
          LineageEdgeRecord(
            child: LineageRecord(
              uniqueID: row.string(at: 0) ?? "", resourceType: row.string(at: 1) ?? ""),
            parent: LineageRecord(
              uniqueID: row.string(at: 2) ?? "", resourceType: row.string(at: 3) ?? ""))
        }
      }
    }
  }

  /// The runs of an environment that executed a model, newest first: what
  /// `modelByEnvironment` lists (one element per run result, across every job).
  ///
  /// - Parameters:
  ///   - uniqueID: the model, when given.
  ///   - identifier: a model whose relation identifier (alias) is this, case-insensitive,
  ///     when given; both may be given (both must match).
  ///   - limit: at most this many results.
  ///   - withCatalog: only runs whose catalog has the model.
  /// - Returns: (run id, model unique id) pairs; empty for an environment of another
  ///   account.
  ///
  /// The candidate nodes are found first (the project's models by unique id or alias),
  /// then their executions through `execution_by_node`: filtering the environment's
  /// executions instead walks all of them (seconds on a database of a million executions;
  /// `benchmarks/README.md`, Metadata API).
  public func modelRuns(
    accountID: Int, environmentID: Int, uniqueID: String?, identifier: String?, limit: Int,
    withCatalog: Bool
  ) throws -> [(runID: Int, uniqueID: String)] {
    try wrapping {
      try pool.read { db in
        if let uniqueID, identifier == nil {
          return try db.query(
            Self.modelRunsByUniqueIDSQL,
            [
              .integer(Int64(environmentID)), .text(uniqueID), .integer(withCatalog ? 1 : 0),
              .integer(Int64(accountID)), .integer(Int64(limit)),
            ]
          ) { row in (runID: row.int(at: 0), uniqueID: row.string(at: 1) ?? "") }
        }
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db)
        else { return [] }
        return try db.query(
          """
          WITH candidates(id) AS (
            SELECT n.id FROM node n
            WHERE n.project_id = (SELECT project_id FROM environment WHERE id = ?1)
              AND n.resource_type = 'model' AND (?2 IS NULL OR n.unique_id = ?2)
              AND (?3 IS NULL OR EXISTS (
                SELECT 1 FROM definition d
                WHERE d.node_id = n.id AND lower(coalesce(d.alias, d.name)) = lower(?3))))
          SELECT x.run_id, n.unique_id
          FROM candidates c CROSS JOIN execution x
            ON x.environment_id = ?1 AND x.node_id = c.id AND x.executes_node = 1
          JOIN node n ON n.id = c.id
          WHERE (?3 IS NULL OR EXISTS (
              SELECT 1 FROM run r JOIN manifest_member m
                ON m.manifest_version_id = r.manifest_version_id AND m.resource_type = 'model'
              JOIN definition d ON d.id = m.definition_id
              WHERE r.id = x.run_id AND d.node_id = n.id
                AND lower(coalesce(d.alias, d.name)) = lower(?3)))
            AND (?4 = 0 OR EXISTS (
              SELECT 1 FROM catalog_entry ce WHERE ce.run_id = x.run_id AND ce.node_id = x.node_id))
          GROUP BY x.run_id, n.unique_id
          ORDER BY x.run_id DESC, n.unique_id LIMIT ?5
          """,
          [
            .integer(Int64(environmentID)), uniqueID.sqliteValue, identifier.sqliteValue,
            .integer(withCatalog ? 1 : 0), .integer(Int64(limit)),
          ]
        ) { row in (runID: row.int(at: 0), uniqueID: row.string(at: 1) ?? "") }
      }
    }
  }

  /// ``modelRuns(accountID:environmentID:uniqueID:identifier:limit:withCatalog:)`` for one
  /// unique id and no identifier (what `modelHistoricalRuns(uniqueId:)` asks): the node by
  /// `(project_id, unique_id)`, its executions through `execution_by_node` in run order (no
  /// sort), and the account checked in the same statement. The general statement's
  /// `?2 IS NULL OR n.unique_id = ?2` walked every node of the project (12,000 rows, 0.9
  /// of the history's 4 ms on the benchmark database) to find one.
  static let modelRunsByUniqueIDSQL = """
    SELECT DISTINCT x.run_id, n.unique_id
    FROM environment v JOIN project p ON p.id = v.project_id
    CROSS JOIN node n ON n.project_id = v.project_id AND n.unique_id = ?2
      AND n.resource_type = 'model'
    CROSS JOIN execution x ON x.environment_id = v.id AND x.node_id = n.id AND x.executes_node = 1
    WHERE v.id = ?1 AND p.account_id = ?4
      AND (?3 = 0 OR EXISTS (
        SELECT 1 FROM catalog_entry ce WHERE ce.run_id = x.run_id AND ce.node_id = x.node_id))
    ORDER BY x.run_id DESC LIMIT ?5
    """
}
