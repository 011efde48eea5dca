/// Parses a GraphQL document (executable definitions, type system definitions and
/// extensions) into an AST.
///
/// For example:
/// ```swift
/// let document = try parse("query Hero($id: ID!) { hero(id: $id) { name } }")
/// ```
///
/// - Throws: ``GraphQLError`` with a `Syntax Error: ...` message and the line and column,
///   worded as graphql-js 16 words them (`Syntax Error: Expected Name, found "}".`).
///
/// See https://spec.graphql.org/September2025/#sec-Document
public func parse(_ source: Source, options: ParseOptions = ParseOptions())
  throws(GraphQLError) -> Document
{
  try Parser.run(source, options) { (parser: inout Parser) throws in
    try parser.parseDocument()
  }
}

/// Parses GraphQL text; see ``parse(_:options:)-(Source,_)``.
public func parse(_ text: String, options: ParseOptions = ParseOptions())
  throws(GraphQLError) -> Document
{
  try parse(Source(text), options: options)
}

/// Parses a single input value, such as `[1, "two", {three: $four}]` (graphql-js `parseValue`).
///
/// See https://spec.graphql.org/September2025/#sec-Input-Values
public func parseValue(_ source: Source, options: ParseOptions = ParseOptions())
  throws(GraphQLError) -> Value
{
  try Parser.run(source, options) { (parser: inout Parser) throws in
    try parser.expectToken(.sof)
    let value = try parser.parseValueLiteral(isConst: false)
    try parser.expectToken(.eof)
    return value
  }
}

/// Parses a single constant input value: variables are an error.
public func parseConstValue(_ source: Source, options: ParseOptions = ParseOptions())
  throws(GraphQLError) -> Value
{
  try Parser.run(source, options) { (parser: inout Parser) throws in
    try parser.expectToken(.sof)
    let value = try parser.parseValueLiteral(isConst: true)
    try parser.expectToken(.eof)
    return value
  }
}

/// Parses a type reference, such as `[String!]!` (graphql-js `parseType`).
///
/// See https://spec.graphql.org/September2025/#sec-Type-References
public func parseType(_ source: Source, options: ParseOptions = ParseOptions())
  throws(GraphQLError) -> TypeReference
{
  try Parser.run(source, options) { (parser: inout Parser) throws in
    try parser.expectToken(.sof)
    let type = try parser.parseTypeReference()
    try parser.expectToken(.eof)
    return type
  }
}

/// A recursive-descent parser over the ``Lexer``, with graphql-js's structure and names
/// (`expectToken`, `expectOptionalToken`, `expectKeyword`, `unexpected`, `many`...).
///
/// Every loop consumes a token or exits; nesting is bounded by ``ParseOptions/maxDepth`` and
/// the token count by ``ParseOptions/maxTokens``.
struct Parser {
  var lexer: Lexer
  let options: ParseOptions
  private var tokenCount = 0
  /// The current nesting depth (selection sets, list and object values, list types).
  private var depth = 0

  init(lexer: Lexer, options: ParseOptions) {
    self.lexer = lexer
    self.options = options
  }

  /// Runs `body` with a parser over `source`, positioned on the `<SOF>` token.
  ///
  /// The productions use untyped `throws` on purpose: in debug builds every call site of a
  /// typed-throws function reserves a stack slot for the (large) error value, which made each
  /// nesting level several times bigger. Only ``GraphQLError`` is ever thrown.
  static func run<R>(
    _ source: Source, _ options: ParseOptions, _ body: (inout Parser) throws -> R
  ) throws(GraphQLError) -> R {
    do {
      return try Lexer.withLexer(source) { (lexer: inout Lexer) throws -> R in
        var parser = Parser(lexer: lexer, options: options)
        return try body(&parser)
      }
    } catch let error as GraphQLError {
      throw error
    } catch {
      throw GraphQLError(message: "Syntax Error: \(error)")
    }
  }

  // MARK: - Tokens

  /// The location from the byte offset `start` to the end of the last consumed token.
  ///
  /// Productions keep only their start offset (not a copy of the start token), which keeps
  /// their stack frames small in debug builds, where nesting depth is bounded by frame size.
  @inline(__always)
  func loc(_ start: Int) -> Location {
    options.noLocation ? .none : Location(start: start, end: lexer.lastTokenEnd)
  }

  /// Advances the lexer, counting tokens against ``ParseOptions/maxTokens``.
  mutating func advanceLexer() throws {
    let token = try lexer.advance()
    if let maxTokens = options.maxTokens, token.kind != .eof {
      tokenCount += 1
      if tokenCount > maxTokens {
        throw lexer.syntaxError(
          at: token.start, "Document contains more than \(maxTokens) tokens. Parsing aborted.")
      }
    }
  }

