/// One source's freshness check in one run.
public struct FreshnessRecord: Sendable, Equatable {
  public var runID: Int
  public var jobID: Int
  public var uniqueID: String
  /// pass, warn, error (stale past error_after) or runtime error.
  public var status: String
  public var maxLoadedAt: String?
  public var snapshottedAt: String?
  public var maxLoadedAtTimeAgoInS: Double?
  public var error: String?
  public var warnAfterCount: Int?
  public var warnAfterPeriod: String?
  public var errorAfterCount: Int?
  public var errorAfterPeriod: String?
  public var generatedAt: String?
  /// The result's row id (stable; usable as a cursor).
  public var id: Int64
}
