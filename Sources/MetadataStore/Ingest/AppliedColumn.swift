/// The four pointers of `applied_state`, each an `_id` and an `_at` column.
enum AppliedColumn: String {
  case lastExecution = "last_execution"
  case lastSuccess = "last_success"
  case lastFreshness = "last_freshness"
  case lastCatalog = "last_catalog"

  /// The upsert that moves the pointer forward only (built once per case).
  var upsertSQL: String {
    switch self {
    case .lastExecution: return Self.sql[0]
    case .lastSuccess: return Self.sql[1]
    case .lastFreshness: return Self.sql[2]
    case .lastCatalog: return Self.sql[3]
    }
  }

  private static let sql: [String] = [lastExecution, lastSuccess, lastFreshness, lastCatalog].map {
    let column = $0.rawValue
    return """
      INSERT INTO applied_state(environment_id, node_id, \(column)_id, \(column)_at)
      VALUES (?, ?, ?, ?)
      ON CONFLICT(environment_id, node_id) DO UPDATE
        SET \(column)_id = excluded.\(column)_id, \(column)_at = excluded.\(column)_at
        WHERE applied_state.\(column)_at IS NULL
          OR applied_state.\(column)_at <= excluded.\(column)_at
      """
  }
}
