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

  /// The upsert that moves the last execution and the last success forward together, each
  /// only if it is older (binds as ``upsertSQL``: environment, node, row id, time).
  ///
  /// Why: a successful result moves both pointers of one row; one statement instead of two
  /// halves the applied-state statements of a run_results (most results succeed). Each
  /// pointer moves exactly as its own ``upsertSQL`` would move it, and a row neither would
  /// move is not written.
  static let lastExecutionAndSuccessSQL: String = {
    func newer(_ column: AppliedColumn) -> String {
      "(applied_state.\(column.rawValue)_at IS NULL "
        + "OR applied_state.\(column.rawValue)_at <= excluded.\(column.rawValue)_at)"
    }
    func set(_ column: AppliedColumn, _ suffix: String) -> String {
      let name = "\(column.rawValue)_\(suffix)"
      return
        "\(name) = CASE WHEN \(newer(column)) THEN excluded.\(name) ELSE applied_state.\(name) END"
    }
    return """
      INSERT INTO applied_state(environment_id, node_id, last_execution_id, last_execution_at,
        last_success_id, last_success_at)
      VALUES (?1, ?2, ?3, ?4, ?3, ?4)
      ON CONFLICT(environment_id, node_id) DO UPDATE
        SET \(set(.lastExecution, "id")), \(set(.lastExecution, "at")),
          \(set(.lastSuccess, "id")), \(set(.lastSuccess, "at"))
        WHERE \(newer(.lastExecution)) OR \(newer(.lastSuccess))
      """
  }()
}
