import SQLite

/// The runs behind Part 3's history fields (`sourceHistoricalFreshness`,
/// `testHistoricalRuns`): the runs of an environment in which a source's freshness was
/// checked, or a test (any node) was executed, newest first, each run once.
extension MetadataStore {
  /// The runs (newest first, at most `limit`) in which the source `uniqueID` has a
  /// freshness result in the environment: served by `freshness_by_node`.
  public func freshnessRunIDs(
    accountID: Int, environmentID: Int, uniqueID: String, limit: Int
  ) throws -> [Int] {
    try historyRunIDs(
      """
      SELECT DISTINCT f.run_id FROM freshness_result f
      WHERE f.environment_id = ? AND f.node_id = ?
      ORDER BY f.run_id DESC LIMIT ?
      """, accountID: accountID, environmentID: environmentID, uniqueID: uniqueID, limit: limit)
  }

  /// The runs (newest first, at most `limit`) in which the node `uniqueID` has a result
  /// from a step that executes nodes (any status, `skipped` included: the run reported it),
  /// in the environment: served by `execution_by_node`.
  public func executionRunIDs(
    accountID: Int, environmentID: Int, uniqueID: String, limit: Int
  ) throws -> [Int] {
    try historyRunIDs(
      """
      SELECT DISTINCT e.run_id FROM execution e
      WHERE e.environment_id = ? AND e.node_id = ? AND e.executes_node = 1
      ORDER BY e.run_id DESC LIMIT ?
      """, accountID: accountID, environmentID: environmentID, uniqueID: uniqueID, limit: limit)
  }

  /// Runs `sql` (bound to the environment, the node and the limit) when the environment
  /// is in the account and knows the node; else `[]`.
  private func historyRunIDs(
    _ sql: String, accountID: Int, environmentID: Int, uniqueID: String, limit: Int
  ) throws -> [Int] {
    try readNode(accountID: accountID, environmentID: environmentID, uniqueID: uniqueID) {
      db, nodeID in
      return try db.query(
        sql, [.integer(Int64(environmentID)), .integer(nodeID), .integer(Int64(limit))]
      ) { $0.int(at: 0) }
    }
  }
}
