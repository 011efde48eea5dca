import SQLite

/// The longitudinal analytics of `performance(environmentId)`: model executions over a
/// window of days, aggregated in SQL.
///
/// Every query starts from the environment's runs of the window (`run_by_environment`)
/// and reaches their executions through `execution_by_run`, so the work is proportional to
/// the executions of the window, not to the whole history. An execution here is a model's
/// result in a step that executes nodes, with any status but `skipped` (a skipped model was
/// not executed); "failed" is status `error`.
extension MetadataStore {
  /// The environment's runs of a window: `(id, job_id, manifest_version_id, generated_at,
  /// adapter_type, day)`.
  static let windowRunsCTE =
    """
    runs AS (
      SELECT r.id, r.job_id, r.manifest_version_id, r.generated_at, r.adapter_type,
        substr(r.generated_at, 1, 10) AS day
      FROM run r
      WHERE r.environment_id = ? AND substr(r.generated_at, 1, 10) BETWEEN ? AND ?
    )
    """

  /// The model executions of the window's runs.
  static let windowExecutionsCTE =
    """
    \(windowRunsCTE),
    executions AS (
      SELECT e.node_id, r.job_id, e.execution_time, e.status
      FROM runs r
      JOIN execution e ON e.run_id = r.id
      JOIN node n ON n.id = e.node_id
      WHERE e.executes_node = 1 AND n.resource_type = 'model'
        AND coalesce(e.status, '') <> 'skipped'
        AND (? IS NULL OR r.job_id = ?)
    )
    """

  /// A model's executions of the window, by day (ascending) and job (ascending), with the
  /// mean execution time of each day and of each job's day computed by SQL window
  /// functions.
  public func modelExecutionHistory(
    accountID: Int, environmentID: Int, uniqueID: String, window: DayWindow
  ) throws -> [ModelExecutionDayRecord] {
    let rows: [(record: ModelExecutionRecord, dayMean: Double?, jobMean: Double?)] =
      try readNode(accountID: accountID, environmentID: environmentID, uniqueID: uniqueID) {
        db, nodeID in
        return try db.query(
          """
          WITH \(Self.windowRunsCTE)
          SELECT r.id, r.job_id, r.day,
            (SELECT strftime('%Y-%m-%dT%H:%M:%fZ',
                min(julianday(s.generated_at) - coalesce(s.elapsed_time, 0) / 86400.0))
              FROM artifact s WHERE s.run_id = r.id),
            e.execution_time, e.status,
            CASE WHEN a.args IS NOT NULL
              THEN coalesce(json_extract(a.args, '$.full_refresh'), 0) END,
            e.execute_started_at, r.adapter_type,
            json_extract(e.adapter_response, '$.query_id'),
            avg(e.execution_time) OVER (PARTITION BY r.day),
            avg(e.execution_time) OVER (PARTITION BY r.day, r.job_id)
          FROM runs r
          JOIN execution e ON e.run_id = r.id AND e.node_id = ?
          JOIN artifact a ON a.id = e.artifact_id
          WHERE e.executes_node = 1 AND coalesce(e.status, '') <> 'skipped'
          ORDER BY r.day, r.job_id, r.id, e.id
          """,
          [
            .integer(Int64(environmentID)), .text(window.start), .text(window.end),
            .integer(nodeID),
          ]
        ) { row in
          let fullRefresh = row.optionalInt64(at: 6).map { $0 != 0 }
          return (
            ModelExecutionRecord(
              runID: row.int(at: 0), jobID: row.int(at: 1), day: row.string(at: 2) ?? "",
              runStartedAt: row.string(at: 3), executionTime: row.optionalDouble(at: 4),
              status: row.string(at: 5), isFullRefresh: fullRefresh,
              executeStartedAt: row.string(at: 7), adapter: row.string(at: 8),
              queryID: row.string(at: 9)),
            row.optionalDouble(at: 10), row.optionalDouble(at: 11)
          )
        }
      }
    // Rows arrive grouped by day then job: fold consecutive rows (no aggregation here).
    var days: [ModelExecutionDayRecord] = []
    for row in rows {
      if days.last?.day != row.record.day {
        days.append(
          ModelExecutionDayRecord(day: row.record.day, meanExecutionTime: row.dayMean, jobs: []))
      }
      let last = days.count - 1
      if days[last].jobs.last?.jobID != row.record.jobID {
        days[last].jobs.append(
          ModelExecutionDayRecord.Job(
            jobID: row.record.jobID, meanExecutionTime: row.jobMean, executions: []))
      }
      days[last].jobs[days[last].jobs.count - 1].executions.append(row.record)
    }
    return days
  }

