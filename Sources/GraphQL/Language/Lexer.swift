/// The GraphQL lexer: turns UTF-8 bytes into tokens, one at a time, on demand.
///
/// It works on an `UnsafeBufferPointer<UInt8>` with an `Int` position (never `Character`s or
/// `String.Index`es) and tracks the line and the line start as it skips line terminators, as
/// graphql-js does, so every token carries its line and column for free. Strings are built
/// only for token values (names, numbers, strings). Comments, commas, white space, line
/// terminators and byte order marks are ignored tokens and never reach the parser.
///
/// Because it borrows the source's bytes, a lexer only lives inside
/// ``Lexer/withLexer(_:_:)``; ``Lexer/tokens(in:)`` is the public way to tokenize.
///
/// See https://spec.graphql.org/September2025/#sec-Language.Source-Text
public struct Lexer {
  /// The source, for error messages.
  let source: Source
  /// The source's bytes.
  let body: UnsafeBufferPointer<UInt8>
  /// The current token (`<SOF>` before the first ``advance()``).
  private(set) var token: Token
  /// Where the token before the current one ends; nodes end there. (Only the offset is kept:
  /// copying whole tokens on every advance showed up in profiles.)
  private(set) var lastTokenEnd = 0
  /// A token read by ``lookahead()`` and not yet consumed.
  private var pending: Token?
  /// Where the next token's ignored prefix starts.
  var position = 0
  /// The current 1-based line.
  var line = 1
  /// The byte offset where the current line starts.
  var lineStart = 0
  /// UTF-8 continuation bytes between `lineStart` and `position`: columns count code points,
  /// so a token's column is its byte offset from the line start minus these.
  var extra = 0

  init(source: Source, body: UnsafeBufferPointer<UInt8>) {
    self.source = source
    self.body = body
    let sof = Token(kind: .sof, start: 0, end: 0, line: 0, column: 0)
    self.token = sof
  }

