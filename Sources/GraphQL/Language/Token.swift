/// One lexical token: its kind, byte range, 1-based line and column, and value.
///
/// `value` holds the decoded text of strings (escapes decoded, block strings dedented) and,
/// in tokens returned by ``Lexer/tokens(in:)``, the text of names and numbers. While parsing,
/// names and numbers are left as byte ranges until a node needs their text, so keywords and
/// punctuators allocate nothing.
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
  /// The decoded value of strings; the text of names and numbers from ``Lexer/tokens(in:)``.
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
}
