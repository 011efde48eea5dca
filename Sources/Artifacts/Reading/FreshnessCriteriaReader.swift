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
      warnAfter: threshold(value.member("warn_after"), warnings: warnings),
      errorAfter: threshold(value.member("error_after"), warnings: warnings),
      filter: value.lenientString("filter"))
  }

  /// `{count, period}`; `{"count": null, "period": null}` means unset.
  /// A threshold without a usable count is no threshold; a count out of range or of
  /// another type is counted in a warning.
  static func threshold(_ value: JSONValue?, warnings: WarningLog) -> FreshnessThreshold? {
    guard let value, let count = value.describedInt("count", warnings: warnings) else { return nil }
    return FreshnessThreshold(count: count, period: value.lenientString("period") ?? "hour")
  }
}
