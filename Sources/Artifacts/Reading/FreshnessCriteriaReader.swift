/// Reads a FreshnessThreshold `{warn_after, error_after, filter}`.
enum FreshnessCriteriaReader {
  static func read(_ value: JSONValue?) throws -> FreshnessCriteria? {
    guard let value else { return nil }
    guard value.kind == .object else { throw value.wrongType("an object (freshness criteria)") }
    return FreshnessCriteria(
      warnAfter: threshold(value.member("warn_after")),
      errorAfter: threshold(value.member("error_after")),
      filter: value.lenientString("filter"))
  }

  /// `{count, period}`; `{"count": null, "period": null}` means unset.
  static func threshold(_ value: JSONValue?) -> FreshnessThreshold? {
    guard let value, let count = value.lenientInt("count") else { return nil }
    return FreshnessThreshold(count: count, period: value.lenientString("period") ?? "hour")
  }
}
