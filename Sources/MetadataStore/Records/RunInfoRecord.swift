/// One run's place in the hierarchy and its manifest's facts, without the counts of what
/// it holds (``RunRecord`` adds those for the operator's listing).
///
/// The API reads runs by the hundred (`modelHistoricalRuns(lastRunCount: 100)` is one
/// run per element) and never reads the counts, which cost a `count(*)` over the run's
/// executions, freshness results and catalog entries each: 1.4 ms a run on a
/// 10,000-node project (`benchmarks/README.md`, Metadata API). This record is read by
/// rowid alone.
public struct RunInfoRecord: Sendable, Equatable {
  /// The run id (dbt Cloud style; given at ingest or the next free one).
  public var id: Int
  /// Where the run belongs: account > project > environment > job.
  public var accountID: Int
  public var projectID: Int
  public var environmentID: Int
  public var jobID: Int
  /// The job's current name, if one was given.
  public var jobName: String?
  /// The manifest's `generated_at` (canonical UTC, microseconds).
  public var generatedAt: String?
  /// The dbt version that wrote the manifest.
  public var dbtVersion: String?
  /// The manifest's invocation id.
  public var invocationID: String?
  /// The manifest's `adapter_type` (postgres, snowflake...).
  public var adapterType: String?
  /// When the run was stored (canonical UTC).
  public var ingestedAt: String
  /// The manifest version (set of definitions) the run points at.
  public var manifestVersionID: Int

  public init(
    id: Int, accountID: Int, projectID: Int, environmentID: Int, jobID: Int, jobName: String?,
    generatedAt: String?, dbtVersion: String?, invocationID: String?, adapterType: String?,
    ingestedAt: String, manifestVersionID: Int
  ) {
    self.id = id
    self.accountID = accountID
    self.projectID = projectID
    self.environmentID = environmentID
    self.jobID = jobID
    self.jobName = jobName
    self.generatedAt = generatedAt
    self.dbtVersion = dbtVersion
    self.invocationID = invocationID
    self.adapterType = adapterType
    self.ingestedAt = ingestedAt
    self.manifestVersionID = manifestVersionID
  }
}
