import GraphQL

/// A count argument (`first`, `lastRunCount`, `limit`, `jobLimit`, `numDays`), read and
/// checked the same way at every field that takes one: an integer within a range, a
/// default when it is absent or null, and otherwise one error naming the argument, the
/// value and the range, with `extensions.code` `BAD_USER_INPUT` (what the GraphQL-over-HTTP
/// clients of dbt Cloud branch on).
enum CountArgument {
  /// The value of the count argument `name` of `arguments`.
  ///
  /// - Parameters:
  ///   - range: the accepted values; an upper bound of `Int.max` means none.
  ///   - defaultValue: the value when the argument is absent or null.
  ///   - limit: why the upper bound is what it is, added to the message.
  /// - Throws: ``GraphQL/GraphQLError`` for a value outside `range`.
  static func value(
    _ arguments: JSONObject, _ name: String, in range: ClosedRange<Int>, default defaultValue: Int,
    limit: String? = nil
  ) throws -> Int {
    guard let value = arguments[name], !value.isNull else { return defaultValue }
    if let number = value.intValue, range.contains(number) { return number }
    let bounds =
      range.upperBound == Int.max
      ? "at least \(range.lowerBound)"
      : "between \(range.lowerBound) and \(range.upperBound)"
    throw GraphQLError(
      message:
        "Argument \"\(name)\" is \(value.serialized()): it must be \(bounds)"
        + (limit.map { " (\($0))" } ?? "") + ".",
      extensions: ["code": .string("BAD_USER_INPUT")])
  }
}
