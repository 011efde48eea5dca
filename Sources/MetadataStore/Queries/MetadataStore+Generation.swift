import SQLite

/// What the API's caches key their kept values on (``lineageGeneration(accountID:environmentID:)``,
/// ``appliedStateGeneration(accountID:environmentID:)``,
/// ``historyGeneration(accountID:environmentID:)``): a few counters of the database, read
/// in one statement that also checks the environment's account. Run data is append-only
/// and its row ids are SQLite's, so a higher `max(id)` is the only way a table's rows change.
extension MetadataStore {
  /// The environment's latest run id (0 before its first run).
  static let latestRunColumn = "coalesce(e.latest_run_id, 0)"

  /// The highest row id of `table` (0 when empty).
  static func highestIDColumn(_ table: String) -> String {
    "coalesce((SELECT max(id) FROM \(table)), 0)"
  }

  /// The statement reading `columns` for environment ?1 of account ?2 (no row otherwise).
  static func generationSQL(_ columns: [String]) -> String {
    """
    SELECT \(columns.joined(separator: ", "))
    FROM environment e JOIN project p ON p.id = e.project_id
    WHERE e.id = ?1 AND p.account_id = ?2
    """
  }

  /// Runs a statement of ``generationSQL(_:)`` reading `columnCount` integers: nil when
  /// the environment is not in the account.
  func generation(_ sql: String, columnCount: Int32, accountID: Int, environmentID: Int) throws
    -> [Int64]?
  {
    try wrapping {
      try pool.read { db in
        try db.query(sql, [.integer(Int64(environmentID)), .integer(Int64(accountID))]) { row in
          (0..<columnCount).map { row.int64(at: $0) }
        }.first
      }
    }
  }
}
