/// One lexical token: its kind, byte range, 1-based line and column, and value.
///
/// `value` holds the decoded text of names, numbers (as written), strings (escapes decoded,
/// block strings dedented) and comments; punctuators have none, so lexing them allocates
/// nothing.
///
/// See https://spec.graphql.org/September2025/#Token
public struct Token: Sendable, Hashable {
  /// What the token is.
  public var kind: TokenKind
  /// The byte offset of the first character.
  public var start: Int
  /// The byte offset just past the last character.
  public var end: Int
  /// The 1-based line of the first character.
  public var line: Int
  /// The 1-based column of the first character, in Unicode code points.
  public var column: Int
  /// The decoded value for names, numbers, strings and comments.
  public var value: String?

  /// A token from its parts.
  public init(
    kind: TokenKind, start: Int, end: Int, line: Int, column: Int, value: String? = nil
  ) {
    self.kind = kind
    self.start = start
    self.end = end
    self.line = line
    self.column = column
    self.value = value
  }

  /// How error messages describe the token: `Name "foo"`, `"}"`, `<EOF>`.
  var description: String {
    if let value { return "\(kind.description) \"\(value)\"" }
    return kind.description
  }
}
