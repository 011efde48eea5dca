/// Reads a FreshnessThreshold `{warn_after, error_after, filter}`.
enum FreshnessCriteriaReader {
  /// Criteria only describe (the freshness status is read from sources.json): a value
  /// that is not an object is ignored with a warning.
  static func read(_ value: JSONValue?, warnings: WarningLog) -> FreshnessCriteria? {
    guard let value else { return nil }
    guard value.kind == .object else {
      warnings.ignored(value, expected: "an object (freshness criteria)")
      return nil
    }
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
