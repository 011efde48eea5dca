import SQLite

/// Data health per environment, read from `applied_state` (kept current at ingest), so a
/// metrics scrape costs a few indexed statements, not a scan of history.
extension MetadataStore {
  /// The latest status of each node of the environment's current manifest, by resource
  /// type and status.
  private static let statusCountsSQL = """
    SELECT m.resource_type, x.status, count(*)
    FROM environment e JOIN run r ON r.id = e.latest_run_id
    JOIN manifest_member m ON m.manifest_version_id = r.manifest_version_id
      AND m.resource_type IN ('model', 'test')
    JOIN definition d ON d.id = m.definition_id
    JOIN applied_state s ON s.environment_id = e.id AND s.node_id = d.node_id
    JOIN execution x ON x.id = s.last_execution_id
    WHERE e.id = ?
    GROUP BY m.resource_type, x.status
    """

  /// The latest freshness result of each source of the environment's current manifest.
  private static let sourceFreshnessSQL = """
    SELECT n.unique_id, f.max_loaded_at, f.status
    FROM environment e JOIN run r ON r.id = e.latest_run_id
    JOIN manifest_member m ON m.manifest_version_id = r.manifest_version_id
      AND m.resource_type = 'source'
    JOIN definition d ON d.id = m.definition_id JOIN node n ON n.id = d.node_id
    JOIN applied_state s ON s.environment_id = e.id AND s.node_id = n.id
    JOIN freshness_result f ON f.id = s.last_freshness_id
    WHERE e.id = ?
    ORDER BY n.unique_id
    """

  /// The data health of every environment of an account (or of every account when
  /// `accountID` is nil: the operator's own view), ordered by environment id.
  public func dataHealth(accountID: Int?) throws -> [EnvironmentHealthRecord] {
    try wrapping {
      try pool.read { db in
        let environments = try db.query(
          """
          SELECT p.account_id, p.id, e.id, e.name FROM environment e
          JOIN project p ON p.id = e.project_id
          WHERE ? IS NULL OR p.account_id = ?
          ORDER BY e.id
          """, [accountID.sqliteValue, accountID.sqliteValue]
        ) { row in
          EnvironmentHealthRecord(
            accountID: row.int(at: 0), projectID: row.int(at: 1), environmentID: row.int(at: 2),
            environmentName: row.string(at: 3), sources: [], failingTests: 0, warningTests: 0,
            modelsInError: 0)
        }
        return try environments.map { environment in
          var health = environment
          let id = SQLiteValue.integer(Int64(environment.environmentID))
          health.sources = try db.query(Self.sourceFreshnessSQL, [id]) { row in
            EnvironmentHealthRecord.Source(
              uniqueID: row.string(at: 0) ?? "", maxLoadedAt: row.string(at: 1),
              status: row.string(at: 2) ?? "")
          }
          let counts = try db.query(Self.statusCountsSQL, [id]) { row in
            (type: row.string(at: 0) ?? "", status: row.string(at: 1), count: row.int(at: 2))
          }
          for row in counts {
            switch (row.type, row.status) {
            case ("test", "fail"?), ("test", "error"?): health.failingTests += row.count
            case ("test", "warn"?): health.warningTests += row.count
            case ("model", "error"?): health.modelsInError += row.count
            default: break
            }
          }
          return health
        }
      }
    }
  }
}
