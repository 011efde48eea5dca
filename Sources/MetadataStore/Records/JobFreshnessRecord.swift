/// A source's freshness result in one run, with what the job-scoped API also reports
/// about the `dbt source freshness` step that wrote it.
public struct JobFreshnessRecord: Sendable, Equatable {
  /// The result itself.
  public var result: FreshnessRecord
  /// `elapsed_time` of the sources.json artifact (the whole step), in seconds.
  public var runElapsedTime: Double?
  /// The time the check of this source took, in seconds.
  public var executionTime: Double?
}
