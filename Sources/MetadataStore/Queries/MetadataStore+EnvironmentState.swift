import SQLite

/// The reads behind the API's applied-state cache: a generation that changes whenever an
/// environment's current state may have changed, and the whole current state in two
/// statements (``EnvironmentStateRecord``).
extension MetadataStore {
  /// What identifies the state an environment's pages, filters, sorts and relatives are
  /// read from: the environment's latest run (its current manifest) and the highest row
  /// ids of `execution`, `freshness_result` and `catalog_entry`, whose inserts are the only
  /// way the applied state changes (rows are appended, never updated or deleted). One
  /// small statement that also checks the account: nil when the environment is not in it.
  ///
  /// The ids are the whole database's (an ingest into another environment changes them
  /// too): a reader holding a state for an older generation reads the state again.
  public func appliedStateGeneration(accountID: Int, environmentID: Int) throws -> [Int64]? {
    try generation(
      Self.appliedStateGenerationSQL, columnCount: 4, accountID: accountID,
      environmentID: environmentID)
  }

  static let appliedStateGenerationSQL = generationSQL([
    latestRunColumn, highestIDColumn("execution"), highestIDColumn("freshness_result"),
    highestIDColumn("catalog_entry"),
  ])

  /// Every node of the environment's current manifest, with the values the filters and
  /// sorts of ``environmentNodes(accountID:environmentID:query:)`` read (computed by the
  /// same expressions), and every parent edge of their definitions: two statements
  /// whatever the size of the project. Nil when the environment is not in the account;
  /// empty before its first run.
  public func environmentState(accountID: Int, environmentID: Int) throws
    -> EnvironmentStateRecord?
  {
    try wrapping {
      try pool.read { db in
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db) else {
          return nil
        }
        let arguments: [SQLiteValue] = [.integer(Int64(environmentID)), .integer(Int64(accountID))]
        let extra = Self.nodeColumnCount
        let nodes = try db.query(Self.environmentStateNodesSQL, arguments) { row in
          EnvironmentStateRecord.Node(
            record: Self.environmentNode(row, sortValue: .null),
            exposureType: row.string(at: extra), lastRunStatus: row.string(at: extra + 1),
            executeCompletedAt: row.string(at: extra + 2),
            freshnessStatus: row.string(at: extra + 3),
            rowCount: row.isNull(at: extra + 4) ? nil : row.int(at: extra + 4))
        }
        let edges = try db.query(Self.environmentStateEdgesSQL, arguments) {
          EnvironmentStateRecord.Edge(definitionID: $0.int64(at: 0), parentNodeID: $0.int64(at: 1))
        }
        return EnvironmentStateRecord(nodes: nodes, edges: edges)
      }
    }
  }

  /// The members of the current version (``EnvironmentNodeSQL/version``, ?1 environment,
  /// ?2 account) with ``nodeColumns`` and the filter and sort values, by the expressions of
  /// ``EnvironmentNodeSQL``: the exposure type of `?19`, `x.status`,
  /// `x.execute_completed_at`, `f.status`, `c.row_count`. The `config.tags` the tags filter
  /// reads for nodes without `tags` are not read here (it reads the JSON of most nodes, two
  /// thirds of the statement's time): ``configTags(accountID:environmentID:definitionIDs:)``
  /// reads them when a tags filter first needs them.
  static let environmentStateNodesSQL = """
    SELECT \(nodeColumns),
      CASE WHEN d.resource_type = 'exposure' THEN json_extract(d.json, '$.type') END,
      x.status, x.execute_completed_at, f.status, c.row_count
    FROM manifest_member m
    JOIN definition d ON d.id = m.definition_id
    JOIN node n ON n.id = d.node_id
    LEFT JOIN applied_state s ON s.environment_id = ?1 AND s.node_id = n.id
    LEFT JOIN execution x ON x.id = s.last_execution_id
    LEFT JOIN freshness_result f ON f.id = s.last_freshness_id
    LEFT JOIN catalog_entry c ON c.id = s.last_catalog_id
    WHERE m.manifest_version_id = \(EnvironmentNodeSQL.version)
    """

  /// The manifest `config.tags` (JSON text) of definitions of the environment's project, by
  /// definition row id, where there is one (ids of other projects are left out): what the
  /// tags filter matches for nodes whose `tags` are absent or `[]` (the expression of
  /// ``EnvironmentNodeSQL``'s `?7`). One statement for the whole list.
  public func configTags(accountID: Int, environmentID: Int, definitionIDs: [Int64]) throws
    -> [Int64: String]
  {
    try definitionValues(
      "json_extract(d.json, '$.config.tags')", accountID: accountID,
      environmentID: environmentID, definitionIDs: definitionIDs)
  }

  /// The parent edges of the current version's members (?1 environment, ?2 account).
  static let environmentStateEdgesSQL = """
    SELECT l.definition_id, l.parent_node_id
    FROM manifest_member m
    JOIN lineage_edge l ON l.definition_id = m.definition_id
    WHERE m.manifest_version_id = \(EnvironmentNodeSQL.version)
    """
}
