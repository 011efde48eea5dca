import SQLite

/// Runs: the job-scoped side of the API ("run R of job J", "the job's latest run").
extension MetadataStore {
  private static let runSelect =
    runInfoSelect + """
      , mv.node_count,
        (SELECT count(*) FROM execution x WHERE x.run_id = r.id AND x.executes_node = 1),
        (SELECT count(*) FROM freshness_result f WHERE f.run_id = r.id),
        (SELECT count(*) FROM catalog_entry c WHERE c.run_id = r.id),
        (SELECT group_concat(kind, ',') FROM (SELECT kind FROM artifact WHERE run_id = r.id ORDER BY id))
      FROM run r
      JOIN job j ON j.id = r.job_id
      JOIN environment e ON e.id = r.environment_id
      JOIN project p ON p.id = e.project_id
      JOIN manifest_version mv ON mv.id = r.manifest_version_id
      """

  private static func runRecord(_ row: Statement) -> RunRecord {
    RunRecord(
      info: runInfo(row), nodeCount: row.int(at: 12), executionCount: row.int(at: 13),
      freshnessCount: row.int(at: 14), catalogCount: row.int(at: 15),
      artifactKinds: (row.string(at: 16) ?? "").split(separator: ",").map(String.init))
  }

  /// The runs of an account, newest (highest id) first, optionally of one job.
  ///
  /// - Parameters:
  ///   - accountID: the caller's account; runs of other accounts are never returned.
  ///   - jobID: only this job's runs, when given.
  ///   - limit: at most this many runs.
  public func runs(accountID: Int, jobID: Int? = nil, limit: Int = 1_000) throws -> [RunRecord] {
    try wrapping {
      try pool.read { db in
        try db.query(
          Self.runSelect + """

             WHERE p.account_id = ? AND (? IS NULL OR r.job_id = ?)
            ORDER BY r.id DESC LIMIT ?
            """,
          [
            .integer(Int64(accountID)), jobID.sqliteValue, jobID.sqliteValue,
            .integer(Int64(limit)),
          ], row: Self.runRecord)
      }
    }
  }

  /// One run, if it exists in the account.
  public func run(accountID: Int, id: Int) throws -> RunRecord? {
    try wrapping {
      try pool.read { db in
        try db.query(
          Self.runSelect + "\n WHERE p.account_id = ? AND r.id = ?",
          [.integer(Int64(accountID)), .integer(Int64(id))], row: Self.runRecord
        ).first
      }
    }
  }

  /// The job's latest run (highest id), as the job-scoped API means when `runId` is omitted.
  public func latestRun(accountID: Int, jobID: Int) throws -> RunRecord? {
    try runs(accountID: accountID, jobID: jobID, limit: 1).first
  }

  /// Every run in the database, of every account, oldest first: for the operator's
  /// listing (`dbt-metadata runs`), never for the API (which is scoped by account).
  public func allRuns(jobID: Int? = nil) throws -> [RunRecord] {
    try wrapping {
      try pool.read { db in
        try db.query(
          Self.runSelect + "\n WHERE (? IS NULL OR r.job_id = ?) ORDER BY r.id",
          [jobID.sqliteValue, jobID.sqliteValue], row: Self.runRecord)
      }
    }
  }
}
