/// Aggregates of one model's executions over a window, and per job.
public struct ModelExecutionStatsRecord: Sendable, Equatable {
  public var uniqueID: String
  public var totalExecutions: Int
  public var failedExecutions: Int
  public var maxExecutionTime: Double?
  public var averageExecutionTime: Double?
  /// Per job, ordered by the same measure as the models (at most `jobLimit`).
  public var byJob: [Job]

  /// The same aggregates over one job's executions of the model.
  public struct Job: Sendable, Equatable {
    public var jobID: Int
    public var totalExecutions: Int
    public var failedExecutions: Int
    public var maxExecutionTime: Double?
    public var averageExecutionTime: Double?
  }
}