  /// The models of the window ordered by `order`, at most `limit`, each with its
  /// aggregates per job (at most `jobLimit` jobs, in the same order): one `GROUP BY`
  /// for the models, one for their jobs.
  ///
  /// - Parameter jobID: only executions of this job, when given.
  public func modelExecutionStats(
    accountID: Int, environmentID: Int, window: DayWindow, jobID: Int? = nil,
    order: ModelExecutionOrder, limit: Int, jobLimit: Int
  ) throws -> [ModelExecutionStatsRecord] {
    let (orderBy, having) = Self.statsOrder(order)
    return try wrapping {
      try pool.read { db in
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db) else {
          return []
        }
        let window: [SQLiteValue] = [
          .integer(Int64(environmentID)), .text(window.start), .text(window.end),
          jobID.sqliteValue, jobID.sqliteValue,
        ]
        let aggregates = """
          count(*), sum(x.status = 'error'), max(x.execution_time), avg(x.execution_time)
          """
        var models = try db.query(
          """
          WITH \(Self.windowExecutionsCTE)
          SELECT n.unique_id, \(aggregates), x.node_id
          FROM executions x JOIN node n ON n.id = x.node_id
          GROUP BY x.node_id \(having)
          ORDER BY \(orderBy), n.unique_id
          LIMIT ?
          """, window + [.integer(Int64(limit))]
        ) { row in
          (
            ModelExecutionStatsRecord(
              uniqueID: row.string(at: 0) ?? "", totalExecutions: row.int(at: 1),
              failedExecutions: row.int(at: 2), maxExecutionTime: row.optionalDouble(at: 3),
              averageExecutionTime: row.optionalDouble(at: 4), byJob: []),
            row.int64(at: 5)
          )
        }
        guard !models.isEmpty, jobLimit > 0 else { return models.map(\.0) }
        let jobs = try db.query(
          """
          WITH \(Self.windowExecutionsCTE)
          SELECT node_id, job_id, total, failed, longest, average FROM (
            SELECT x.node_id, x.job_id, count(*) AS total, sum(x.status = 'error') AS failed,
              max(x.execution_time) AS longest, avg(x.execution_time) AS average,
              row_number() OVER (
                PARTITION BY x.node_id ORDER BY \(Self.jobOrder(order)), x.job_id) AS rank
            FROM executions x
            WHERE x.node_id IN (SELECT value FROM json_each(?))
            GROUP BY x.node_id, x.job_id)
          WHERE rank <= ?
          ORDER BY node_id, rank
          """, window + [.text(Self.jsonIntegers(models.map(\.1))), .integer(Int64(jobLimit))]
        ) { row in
          (
            row.int64(at: 0),
            ModelExecutionStatsRecord.Job(
              jobID: row.int(at: 1), totalExecutions: row.int(at: 2),
              failedExecutions: row.int(at: 3), maxExecutionTime: row.optionalDouble(at: 4),
              averageExecutionTime: row.optionalDouble(at: 5))
          )
        }
        var jobsByNode: [Int64: [ModelExecutionStatsRecord.Job]] = [:]
        for (node, job) in jobs { jobsByNode[node, default: []].append(job) }
        for index in models.indices {
          models[index].0.byJob = jobsByNode[models[index].1] ?? []
        }
        return models.map(\.0)
      }
    }
  }

  /// The ORDER BY and HAVING of the models for an order.
  static func statsOrder(_ order: ModelExecutionOrder) -> (orderBy: String, having: String) {
    switch order {
    case .executions: ("count(*) DESC", "")
    case .averageTime: ("avg(x.execution_time) DESC", "")
    case .maxTime: ("max(x.execution_time) DESC", "")
    case .failures:
      (
        "sum(x.status = 'error') DESC, 1.0 * sum(x.status = 'error') / count(*) DESC",
        "HAVING sum(x.status = 'error') > 0"
      )
    }
  }

  /// The ORDER BY of a model's jobs for an order (inside a window function).
  static func jobOrder(_ order: ModelExecutionOrder) -> String {
    switch order {
    case .executions: "count(*) DESC"
    case .averageTime: "avg(x.execution_time) DESC"
    case .maxTime: "max(x.execution_time) DESC"
    case .failures: "sum(x.status = 'error') DESC"
    }
  }

  /// The models whose tests failed most over the window: per model, the runs in which any
  /// of its tests ran (not skipped) and those in which one failed (`fail` or `error`),
  /// models without a failing run left out; most failing runs first.
  ///
  /// A test belongs to the model it tests (`attached_node`, else its first parent) in the
  /// manifest of the run that executed it.
  public func modelTestFailures(
    accountID: Int, environmentID: Int, window: DayWindow, limit: Int
  ) throws -> [ModelTestFailureRecord] {
    try wrapping {
      try pool.read { db in
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db) else {
          return []
        }
        return try db.query(
          """
          WITH \(Self.windowRunsCTE),
          tested AS (
            SELECT r.id AS run_id, d.tested_unique_id AS model,
              max(e.status IN ('fail', 'error')) AS failed
            FROM runs r
            JOIN execution e ON e.run_id = r.id
            JOIN definition d ON d.node_id = e.node_id
            JOIN manifest_member m ON m.manifest_version_id = r.manifest_version_id
              AND m.resource_type = 'test' AND m.definition_id = d.id
            WHERE e.executes_node = 1 AND coalesce(e.status, '') <> 'skipped'
              AND d.tested_unique_id LIKE 'model.%'
            GROUP BY r.id, d.tested_unique_id
          )
          SELECT model, count(*), sum(failed) FROM tested
          GROUP BY model HAVING sum(failed) > 0
          ORDER BY sum(failed) DESC, 1.0 * sum(failed) / count(*) DESC, model
          LIMIT ?
          """,
          [
            .integer(Int64(environmentID)), .text(window.start), .text(window.end),
            .integer(Int64(limit)),
          ]
        ) { row in
          ModelTestFailureRecord(
            uniqueID: row.string(at: 0) ?? "", runsWithTests: row.int(at: 1),
            runsWithTestFailures: row.int(at: 2))
        }
      }
    }
  }

  /// The jobs that executed a model in the window, by job id, with their current names.
  public func jobsExecutingModel(
    accountID: Int, environmentID: Int, uniqueID: String, window: DayWindow
  ) throws -> [JobInformationRecord] {
    try readNode(accountID: accountID, environmentID: environmentID, uniqueID: uniqueID) {
      db, nodeID in
      return try db.query(
        """
        WITH \(Self.windowRunsCTE)
        SELECT DISTINCT r.job_id, j.name
        FROM runs r
        JOIN job j ON j.id = r.job_id
        JOIN execution e ON e.run_id = r.id AND e.node_id = ?
        WHERE e.executes_node = 1 AND coalesce(e.status, '') <> 'skipped'
        ORDER BY r.job_id
        """,
        [
          .integer(Int64(environmentID)), .text(window.start), .text(window.end),
          .integer(nodeID),
        ]
      ) { JobInformationRecord(id: $0.int(at: 0), name: $0.string(at: 1)) }
    }
  }
}
