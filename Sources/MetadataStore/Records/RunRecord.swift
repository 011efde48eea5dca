/// One ingested run, with its place in the hierarchy and what it holds.
public struct RunRecord: Sendable, Equatable {
  public var id: Int
  public var accountID: Int
  public var projectID: Int
  public var environmentID: Int
  public var jobID: Int
  public var jobName: String?
  /// The manifest's `generated_at` (canonical UTC, microseconds).
  public var generatedAt: String?
  public var dbtVersion: String?
  /// The manifest's invocation id.
  public var invocationID: String?
  public var adapterType: String?
  public var ingestedAt: String
  /// The manifest version (set of definitions) the run points at.
  public var manifestVersionID: Int
  /// Enabled definitions in the manifest.
  public var nodeCount: Int
  /// Executions from steps that execute nodes (not docs generate / compile).
  public var executionCount: Int
  public var freshnessCount: Int
  public var catalogCount: Int
  /// Kinds of the artifacts stored, in ingest order (`manifest`, `run-results`...).
  public var artifactKinds: [String]
}
