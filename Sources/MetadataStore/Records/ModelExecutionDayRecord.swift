/// A model's executions of one day, grouped by job, with the means SQL computed.
public struct ModelExecutionDayRecord: Sendable, Equatable {
  public var day: String
  public var meanExecutionTime: Double?
  public var jobs: [Job]

  /// The executions of one job that day.
  public struct Job: Sendable, Equatable {
    public var jobID: Int
    public var meanExecutionTime: Double?
    public var executions: [ModelExecutionRecord]
  }
}
