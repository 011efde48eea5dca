/// One ingested run, with its place in the hierarchy and what it holds: the operator's
/// listing (`dbt-metadata runs`). The API reads ``RunInfoRecord``, without the counts.
public struct RunRecord: Sendable, Equatable {
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
  /// Enabled definitions in the manifest.
  public var nodeCount: Int
  /// Executions from steps that execute nodes (not docs generate / compile).
  public var executionCount: Int
  /// Freshness results and catalog tables stored for the run.
  public var freshnessCount: Int
  public var catalogCount: Int
  /// Kinds of the artifacts stored, in ingest order (`manifest`, `run-results`...).
  public var artifactKinds: [String]
}
