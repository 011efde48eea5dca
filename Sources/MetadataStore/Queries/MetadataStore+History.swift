import SQLite

/// History across runs of an environment: "the last N runs of a node", freshness and
/// test history. Served by the `(environment_id, node_id, ...)` indexes.
extension MetadataStore {
  /// A source's freshness results newest first: served by `freshness_by_node`.
  static let freshnessHistorySQL =
    """
    SELECT \(RowDecoding.freshnessColumns)
    FROM freshness_result f JOIN node n ON n.id = f.node_id JOIN run r ON r.id = f.run_id
    WHERE f.environment_id = ? AND f.node_id = ?
    ORDER BY f.run_id DESC, f.id DESC LIMIT ?
    """

  /// A node's executions newest first: served by `execution_by_node`.
  static let executionHistorySQL =
    """
    SELECT \(RowDecoding.executionColumns)
    FROM execution e JOIN node n ON n.id = e.node_id JOIN run r ON r.id = e.run_id
    JOIN artifact a ON a.id = e.artifact_id
    WHERE e.environment_id = ? AND e.node_id = ? AND e.executes_node = 1
    ORDER BY e.run_id DESC, e.generated_at DESC, e.id DESC LIMIT ?
    """

  /// A node's last `limit` executions in an environment, newest first, from steps that
  /// execute nodes (docs generate and compile results are not history).
  public func executionHistory(
    accountID: Int, environmentID: Int, uniqueID: String, limit: Int = 1
  ) throws -> [ExecutionRecord] {
    try readNode(accountID: accountID, environmentID: environmentID, uniqueID: uniqueID) {
      db, nodeID in
      return try db.query(
        Self.executionHistorySQL,
        [.integer(Int64(environmentID)), .integer(nodeID), .integer(Int64(limit))]
      ) { RowDecoding.execution($0) }
    }
  }

  /// A source's last `limit` freshness results in an environment, newest first.
  public func freshnessHistory(
    accountID: Int, environmentID: Int, uniqueID: String, limit: Int = 1
  ) throws -> [FreshnessRecord] {
    try readNode(accountID: accountID, environmentID: environmentID, uniqueID: uniqueID) {
      db, nodeID in
      return try db.query(
        Self.freshnessHistorySQL,
        [.integer(Int64(environmentID)), .integer(nodeID), .integer(Int64(limit))]
      ) { RowDecoding.freshness($0) }
    }
  }

  /// The node id of `uniqueID` in the environment's project.
  /// Runs `body` with a reader and the node's id when the environment is in the account
  /// and its project knows `uniqueID`; else answers `[]`: the scoping every per-node
  /// history read starts with.
  func readNode<T>(
    accountID: Int, environmentID: Int, uniqueID: String,
    _ body: (Connection, Int64) throws -> [T]
  ) throws -> [T] {
    try wrapping {
      try pool.read { db in
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db),
          let nodeID = try Self.nodeID(environmentID: environmentID, uniqueID: uniqueID, db: db)
        else { return [] }
        return try body(db, nodeID)
      }
    }
  }

  static func nodeID(environmentID: Int, uniqueID: String, db: Connection) throws -> Int64? {
    try db.scalarInt(
      """
      SELECT n.id FROM node n JOIN environment e ON e.project_id = n.project_id
      WHERE e.id = ? AND n.unique_id = ?
      """, [.integer(Int64(environmentID)), .text(uniqueID)])
  }
}
