/// `{count, period}`: period in minute, hour, day. Unset thresholds are read as nil.
public struct FreshnessThreshold: Sendable, Hashable {
  public let count: Int
  public let period: String
}
