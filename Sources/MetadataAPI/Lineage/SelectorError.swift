/// A selector that cannot be evaluated: what is wrong, where, in which argument.
struct SelectorError: Error, Equatable, CustomStringConvertible {
  /// `select` or `exclude`.
  var argument: String
  /// The whole selector text.
  var text: String
  /// 1-based character position of the offending part.
  var position: Int
  var message: String

  var description: String {
    "Invalid \(argument) \"\(text)\" at position \(position): \(message)."
  }
}
