import SQLite

/// The Discovery API's environment reads: an environment and its current manifest, pages
/// of its nodes with their applied-state pointers (filtered, sorted and paginated in SQL,
/// keyset on the sort key), and the batch lookups the nested fields use: one statement per
/// list of nodes, never one per node.
///
/// Every function takes the request's account and answers nothing (nil, empty) for an
/// environment of another account.
extension MetadataStore {
  /// An environment of the account, with the run whose manifest is its current state.
  public func environment(accountID: Int, id: Int) throws -> EnvironmentRecord? {
    try wrapping {
      try pool.read { db in
        try db.query(
          """
          SELECT e.id, p.account_id, e.project_id, e.name, r.id, r.job_id, r.manifest_version_id,
            r.generated_at, r.dbt_version, r.adapter_type, r.project_name
          FROM environment e JOIN project p ON p.id = e.project_id
          LEFT JOIN run r ON r.id = e.latest_run_id
          WHERE e.id = ? AND p.account_id = ?
          """, [.integer(Int64(id)), .integer(Int64(accountID))]
        ) { row in
          EnvironmentRecord(
            id: row.int(at: 0), accountID: row.int(at: 1), projectID: row.int(at: 2),
            name: row.string(at: 3), latestRunID: row.optionalInt64(at: 4).map(Int.init),
            latestJobID: row.optionalInt64(at: 5).map(Int.init),
            manifestVersionID: row.optionalInt64(at: 6).map(Int.init),
            generatedAt: row.string(at: 7), dbtVersion: row.string(at: 8),
            adapterType: row.string(at: 9), projectName: row.string(at: 10))
        }.first
      }
    }
  }

