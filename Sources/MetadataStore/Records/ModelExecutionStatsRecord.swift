/// Aggregates of one model's executions over a window, and per job.
public struct ModelExecutionStatsRecord: Sendable, Equatable {
  public var uniqueID: String
  public var totalExecutions: Int
  public var failedExecutions: Int
  public var maxExecutionTime: Double?
  public var averageExecutionTime: Double?
  /// Per job, ordered by the same measure as the models (at most `jobLimit`).
  public var byJob: [Job]

  public init(
    uniqueID: String, totalExecutions: Int, failedExecutions: Int, maxExecutionTime: Double?,
    averageExecutionTime: Double?, byJob: [Job]
  ) {
    self.uniqueID = uniqueID
    self.totalExecutions = totalExecutions
    self.failedExecutions = failedExecutions
    self.maxExecutionTime = maxExecutionTime
    self.averageExecutionTime = averageExecutionTime
    self.byJob = byJob
  }

  /// The same aggregates over one job's executions of the model.
  public struct Job: Sendable, Equatable {
    public var jobID: Int
    public var totalExecutions: Int
    public var failedExecutions: Int
    public var maxExecutionTime: Double?
    public var averageExecutionTime: Double?

    public init(
      jobID: Int, totalExecutions: Int, failedExecutions: Int, maxExecutionTime: Double?,
      averageExecutionTime: Double?
    ) {
      self.jobID = jobID
      self.totalExecutions = totalExecutions
      self.failedExecutions = failedExecutions
      self.maxExecutionTime = maxExecutionTime
      self.averageExecutionTime = averageExecutionTime
    }
  }
}