  /// Consumes a token of `kind` and returns it, or throws `Expected kind, found token.`.
  @discardableResult
  mutating func expectToken(_ kind: TokenKind) throws -> Token {
    let token = lexer.token
    guard token.kind == kind else { throw expected(kind) }
    try advanceLexer()
    return token
  }

  /// Consumes a token of `kind`, or throws `Expected kind, found token.` (no result, so no
  /// token copy in the caller's frame).
  mutating func expect(_ kind: TokenKind) throws {
    guard lexer.token.kind == kind else { throw expected(kind) }
    try advanceLexer()
  }

  /// The error `Expected kind, found token.` at the current token.
  func expected(_ kind: TokenKind) -> GraphQLError {
    lexer.syntaxError(
      at: lexer.token.start, "Expected \(kind.description), found \(lexer.describe(lexer.token)).")
  }

  /// Consumes a token of `kind` if it is the current one.
  mutating func expectOptionalToken(_ kind: TokenKind) throws -> Bool {
    guard lexer.token.kind == kind else { return false }
    try advanceLexer()
    return true
  }

  /// Consumes the keyword `value`, or throws `Expected "value", found token.`.
  mutating func expectKeyword(_ value: StaticString) throws {
    let token = lexer.token
    guard token.kind == .name, lexer.valueEquals(token, value) else {
      throw lexer.syntaxError(
        at: token.start, "Expected \"\(value)\", found \(lexer.describe(token)).")
    }
    try advanceLexer()
  }

  /// Consumes the keyword `value` if it is the current token.
  mutating func expectOptionalKeyword(_ value: StaticString) throws -> Bool {
    guard lexer.token.kind == .name, lexer.valueEquals(lexer.token, value) else { return false }
    try advanceLexer()
    return true
  }

  /// The error for an unexpected token: `Unexpected Name "foo".`.
  func unexpected(_ token: Token? = nil) -> GraphQLError {
    let token = token ?? lexer.token
    return lexer.syntaxError(at: token.start, "Unexpected \(lexer.describe(token)).")
  }

  // MARK: - Lists

  /// `open item* close`: a possibly empty list.
  mutating func any<T>(
    _ open: TokenKind, _ item: (inout Parser) throws -> T, _ close: TokenKind
  ) throws -> [T] {
    try expectToken(open)
    var nodes: [T] = []
    while try !expectOptionalToken(close) {
      nodes.append(try item(&self))
    }
    return nodes
  }

  /// `(open item+ close)?`: empty only when `open` is absent.
  mutating func optionalMany<T>(
    _ open: TokenKind, _ item: (inout Parser) throws -> T, _ close: TokenKind
  ) throws -> [T] {
    guard try expectOptionalToken(open) else { return [] }
    var nodes: [T] = []
    repeat {
      nodes.append(try item(&self))
    } while try !expectOptionalToken(close)
    return nodes
  }

  /// `open item+ close`: a non-empty list.
  mutating func many<T>(
    _ open: TokenKind, _ item: (inout Parser) throws -> T, _ close: TokenKind
  ) throws -> [T] {
    try expectToken(open)
    var nodes: [T] = []
    repeat {
      nodes.append(try item(&self))
    } while try !expectOptionalToken(close)
    return nodes
  }

  /// `delimiter? item (delimiter item)*`: a non-empty list.
  mutating func delimitedMany<T>(
    _ delimiter: TokenKind, _ item: (inout Parser) throws -> T
  ) throws -> [T] {
    _ = try expectOptionalToken(delimiter)
    var nodes: [T] = []
    repeat {
      nodes.append(try item(&self))
    } while try expectOptionalToken(delimiter)
    return nodes
  }

  // MARK: - Nesting

  /// Enters one level of nesting at the current token, failing past ``ParseOptions/maxDepth``.
  @inline(__always)
  mutating func enterNesting() throws {
    depth += 1
    if depth > options.maxDepth {
      throw lexer.syntaxError(
        at: lexer.token.start,
        "Document exceeds the maximum nesting depth of \(options.maxDepth). Parsing aborted.")
    }
  }

  /// Leaves one level of nesting.
  @inline(__always)
  mutating func leaveNesting() {
    depth -= 1
  }

  // MARK: - Names

  /// `Name`
  mutating func parseName() throws -> Name {
    guard lexer.token.kind == .name else { throw expected(.name) }
    let value = lexer.text(lexer.token)
    let start = lexer.token.start
    try advanceLexer()
    return Name(value: value, loc: loc(start))
  }
}