  /// When the environment's applied state last changed: the newest time among its latest
  /// executions, freshness results and catalog entries (canonical UTC), nil if none.
  public func appliedLastUpdatedAt(accountID: Int, environmentID: Int) throws -> String? {
    try wrapping {
      try pool.read { db in
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db) else {
          return nil
        }
        return try db.query(
          """
          SELECT max(last_execution_at), max(last_freshness_at), max(last_catalog_at)
          FROM applied_state WHERE environment_id = ?
          """, [.integer(Int64(environmentID))]
        ) { row in
          [row.string(at: 0), row.string(at: 1), row.string(at: 2)].compactMap { $0 }.max()
        }
        .first ?? nil
      }
    }
  }

  // MARK: - Pages

  /// One page of the environment's current nodes matching `query`, with the count over
  /// all pages: two statements (the page, fetched one row longer to know whether more
  /// follow, and the count), whatever the page size.
  public func environmentNodes(
    accountID: Int, environmentID: Int, query: EnvironmentNodeQuery
  ) throws -> EnvironmentNodePage {
    try wrapping {
      try pool.read { db in
        // The account is checked inside both statements (``EnvironmentNodeSQL/version``):
        // an environment of another account has no version, so no nodes and a count of 0.
        let sql = EnvironmentNodeSQL(query: query)
        var arguments = sql.filterArguments(environmentID: environmentID, accountID: accountID)
        let total =
          query.countsTotal
          ? try db.scalarInt(
            sql.countText, Array(arguments.prefix(EnvironmentNodeSQL.filterCount))) ?? 0 : nil
        arguments += sql.pageArguments
        var nodes = try db.query(sql.pageText, arguments) { row in
          (
            position: row.int(at: EnvironmentNodeSQL.positionColumn),
            node: Self.environmentNode(row, sortValue: sql.sortValue(row, at: Self.nodeColumnCount))
          )
        }.sorted { $0.position < $1.position }.map(\.node)
        var hasNext = false
        if let limit = query.limit, nodes.count > limit {
          nodes.removeLast(nodes.count - limit)
          hasNext = true
        }
        return EnvironmentNodePage(
          nodes: nodes, totalCount: total.map { Int($0) }, hasNextPage: hasNext)
      }
    }
  }

  // MARK: - Relatives (batched)

  /// The relatives a batch lookup returns for each node.
  public enum Relation: Sendable, Equatable {
    /// Direct parents (`parent_map`).
    case parents
    /// Direct children (`child_map`).
    case children
    /// The tests (data and unit) whose tested node is this one (`attached_node`, else the
    /// first `depends_on` node).
    case tests
    /// Every node upstream, transitively, of the given resource types.
    case ancestors(resourceTypes: [String])
  }

  /// The relatives of each of `nodeIDs` in the environment's current manifest, ordered by
  /// unique id, in one statement for the whole list. Nodes without relatives map to `[]`.
  ///
  /// - Parameter summaryOnly: read only each relative's summary: unique id, resource type,
  ///   name, file path (`originalFilePath`), materialization, node and definition ids and
  ///   applied-state pointers; its other definition fields, `version` and `modelingLayer`
  ///   are nil (for a caller that reads nothing else of them).
  public func environmentRelatives(
    accountID: Int, environmentID: Int, nodeIDs: [Int64], relation: Relation,
    summaryOnly: Bool = false
  ) throws -> [Int64: [EnvironmentNodeRecord]] {
    guard !nodeIDs.isEmpty else { return [:] }
    return try wrapping {
      try pool.read { db in
        var types: SQLiteValue = .null
        let sql = Self.relativesSQL(relation, summaryOnly: summaryOnly)
        if case .ancestors(let resourceTypes) = relation {
          types = .text(JSONText.array(resourceTypes))
        }
        // ?2 is unused: the version is read inside the statement (``currentVersion``).
        let arguments: [SQLiteValue] = [
          .integer(Int64(environmentID)), .null, .text(Self.jsonIntegers(nodeIDs)), types,
          .integer(Int64(accountID)),
        ]
        var result: [Int64: [EnvironmentNodeRecord]] = [:]
        for id in nodeIDs { result[id] = [] }
        // Each row goes straight to its anchor's list (node records are large values).
        _ = try db.query(sql, arguments) { row in
          result[row.int64(at: 0), default: []].append(
            Self.environmentNode(row, at: 1, sortValue: .null))
        }
        // By unique id, as SQLite's BINARY collation orders text (UTF-8 bytes).
        for anchor in nodeIDs where (result[anchor]?.count ?? 0) > 1 {
          result[anchor]?.sort {
            $0.definition.uniqueID.utf8.lexicographicallyPrecedes($1.definition.uniqueID.utf8)
          }
        }
        return result
      }
    }
  }

  // MARK: - Applied-state rows by id (batched)

  /// Executions of the environment by row id (the applied-state pointers), one statement.
  public func executions(accountID: Int, environmentID: Int, ids: [Int64]) throws
    -> [Int64: ExecutionRecord]
  {
    try byID(accountID: accountID, environmentID: environmentID, ids: ids) { db, list in
      try db.query(
        """
        SELECT \(RowDecoding.executionColumns)
        FROM execution e JOIN node n ON n.id = e.node_id JOIN run r ON r.id = e.run_id
        JOIN artifact a ON a.id = e.artifact_id
        WHERE e.id IN (SELECT value FROM json_each(?1)) AND +e.environment_id = ?2
          AND \(Self.environmentInAccountSQL)
        """, list
      ) { RowDecoding.execution($0) }.map { ($0.id, $0) }
    }
  }

  /// Freshness results of the environment by row id, one statement.
  public func freshnessResults(accountID: Int, environmentID: Int, ids: [Int64]) throws
    -> [Int64: FreshnessRecord]
  {
    try byID(accountID: accountID, environmentID: environmentID, ids: ids) { db, list in
      try db.query(
        """
        SELECT \(RowDecoding.freshnessColumns)
        FROM freshness_result f JOIN node n ON n.id = f.node_id JOIN run r ON r.id = f.run_id
        WHERE f.id IN (SELECT value FROM json_each(?1)) AND +f.environment_id = ?2
          AND \(Self.environmentInAccountSQL)
        """, list
      ) { RowDecoding.freshness($0) }.map { ($0.id, $0) }
    }
  }

  /// Catalog entries of the environment by row id, with their columns, stats and run:
  /// three statements for the whole list.
  public func catalogEntries(accountID: Int, environmentID: Int, ids: [Int64]) throws
    -> [Int64: CatalogEntryRecord]
  {
    try byID(accountID: accountID, environmentID: environmentID, ids: ids) { db, list in
      let entries = try db.query(
        """
        SELECT \(RowDecoding.catalogColumns), r.job_id, c.generated_at
        FROM catalog_entry c JOIN node n ON n.id = c.node_id JOIN run r ON r.id = c.run_id
        WHERE c.id IN (SELECT value FROM json_each(?1)) AND +c.environment_id = ?2
          AND \(Self.environmentInAccountSQL)
        """, list
      ) { row in
        (entry: RowDecoding.catalog(row), jobID: row.int(at: 12), generatedAt: row.string(at: 13))
      }
      guard !entries.isEmpty else { return [] }
      let (columns, stats) = try Self.catalogParts(
        setIDs: entries.map(\.entry.columnSetID), entryIDs: entries.map(\.entry.entryID), db: db)
      return entries.map { row in
        var record = row.entry.record
        record.columns = columns[row.entry.columnSetID] ?? []
        record.stats = stats[row.entry.entryID] ?? []
        return (
          row.entry.entryID,
          CatalogEntryRecord(catalog: record, jobID: row.jobID, generatedAt: row.generatedAt)
        )
      }
    }
  }

  /// Each node's most recent run_results status that is not `skipped` (from steps that
  /// execute nodes), over the environment's whole history; one statement.
  public func lastKnownResults(accountID: Int, environmentID: Int, nodeIDs: [Int64]) throws
    -> [Int64: String]
  {
    guard !nodeIDs.isEmpty else { return [:] }
    return try wrapping {
      try pool.read { db in
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db) else {
          return [:]
        }
        let rows = try db.query(
          """
          SELECT node_id, status FROM (
            SELECT e.node_id, e.status, row_number() OVER (
              PARTITION BY e.node_id ORDER BY e.generated_at DESC, e.id DESC) AS position
            FROM execution e
            WHERE e.environment_id = ? AND e.node_id IN (SELECT value FROM json_each(?))
              AND e.executes_node = 1 AND e.status IS NOT NULL AND e.status <> 'skipped')
          WHERE position = 1
          """, [.integer(Int64(environmentID)), .text(Self.jsonIntegers(nodeIDs))]
        ) { ($0.int64(at: 0), $0.string(at: 1) ?? "") }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
      }
    }
  }

  // MARK: - Helpers

  /// Whether environment ?2 is in account ?3, as a condition of the statement that reads
  /// (an uncorrelated subquery, evaluated once per execution): rows by id are scoped in the
  /// statement that reads them, not by a statement before it.
  static let environmentInAccountSQL = """
    EXISTS (SELECT 1 FROM environment ce JOIN project cp ON cp.id = ce.project_id
      WHERE ce.id = ?2 AND cp.account_id = ?3)
    """

  /// Rows of the environment looked up by id: `query` gets the ids (a JSON array), the
  /// environment id and the account id as ?1, ?2 and ?3, and checks the account with
  /// ``environmentInAccountSQL``.
  private func byID<T>(
    accountID: Int, environmentID: Int, ids: [Int64],
    _ query: (Connection, [SQLiteValue]) throws -> [(Int64, T)]
  ) throws -> [Int64: T] {
    guard !ids.isEmpty else { return [:] }
    return try wrapping {
      try pool.read { db in
        let rows = try query(
          db,
          [
            .text(Self.jsonIntegers(Array(Set(ids)))), .integer(Int64(environmentID)),
            .integer(Int64(accountID)),
          ])
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
      }
    }
  }

  /// `[1,2,3]`: a list of ids bound as one JSON text and read with `json_each`, so one
  /// statement serves any number of ids.
  static func jsonIntegers(_ ids: [Int64]) -> String {
    "[" + ids.map(String.init).joined(separator: ",") + "]"
  }
}

