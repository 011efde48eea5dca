import SQLite

/// The project a job or environment belongs to, within an account: what authorization
/// needs to check a project-scoped token before a query reads anything of that project.
extension MetadataStore {
  /// The project of job `jobID` in the account, or nil (unknown job, another account).
  public func projectID(ofJob jobID: Int, accountID: Int) throws -> Int? {
    try wrapping {
      try pool.read { db in
        try db.scalarInt(
          """
          SELECT p.id FROM job j JOIN environment e ON e.id = j.environment_id
          JOIN project p ON p.id = e.project_id
          WHERE j.id = ? AND p.account_id = ?
          """, [jobID.sqliteValue, accountID.sqliteValue]
        ).map(Int.init)
      }
    }
  }

  /// The project of environment `environmentID` in the account, or nil (unknown
  /// environment, another account).
  public func projectID(ofEnvironment environmentID: Int, accountID: Int) throws -> Int? {
    try wrapping {
      try pool.read { db in
        try db.scalarInt(
          """
          SELECT p.id FROM environment e JOIN project p ON p.id = e.project_id
          WHERE e.id = ? AND p.account_id = ?
          """, [environmentID.sqliteValue, accountID.sqliteValue]
        ).map(Int.init)
      }
    }
  }
}
