/// A 1-based line and column in a ``Source``, as reported in GraphQL errors.
///
/// The column counts Unicode code points from the start of the line (a leading byte order mark
/// counts as one column).
///
/// See https://spec.graphql.org/September2025/#sec-Errors.Error-Result-Format
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The line, starting at 1.
  public let line: Int
  /// The column in Unicode code points, starting at 1.
  public let column: Int

  /// A location from a line and column, both 1-based.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line:column`, as in compiler diagnostics.
  public var description: String { "\(line):\(column)" }
}
