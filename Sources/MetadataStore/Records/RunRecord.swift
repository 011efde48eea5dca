/// One ingested run, with its place in the hierarchy and what it holds: the operator's
/// listing (`dbt-metadata runs`). The API reads ``RunInfoRecord``, without the counts.
@dynamicMemberLookup
public struct RunRecord: Sendable, Equatable {
  /// The run's place in the hierarchy and its manifest's facts, also read directly as
  /// `run.id`, `run.jobID`... (``subscript(dynamicMember:)``).
  public var info: RunInfoRecord
  /// Enabled definitions in the manifest.
  public var nodeCount: Int
  /// Executions from steps that execute nodes (not docs generate / compile).
  public var executionCount: Int
  /// Freshness results and catalog tables stored for the run.
  public var freshnessCount: Int
  public var catalogCount: Int
  /// Kinds of the artifacts stored, in ingest order (`manifest`, `run-results`...).
  public var artifactKinds: [String]

  /// A ``RunInfoRecord`` field of the run (`run.id` for `run.info.id`).
  public subscript<Value>(dynamicMember keyPath: KeyPath<RunInfoRecord, Value>) -> Value {
    info[keyPath: keyPath]
  }
}
