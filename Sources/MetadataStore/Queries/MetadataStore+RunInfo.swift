import SQLite

/// Runs as the API reads them: by id, a whole list at once, without the counts of
/// ``RunRecord`` (see ``RunInfoRecord``).
extension MetadataStore {
  /// The columns of a ``RunInfoRecord`` (read by ``runInfo(_:)``), from `run r`, `job j`,
  /// `environment e` and `project p`.
  static let runInfoSelect = """
    SELECT r.id, p.account_id, e.project_id, r.environment_id, r.job_id, j.name,
      r.generated_at, r.dbt_version, r.invocation_id, r.adapter_type, r.ingested_at,
      r.manifest_version_id
    """
  /// The number of ``runInfoSelect``'s columns: where a statement's own columns start.
  static let runInfoColumnCount: Int32 = 12

  /// The ``RunInfoRecord`` of a row whose first columns are ``runInfoSelect``'s.
  static func runInfo(_ row: Statement) -> RunInfoRecord {
    RunInfoRecord(
      id: row.int(at: 0), accountID: row.int(at: 1), projectID: row.int(at: 2),
      environmentID: row.int(at: 3), jobID: row.int(at: 4), jobName: row.string(at: 5),
      generatedAt: row.string(at: 6), dbtVersion: row.string(at: 7),
      invocationID: row.string(at: 8), adapterType: row.string(at: 9),
      ingestedAt: row.string(at: 10) ?? "", manifestVersionID: row.int(at: 11))
  }

  /// The runs `ids` names that exist in the account, in one statement (each looked up by
  /// rowid), ordered by id; unknown ids and runs of other accounts are left out.
  public func runInfos(accountID: Int, ids: [Int]) throws -> [RunInfoRecord] {
    guard !ids.isEmpty else { return [] }
    return try wrapping {
      try pool.read { db in
        try db.query(
          Self.runInfoSelect + """

            FROM (SELECT DISTINCT value AS id FROM json_each(?)) k
            CROSS JOIN run r ON r.id = k.id
            JOIN job j ON j.id = r.job_id
            JOIN environment e ON e.id = r.environment_id
            JOIN project p ON p.id = e.project_id
            WHERE p.account_id = ?
            ORDER BY r.id
            """,
          [.text(Self.jsonIntegers(ids.map(Int64.init))), .integer(Int64(accountID))],
          row: Self.runInfo)
      }
    }
  }

  /// One run of the account by id, or nil.
  public func runInfo(accountID: Int, id: Int) throws -> RunInfoRecord? {
    try runInfos(accountID: accountID, ids: [id]).first
  }

  /// The job's latest run (highest id), as the job-scoped API means when `runId` is
  /// omitted; nil for a job without runs or of another account.
  public func latestRunInfo(accountID: Int, jobID: Int) throws -> RunInfoRecord? {
    try wrapping {
      try pool.read { db in
        try db.query(
          Self.runInfoSelect + """

            FROM run r
            JOIN job j ON j.id = r.job_id
            JOIN environment e ON e.id = r.environment_id
            JOIN project p ON p.id = e.project_id
            WHERE r.job_id = ? AND p.account_id = ?
            ORDER BY r.id DESC LIMIT 1
            """,
          [.integer(Int64(jobID)), .integer(Int64(accountID))], row: Self.runInfo
        ).first
      }
    }
  }

  /// The run whose manifest is the environment's current definition state (the newest
  /// manifest ingested for any of its jobs); nil for an environment without runs or of
  /// another account.
  public func latestRunInfo(accountID: Int, environmentID: Int) throws -> RunInfoRecord? {
    try wrapping {
      try pool.read { db in
        try db.query(
          Self.runInfoSelect + """

            FROM environment e
            JOIN project p ON p.id = e.project_id
            CROSS JOIN run r ON r.id = e.latest_run_id
            JOIN job j ON j.id = r.job_id
            WHERE e.id = ? AND p.account_id = ?
            """,
          [.integer(Int64(environmentID)), .integer(Int64(accountID))], row: Self.runInfo
        ).first
      }
    }
  }
}
