/// The model executions of one environment on one day, of one job and one model, summed:
/// the unit ``MetadataStore/modelExecutionCells(accountID:environmentID:afterExecutionID:)``
/// reads, from which any window's `performance` aggregates are sums (counts, failures,
/// execution time sums) and maxima.
///
/// An execution is counted as ``MetadataStore/modelExecutionStats`` counts it: a model's
/// result in a step that executes nodes, with any status but `skipped`, in a run of the
/// day (the day of the run manifest's `generated_at`); "failed" is status `error`.
public struct ModelExecutionCellRecord: Sendable, Equatable {
  /// `YYYY-MM-DD`, the run's day.
  public var day: String
  public var jobID: Int
  /// The model's node row id and unique id.
  public var nodeID: Int64
  public var uniqueID: String
  /// Executions, and those with status `error`.
  public var executions: Int
  public var failures: Int
  /// Executions with an execution time, the sum and the largest of those times.
  public var timedExecutions: Int
  public var executionTimeSum: Double
  public var longestExecutionTime: Double?

  public init(
    day: String, jobID: Int, nodeID: Int64, uniqueID: String, executions: Int, failures: Int,
    timedExecutions: Int, executionTimeSum: Double, longestExecutionTime: Double?
  ) {
    self.day = day
    self.jobID = jobID
    self.nodeID = nodeID
    self.uniqueID = uniqueID
    self.executions = executions
    self.failures = failures
    self.timedExecutions = timedExecutions
    self.executionTimeSum = executionTimeSum
    self.longestExecutionTime = longestExecutionTime
  }
}
