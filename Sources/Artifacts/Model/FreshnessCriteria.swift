/// A freshness threshold pair (FreshnessThreshold), in sources and in freshness results.
public struct FreshnessCriteria: Sendable, Hashable {
  public let warnAfter: FreshnessThreshold?
  public let errorAfter: FreshnessThreshold?
  /// `filter`: a SQL where clause, or nil.
  public let filter: String?

  /// True if neither threshold is set (dbt writes `{"count": null, "period": null}` for unset).
  public var isEmpty: Bool { warnAfter == nil && errorAfter == nil }
}
