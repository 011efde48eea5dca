import SQLite

/// The model execution aggregates of an environment by day, job and model, for callers
/// that keep them (the API's performance cache) and sum any window from them instead of
/// aggregating the window's executions again on every request.
///
/// Run data is append-only: no statement updates or deletes an execution, and each stored
/// execution gets a row id above every earlier one (`execution.id` is the rowid of a table
/// nothing is deleted from). So the highest execution row id (``executionGeneration()``)
/// changes with every ingest that stores a result, and the executions stored since a
/// generation are those whose row id is above it: a caller keeps cells with the
/// generation they were read at and adds the cells of the newer rows.
extension MetadataStore {
  /// The highest execution row id: what changes when results are stored.
  public func executionGeneration() throws -> Int64 {
    try wrapping {
      try pool.read { db in try db.scalarInt("SELECT max(id) FROM execution") ?? 0 }
    }
  }

  /// The cells of the environment's executions whose row id is above `afterExecutionID`
  /// (0: all of them), and the generation they were read at (one snapshot).
  ///
  /// - Returns: nil for an environment of another account or unknown; else the cells, in
  ///   no particular order, and the generation (``executionGeneration()`` in the same read).
  public func modelExecutionCells(
    accountID: Int, environmentID: Int, afterExecutionID: Int64
  ) throws -> (cells: [ModelExecutionCellRecord], generation: Int64)? {
    try wrapping {
      try pool.read { db in
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db) else {
          return nil
        }
        let generation = try db.scalarInt("SELECT max(id) FROM execution") ?? 0
        guard generation > afterExecutionID else { return ([], generation) }
        // A range of row ids (`+e.environment_id` keeps the environment off the index):
        // everything once, then only what the last ingests added.
        let cells = try db.query(
          """
          SELECT substr(r.generated_at, 1, 10) AS day, r.job_id, e.node_id, n.unique_id,
            count(*), sum(e.status = 'error'), count(e.execution_time),
            total(e.execution_time), max(e.execution_time)
          FROM execution e
          JOIN run r ON r.id = e.run_id
          JOIN node n ON n.id = e.node_id
          WHERE e.id > ?2 AND e.id <= ?3 AND +e.environment_id = ?1
            AND e.executes_node = 1 AND n.resource_type = 'model'
            AND coalesce(e.status, '') <> 'skipped' AND r.generated_at IS NOT NULL
          GROUP BY day, r.job_id, e.node_id
          """,
          [
            .integer(Int64(environmentID)), .integer(afterExecutionID), .integer(generation),
          ]
        ) { row in
          ModelExecutionCellRecord(
            day: row.string(at: 0) ?? "", jobID: row.int(at: 1), nodeID: row.int64(at: 2),
            uniqueID: row.string(at: 3) ?? "", executions: row.int(at: 4),
            failures: row.int(at: 5), timedExecutions: row.int(at: 6),
            executionTimeSum: row.optionalDouble(at: 7) ?? 0,
            longestExecutionTime: row.optionalDouble(at: 8))
        }
        return (cells, generation)
      }
    }
  }
}
