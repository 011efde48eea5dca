/// A command line that does not fit the command's usage (exit code 64).
struct UsageError: Error, CustomStringConvertible {
  let message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}

extension String {
  /// The string padded with spaces to `width` characters, for help columns.
  func padded(to width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
