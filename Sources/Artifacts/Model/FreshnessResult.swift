/// One source table's freshness check: either an outcome (`pass`, `warn`, `error` = stale
/// past error_after) with `max_loaded_at`, or a failed query (`runtime error` with `error`).
public struct FreshnessResult: Sendable {
  /// The source's unique_id (v0: `node.unique_id`).
  public let uniqueID: String
  /// pass, warn, error or runtime error.
  public let status: String
  /// `max_loaded_at`: the newest `loaded_at_field` value found.
  public let maxLoadedAt: Timestamp?
  /// `snapshotted_at`: when the check ran.
  public let snapshottedAt: Timestamp?
  /// `max_loaded_at_time_ago_in_s` (v0: `age`).
  public let maxLoadedAtTimeAgoInS: Double?
  /// `criteria`: the thresholds that were applied.
  public let criteria: FreshnessCriteria?
  /// `error` (runtime errors; also v0 errors).
  public let error: String?
  /// `timing` (v2+).
  public let timing: [TimingEntry]
  public let threadID: String?
  public let executionTime: Double?
  public let adapterResponse: RawJSON?
}