  /// Runs `body` with a lexer over `source`'s bytes.
  static func withLexer<R, E: Error>(
    _ source: Source, _ body: (inout Lexer) throws(E) -> R
  ) throws(E) -> R {
    let bytes = source.body
    let result: Result<R, E> = bytes.withUnsafeBufferPointer { buffer in
      var lexer = Lexer(source: source, body: buffer)
      do throws(E) {
        return .success(try body(&lexer))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// Every token of `source` up to and including `<EOF>`.
  ///
  /// For example, `{ a }` gives `{`, `Name "a"`, `}` and `<EOF>`.
  ///
  /// - Throws: ``GraphQLError`` with a syntax error at the first invalid token.
  public static func tokens(in source: Source) throws(GraphQLError) -> [Token] {
    try withLexer(source) { (lexer: inout Lexer) throws(GraphQLError) -> [Token] in
      var tokens: [Token] = []
      repeat {
        var token = try lexer.advance()
        if token.value == nil, token.kind == .name || token.kind == .int || token.kind == .float {
          token.value = lexer.text(token)
        }
        tokens.append(token)
      } while lexer.token.kind != .eof
      return tokens
    }
  }

  // MARK: - Advancing

  /// Moves to the next token and returns it.
  @discardableResult
  mutating func advance() throws(GraphQLError) -> Token {
    lastTokenEnd = token.end
    if let next = pending {
      pending = nil
      token = next
    } else if token.kind != .eof {
      token = try readNextToken()
    }
    return token
  }

  /// The token after the current one, without consuming it.
  mutating func lookahead() throws(GraphQLError) -> Token {
    if token.kind == .eof { return token }
    if let pending { return pending }
    let next = try readNextToken()
    pending = next
    return next
  }

  // MARK: - Peeking

  /// The byte at `index` as an `Int`, or -1 past the end (graphql-js's `charCodeAt` NaN).
  @inline(__always)
  func code(at index: Int) -> Int {
    index < body.count ? Int(body[index]) : -1
  }

  /// A token of `kind` from `start` to `end` on the current line.
  @inline(__always)
  func makeToken(_ kind: TokenKind, _ start: Int, _ end: Int, _ value: String? = nil) -> Token {
    Token(
      kind: kind, start: start, end: end, line: line, column: start - lineStart - extra + 1,
      value: value)
  }

  /// A token's value: the decoded value of strings, the source text of names and numbers
  /// (which the lexer does not turn into strings until the parser asks).
  @inline(__always)
  func text(_ token: Token) -> String {
    token.value ?? makeString(token.start, token.end)
  }

  /// Whether a token's value is `word`, compared on bytes for names and numbers.
  func valueEquals(_ token: Token, _ word: StaticString) -> Bool {
    if let value = token.value { return value == word.description }
    switch token.kind {
    case .name, .int, .float:
      let length = token.end - token.start
      guard length == word.utf8CodeUnitCount else { return false }
      return word.withUTF8Buffer { bytes in
        var index = 0
        while index < length {
          if bytes[index] != body[token.start + index] { return false }
          index += 1
        }
        return true
      }
    default:
      return false
    }
  }

  /// How error messages describe a token: `Name "foo"`, `"}"`, `<EOF>`.
  func describe(_ token: Token) -> String {
    switch token.kind {
    case .name, .int, .float, .string, .blockString, .comment:
      return "\(token.kind.description) \"\(text(token))\""
    default:
      return token.kind.description
    }
  }

  /// The bytes `start..<end` as a string (already known to be valid UTF-8).
  @inline(__always)
  func makeString(_ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: body[start..<end]), as: UTF8.self)
  }

  // MARK: - Tokens

  /// Skips ignored tokens and reads the next token.
  ///
  /// ```
  /// Ignored :: UnicodeBOM | WhiteSpace | LineTerminator | Comment | Comma
  /// Token :: Punctuator | Name | IntValue | FloatValue | StringValue
  /// ```
  mutating func readNextToken() throws(GraphQLError) -> Token {
    let count = body.count
    var position = self.position
    while position < count {
      let byte = body[position]
      switch byte {
      case 0x09, 0x20, 0x2C:  // \t, space, ","
        position += 1
        continue
      case 0x0A:  // LineTerminator: \n
        position += 1
        line += 1
        lineStart = position
        extra = 0
        continue
      case 0x0D:  // LineTerminator: \r, \r\n
        position += code(at: position + 1) == 0x0A ? 2 : 1
        line += 1
        lineStart = position
        extra = 0
        continue
      case 0xEF where code(at: position + 1) == 0xBB && code(at: position + 2) == 0xBF:
        // UnicodeBOM (U+FEFF): three bytes, one column.
        position += 3
        extra += 2
        continue
      case 0x23:  // Comment :: # CommentChar*
        position = skipComment(position)
        continue
      // Punctuator :: one of ! $ & ( ) ... : = @ [ ] { | }
      case 0x21: return punctuator(.bang, position)
      case 0x24: return punctuator(.dollar, position)
      case 0x26: return punctuator(.amp, position)
      case 0x28: return punctuator(.parenL, position)
      case 0x29: return punctuator(.parenR, position)
      case 0x2E:  // "..."
        if code(at: position + 1) == 0x2E && code(at: position + 2) == 0x2E {
          self.position = position + 3
          return makeToken(.spread, position, position + 3)
        }
      case 0x3A: return punctuator(.colon, position)
      case 0x3D: return punctuator(.equals, position)
      case 0x40: return punctuator(.at, position)
      case 0x5B: return punctuator(.bracketL, position)
      case 0x5D: return punctuator(.bracketR, position)
      case 0x7B: return punctuator(.braceL, position)
      case 0x7C: return punctuator(.pipe, position)
      case 0x7D: return punctuator(.braceR, position)
      case 0x22:  // StringValue
        if code(at: position + 1) == 0x22 && code(at: position + 2) == 0x22 {
          return try readBlockString(position)
        }
        return try readString(position)
      default:
        break
      }
      let value = Int(byte)
      // IntValue | FloatValue :: (Digit | -) ...
      if CharacterClasses.isDigit(value) || value == 0x2D {
        return try readNumber(position)
      }
      // Name :: NameStart NameContinue*
      if CharacterClasses.isNameStart(value) {
        return readName(position)
      }
      throw unexpectedCharacter(at: position)
    }
    self.position = count
    return makeToken(.eof, count, count)
  }

  @inline(__always)
  private mutating func punctuator(_ kind: TokenKind, _ start: Int) -> Token {
    position = start + 1
    return makeToken(kind, start, start + 1)
  }

  /// Skips a comment up to (not including) the line terminator; returns the new position.
  ///
  /// ```
  /// Comment :: # CommentChar* [lookahead != CommentChar]
  /// CommentChar :: SourceCharacter but not LineTerminator
  /// ```
  private mutating func skipComment(_ start: Int) -> Int {
    var position = start + 1
    let count = body.count
    while position < count {
      let byte = body[position]
      if byte == 0x0A || byte == 0x0D { break }
      if byte < 0x80 {
        position += 1
      } else if let (_, length) = decodeScalar(at: position) {
        position += length
        extra += length - 1
      } else {
        break  // invalid UTF-8 ends the comment and is reported as the next token
      }
    }
    return position
  }

  /// ```
  /// Name :: NameStart NameContinue* [lookahead != NameContinue]
  /// ```
  private mutating func readName(_ start: Int) -> Token {
    var position = start + 1
    let count = body.count
    while position < count, CharacterClasses.isNameContinue(Int(body[position])) {
      position += 1
    }
    self.position = position
    return makeToken(.name, start, position)
  }

  /// Reads an IntValue or a FloatValue, with the spec's rules on what may follow.
  ///
  /// ```
  /// IntValue :: IntegerPart [lookahead != {Digit, `.`, NameStart}]
  /// IntegerPart :: NegativeSign? 0 | NegativeSign? NonZeroDigit Digit*
  /// FloatValue ::
  ///   - IntegerPart FractionalPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
  ///   - IntegerPart FractionalPart [lookahead != {Digit, `.`, NameStart}]
  ///   - IntegerPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
  /// FractionalPart :: . Digit+
  /// ExponentPart :: ExponentIndicator Sign? Digit+
  /// ```
  ///
  /// See https://spec.graphql.org/September2025/#sec-Int-Value
  private mutating func readNumber(_ start: Int) throws(GraphQLError) -> Token {
    var position = start
    var code = code(at: position)
    var isFloat = false
    if code == 0x2D {  // NegativeSign
      position += 1
      code = self.code(at: position)
    }
    if code == 0x30 {  // 0 may not be followed by a digit
      position += 1
      code = self.code(at: position)
      if CharacterClasses.isDigit(code) {
        throw syntaxError(
          at: position,
          "Invalid number, unexpected digit after 0: \(describeCharacter(at: position)).")
      }
    } else {
      position = try readDigits(position)
      code = self.code(at: position)
    }
    if code == 0x2E {  // FractionalPart
      isFloat = true
      position = try readDigits(position + 1)
      code = self.code(at: position)
    }
    if code == 0x45 || code == 0x65 {  // ExponentPart: e E
      isFloat = true
      position += 1
      code = self.code(at: position)
      if code == 0x2B || code == 0x2D {  // Sign
        position += 1
      }
      position = try readDigits(position)
      code = self.code(at: position)
    }
    if code == 0x2E || CharacterClasses.isNameStart(code) {
      throw syntaxError(
        at: position,
        "Invalid number, expected digit but got: \(describeCharacter(at: position)).")
    }
    self.position = position
    return makeToken(isFloat ? .float : .int, start, position)
  }

  /// Reads `Digit+` at `start` and returns the position after them.
  private func readDigits(_ start: Int) throws(GraphQLError) -> Int {
    guard CharacterClasses.isDigit(code(at: start)) else {
      throw syntaxError(
        at: start, "Invalid number, expected digit but got: \(describeCharacter(at: start)).")
    }
    var position = start + 1
    while CharacterClasses.isDigit(code(at: position)) {
      position += 1
    }
    return position
  }

  // MARK: - Errors

  /// A syntax error at a byte offset.
  func syntaxError(at position: Int, _ description: String) -> GraphQLError {
    GraphQLError.syntax(source, at: position, description)
  }

  /// The error for a character that cannot start a token.
  private func unexpectedCharacter(at position: Int) -> GraphQLError {
    let code = code(at: position)
    if code == 0x27 {
      return syntaxError(
        at: position,
        "Unexpected single quote character ('), did you mean to use a double quote (\")?")
    }
    if code >= 0x80 && decodeScalar(at: position) == nil {
      return invalidUTF8(at: position)
    }
    return syntaxError(at: position, "Unexpected character: \(describeCharacter(at: position)).")
  }

  /// The error for bytes that are not UTF-8.
  func invalidUTF8(at position: Int) -> GraphQLError {
    syntaxError(at: position, "Invalid UTF-8 byte \(hex(code(at: position), width: 2)).")
  }

  /// How graphql-js prints a character in messages: `"a"`, `'"'`, `U+000A`, `<EOF>`.
  func describeCharacter(at position: Int) -> String {
    let code = code(at: position)
    if code < 0 { return TokenKind.eof.rawValue }
    if code >= 0x20 && code <= 0x7E {
      return code == 0x22 ? "'\"'" : "\"\(Character(Unicode.Scalar(UInt8(code))))\""
    }
    if code < 0x80 { return "U+" + hex(code, width: 4).dropFirst(2) }
    guard let (scalar, _) = decodeScalar(at: position) else {
      return "byte \(hex(code, width: 2))"
    }
    return "U+" + hex(scalar, width: 4).dropFirst(2)
  }

  /// `0x` and upper-case hex digits, zero-padded to `width`.
  private func hex(_ value: Int, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  // MARK: - UTF-8

  /// Decodes one well-formed UTF-8 sequence at `position` (no overlongs, no surrogates, at
  /// most U+10FFFF); returns the scalar and its length in bytes, or nil.
  func decodeScalar(at position: Int) -> (Int, Int)? {
    let b0 = code(at: position)
    func continuation(_ offset: Int, _ low: Int = 0x80, _ high: Int = 0xBF) -> Int? {
      let byte = code(at: position + offset)
      return byte >= low && byte <= high ? byte & 0x3F : nil
    }
    switch b0 {
    case 0x00...0x7F:
      return (b0, 1)
    case 0xC2...0xDF:
      guard let c1 = continuation(1) else { return nil }
      return ((b0 & 0x1F) << 6 | c1, 2)
    case 0xE0...0xEF:
      let low = b0 == 0xE0 ? 0xA0 : 0x80
      let high = b0 == 0xED ? 0x9F : 0xBF
      guard let c1 = continuation(1, low, high), let c2 = continuation(2) else { return nil }
      return ((b0 & 0x0F) << 12 | c1 << 6 | c2, 3)
    case 0xF0...0xF4:
      let low = b0 == 0xF0 ? 0x90 : 0x80
      let high = b0 == 0xF4 ? 0x8F : 0xBF
      guard let c1 = continuation(1, low, high), let c2 = continuation(2),
        let c3 = continuation(3)
      else { return nil }
      return ((b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
    default:
      return nil
    }
  }

  /// The source text from `start` spanning `units` UTF-16 code units (as JavaScript's
  /// `slice`), whole characters only, clamped to the end; for graphql-js-worded messages.
  func sliceForMessage(from start: Int, units: Int) -> String {
    var position = start
    var taken = 0
    while taken < units, position < body.count {
      if let (scalar, length) = decodeScalar(at: position) {
        position += length
        taken += scalar > 0xFFFF ? 2 : 1
      } else {
        position += 1
        taken += 1
      }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: body[start..<position]), as: UTF8.self)
  }
}