extension MetadataStore {
  /// The manifest JSON of definitions of the environment's project, by definition row id
  /// (ids of other projects are left out): what environment node records leave out
  /// (``EnvironmentNodeRecord/definition``), read in one statement for a whole list when a
  /// field needs it.
  public func definitionJSON(accountID: Int, environmentID: Int, definitionIDs: [Int64]) throws
    -> [Int64: String]
  {
    try definitionValues(
      "d.json", accountID: accountID, environmentID: environmentID, definitionIDs: definitionIDs)
  }

  /// `expression` (over the definition row `d`) of definitions of the environment's
  /// project, by definition row id, where it is not NULL (ids of other projects are left
  /// out). One statement for the whole list.
  func definitionValues(
    _ expression: String, accountID: Int, environmentID: Int, definitionIDs: [Int64]
  ) throws -> [Int64: String] {
    guard !definitionIDs.isEmpty else { return [:] }
    return try wrapping {
      try pool.read { db in
        let rows = try db.query(
          """
          SELECT d.id, \(expression)
          FROM (SELECT DISTINCT value AS id FROM json_each(?1)) k
          CROSS JOIN definition d ON d.id = k.id
          CROSS JOIN node n ON n.id = d.node_id
          WHERE n.project_id = (SELECT ce.project_id FROM environment ce
            JOIN project cp ON cp.id = ce.project_id WHERE ce.id = ?2 AND cp.account_id = ?3)
          """,
          [
            .text(Self.jsonIntegers(definitionIDs)), .integer(Int64(environmentID)),
            .integer(Int64(accountID)),
          ]
        ) { row in (row.int64(at: 0), row.string(at: 1)) }
        var values: [Int64: String] = [:]
        for (id, text) in rows { if let text { values[id] = text } }
        return values
      }
    }
  }

}
