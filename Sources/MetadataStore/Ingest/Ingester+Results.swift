import Artifacts
import SQLite

/// Executions (run_results) and freshness results (sources.json), with the applied state
/// they move forward.
extension Ingester {
  /// Statuses that count as a success for the applied state's "latest success".
  static let successStatuses: Set<String> = ["success", "pass"]

  /// Stores one run_results file: its artifact row and one execution per result, from the
  /// values `prepared` holds for it (``PreparedExecutions``).
  /// Results of steps that do not execute nodes (docs generate, compile) are kept as
  /// history but never become a node's latest execution or success.
  mutating func storeRunResults(
    _ file: NamedArtifact<RunResults>, prepared: PreparedExecutions.File, runID: Int64
  ) throws {
    let results = file.value
    let executes = results.step?.executesNodes ?? true
    let artifactID = try insertArtifact(
      runID: runID, header: results.header, file: file.file, step: results.step?.rawValue,
      executesNodes: executes, invocationCommand: results.invocationCommand,
      elapsedTime: results.elapsedTime, args: results.args)
    let generatedAt = orderingTime(results.header)
    let insert = statements.insertExecution
    for (result, row) in zip(results.results, prepared.rows) {
      if !row.inManifest { danglingResults.append(result.uniqueID) }
      let nodeID = try row.nodeID ?? nodeID(result.uniqueID)
      insert.reset()
      try insert.bind(runID, at: 1)
      try insert.bind(artifactID, at: 2)
      try insert.bind(environmentID, at: 3)
      try insert.bind(nodeID, at: 4)
      try insert.bind(executes, at: 5)
      try insert.bind(result.status, at: 6)
      try insert.bind(result.message, at: 7)
      try insert.bind(result.failures, at: 8)
      try insert.bind(result.threadID, at: 9)
      try insert.bind(result.executionTime, at: 10)
      try insert.bind(row.compileStartedAt, at: 11)
      try insert.bind(row.compileCompletedAt, at: 12)
      try insert.bind(row.executeStartedAt, at: 13)
      try insert.bind(row.executeCompletedAt, at: 14)
      try insert.bind(row.adapterResponse, at: 15)
      try insert.bind(generatedAt, at: 16)
      try insert.execute()
      let executionID = db.lastInsertedRowID
      if executes {
        if row.isSuccess {
          try advanceAppliedState(
            statements.advanceLastExecutionAndSuccess, nodeID: nodeID, rowID: executionID,
            at: generatedAt)
        } else {
          try advanceAppliedState(
            .lastExecution, nodeID: nodeID, rowID: executionID, at: generatedAt)
        }
      } else {
        summary.nonExecutingResults += 1
      }
    }
    summary.executionsByStatus.merge(prepared.statusCounts, uniquingKeysWith: +)
  }

  /// Stores a sources.json: one freshness result per checked source.
  mutating func storeFreshness(_ file: NamedArtifact<SourceFreshness>, runID: Int64) throws {
    let freshness = file.value
    let artifactID = try insertArtifact(
      runID: runID, header: freshness.header, file: file.file, step: "source-freshness",
      executesNodes: true, invocationCommand: nil, elapsedTime: freshness.elapsedTime,
      args: nil)
    let generatedAt = orderingTime(freshness.header)
    let insert = statements.insertFreshness
    for result in freshness.results {
      if !manifestIDs.contains(result.uniqueID) { danglingFreshness.append(result.uniqueID) }
      let nodeID = try nodeID(result.uniqueID)
      let criteria = result.criteria
      insert.reset()
      try insert.bind(runID, at: 1)
      try insert.bind(artifactID, at: 2)
      try insert.bind(environmentID, at: 3)
      try insert.bind(nodeID, at: 4)
      try insert.bind(result.status, at: 5)
      try insert.bind(result.maxLoadedAt?.canonical, at: 6)
      try insert.bind(result.snapshottedAt?.canonical, at: 7)
      try insert.bind(result.maxLoadedAtTimeAgoInS, at: 8)
      try insert.bind(result.error, at: 9)
      try insert.bind(criteria?.warnAfter?.count, at: 10)
      try insert.bind(criteria?.warnAfter?.period, at: 11)
      try insert.bind(criteria?.errorAfter?.count, at: 12)
      try insert.bind(criteria?.errorAfter?.period, at: 13)
      try insert.bind(criteria?.filter, at: 14)
      try insert.bind(result.threadID, at: 15)
      try insert.bind(result.executionTime, at: 16)
      let execute = result.timing.first { $0.name == "execute" }
      try insert.bind(execute?.startedAt?.canonical, at: 17)
      try insert.bind(execute?.completedAt?.canonical, at: 18)
      try insert.bind(generatedAt, at: 19)
      try insert.execute()
      summary.freshnessByStatus[result.status, default: 0] += 1
      try advanceAppliedState(
        .lastFreshness, nodeID: nodeID, rowID: db.lastInsertedRowID, at: generatedAt)
    }
  }

  /// Points the environment's applied state for a node at a newer row: `column` is one of
  /// `last_execution`, `last_success`, `last_freshness`, `last_catalog` (each with `_id`
  /// and `_at`). A row older than the one already recorded (a late ingest of an old run)
  /// does not move it back.
  func advanceAppliedState(_ column: AppliedColumn, nodeID: Int64, rowID: Int64, at time: String)
    throws
  {
    try advanceAppliedState(statements.advance(column), nodeID: nodeID, rowID: rowID, at: time)
  }

  /// Runs one of the applied-state upserts (``AppliedColumn/upsertSQL``,
  /// ``AppliedColumn/lastExecutionAndSuccessSQL``) for a node's newer row.
  func advanceAppliedState(_ statement: Statement, nodeID: Int64, rowID: Int64, at time: String)
    throws
  {
    statement.reset()
    try statement.bind(environmentID, at: 1)
    try statement.bind(nodeID, at: 2)
    try statement.bind(rowID, at: 3)
    try statement.bind(time, at: 4)
    try statement.execute()
  }
}
