/// One model execution, as `performance.modelExecutionHistory` lists it.
public struct ModelExecutionRecord: Sendable, Equatable {
  public var runID: Int
  public var jobID: Int
  /// The UTC day of the run (`YYYY-MM-DD`).
  public var day: String
  /// When the run's first dbt step started: the earliest of its artifacts' `generated_at`
  /// less their `elapsed_time` (dbt Cloud's run start is not in the artifacts).
  public var runStartedAt: String?
  public var executionTime: Double?
  public var status: String?
  /// The step's `args.full_refresh` (false when its args omit it, as dbt writes only the
  /// flags set); nil when the step recorded no args.
  public var isFullRefresh: Bool?
  public var executeStartedAt: String?
  /// The run's adapter type (`duckdb`, `snowflake`...).
  public var adapter: String?
  /// `adapter_response.query_id`, when the adapter reports one.
  public var queryID: String?
}
