/// `sources.json` of any version (v0-v3): the result of `dbt source freshness`.
///
/// See `reference/dbt-artifacts.md` §5 and https://docs.getdbt.com/reference/artifacts/sources-json
public struct SourceFreshness: Sendable {
  public let header: ArtifactHeader
  /// `elapsed_time` in seconds.
  public let elapsedTime: Double?
  /// One result per source table checked (may be empty; may name sources missing from the manifest).
  public let results: [FreshnessResult]
  /// What the reader skipped or read leniently (``ArtifactWarning``), one per kind.
  public internal(set) var warnings: [ArtifactWarning] = []

  /// The number of results per status.
  public var countsByStatus: [String: Int] {
    var counts: [String: Int] = [:]
    for result in results { counts[result.status, default: 0] += 1 }
    return counts
  }
}
