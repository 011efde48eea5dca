/// The kinds of lexical tokens, named and spelled as graphql-js's `TokenKind`.
///
/// The raw value is how error messages describe the kind (`Expected Name, found "}".`).
///
/// See https://spec.graphql.org/September2025/#sec-Language.Source-Text.Lexical-Tokens
public enum TokenKind: String, Sendable, Hashable, CaseIterable {
  /// Start of file: the token before the first real token.
  case sof = "<SOF>"
  /// End of file.
  case eof = "<EOF>"
  /// `!`
  case bang = "!"
  /// `$`
  case dollar = "$"
  /// `&`
  case amp = "&"
  /// `(`
  case parenL = "("
  /// `)`
  case parenR = ")"
  /// `...`
  case spread = "..."
  /// `:`
  case colon = ":"
  /// `=`
  case equals = "="
  /// `@`
  case at = "@"
  /// `[`
  case bracketL = "["
  /// `]`
  case bracketR = "]"
  /// `{`
  case braceL = "{"
  /// `|`
  case pipe = "|"
  /// `}`
  case braceR = "}"
  /// A Name.
  case name = "Name"
  /// An IntValue.
  case int = "Int"
  /// A FloatValue.
  case float = "Float"
  /// A quoted StringValue.
  case string = "String"
  /// A block (`"""`) StringValue.
  case blockString = "BlockString"
  /// A comment (`# ...`): an ignored token, so this lexer never returns it; the kind exists for
  /// parity with graphql-js.
  case comment = "Comment"

  /// Whether the kind is a punctuator, which error messages quote (`"}"`).
  public var isPunctuator: Bool {
    switch self {
    case .bang, .dollar, .amp, .parenL, .parenR, .spread, .colon, .equals, .at, .bracketL,
      .bracketR, .braceL, .pipe, .braceR:
      return true
    default:
      return false
    }
  }

  /// How error messages name the kind: punctuators quoted, others by name.
  var description: String { isPunctuator ? "\"\(rawValue)\"" : rawValue }
}
