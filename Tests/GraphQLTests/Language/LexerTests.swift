import Testing

@testable import GraphQL

/// The lexer on bytes: token kinds and values, line and column tracking, bad input.
@Suite struct LexerTests {
  func tokens(_ text: String) throws -> [Token] {
    try Lexer.tokens(in: Source(text))
  }

  func tokens(bytes: [UInt8]) throws -> [Token] {
    try Lexer.tokens(in: Source(bytes: bytes))
  }

  func error(bytes: [UInt8]) -> GraphQLError? {
    do {
      _ = try Lexer.tokens(in: Source(bytes: bytes))
      return nil
    } catch {
      return error
    }
  }

  @Test func readsEveryPunctuatorAndValueKind() throws {
    let all = try tokens(#"! $ & ( ) ... : = @ [ ] { | } name 12 -3.5e2 "s" """b""""#)
    #expect(
      all.map(\.kind) == [
        .bang, .dollar, .amp, .parenL, .parenR, .spread, .colon, .equals, .at, .bracketL,
        .bracketR, .braceL, .pipe, .braceR, .name, .int, .float, .string, .blockString, .eof,
      ])
    #expect(all[14].value == "name")
    #expect(all[15].value == "12")
    #expect(all[16].value == "-3.5e2")
    #expect(all[17].value == "s")
    #expect(all[18].value == "b")
    #expect(all[0].value == nil)
  }

  @Test func ignoresCommasCommentsWhitespaceAndByteOrderMarks() throws {
    let all = try tokens("\u{FEFF}, \t# comment é\n{ a \u{FEFF}}")
    #expect(all.map(\.kind) == [.braceL, .name, .braceR, .eof])
    #expect(all[0].line == 2 && all[0].column == 1)
    // The BOM in the middle is one column: `{`1 ` `2 `a`3 ` `4 BOM5 `}`6.
    #expect(all[2].column == 6)
  }

  @Test func aLeadingByteOrderMarkCountsAsOneColumn() throws {
    let all = try tokens("\u{FEFF}{ a }")
    #expect(all[0].start == 3)
    #expect(all[0].column == 2)
    #expect(all[1].column == 4)
  }

  @Test func columnsCountCodePointsNotBytes() throws {
    // `"`1 `é`2 `😀`3 `"`4 ` `5 `x`6
    let all = try tokens("\"é😀\" x")
    #expect(all[0].value == "é😀")
    #expect(all[1].start == 9)
    #expect(all[1].column == 6)
    // The same after a comment on the same line is impossible (comments end the line), so
    // check a block string whose last line has multi-byte characters.
    let block = try tokens("\"\"\"a\nü😀\"\"\"x")
    #expect(block[1].line == 2)
    #expect(block[1].column == 6)
  }

  @Test func lineTerminatorsAreExactlyTheSpecs() throws {
    #expect(try tokens("a\r\nb")[1].line == 2)
    #expect(try tokens("a\rb")[1].line == 2)
    #expect(try tokens("a\nb")[1].line == 2)
    #expect(try tokens("a\n\rb")[1].line == 3)
    #expect(try tokens("a\r\r\nb")[1].line == 3)
    // U+2028 and U+2029 are not line terminators (graphql-core counts them; the spec does not).
    let separated = try tokens("\"a\u{2028}b\u{2029}c\" d")
    #expect(separated[1].line == 1)
    #expect(separated[1].column == 9)
    // Block strings count their line terminators too.
    let block = try tokens("\"\"\"one\r\ntwo\rthree\n\"\"\" d")
    #expect(block[0].value == "one\ntwo\nthree")
    #expect(block[1].line == 4)
    #expect(block[1].column == 5)
  }

  @Test func decodesEveryEscape() throws {
    let all = try tokens(#""\" \\ \/ \b \f \n \r \t \u0041 \u{1F600} \uD83D\uDE00 \u{0}""#)
    #expect(all[0].value == "\" \\ / \u{8} \u{C} \n \r \t A 😀 😀 \u{0}")
  }

  @Test func dedentsBlockStrings() throws {
    let value = try tokens(
      "\"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\"")[0]
      .value
    #expect(value == "Hello,\n  World!\n\nYours,\n  GraphQL.")
    #expect(try tokens(#""""a \""" b""""#)[0].value == #"a """ b"#)
    #expect(try tokens("\"\"\"  first\n    second\"\"\"")[0].value == "  first\nsecond")
    #expect(try tokens("\"\"\"\n   \n\"\"\"")[0].value == "")
  }

  @Test func rejectsInvalidUTF8WithItsPosition() {
    let inString = error(bytes: Array("{ f(a: \"".utf8) + [0xFF] + Array("\") }".utf8))
    #expect(inString?.message == "Syntax Error: Invalid UTF-8 byte 0xFF.")
    #expect(inString?.locations == [SourceLocation(line: 1, column: 9)])
    let overlong = error(bytes: [0x22, 0xC0, 0xAF, 0x22])
    #expect(overlong?.message == "Syntax Error: Invalid UTF-8 byte 0xC0.")
    let surrogate = error(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22])
    #expect(surrogate?.message == "Syntax Error: Invalid UTF-8 byte 0xED.")
    let truncated = error(bytes: [0x22, 0xE2, 0x82])
    #expect(truncated?.message == "Syntax Error: Invalid UTF-8 byte 0xE2.")
    let inBlock = error(bytes: Array("\"\"\"a\n".utf8) + [0xF5] + Array("\"\"\"".utf8))
    #expect(inBlock?.locations == [SourceLocation(line: 2, column: 1)])
    // In a comment the bad byte ends the comment and is then reported where it is.
    let inComment = error(bytes: Array("{ a } # ok ".utf8) + [0xFE, 0x0A])
    #expect(inComment?.message == "Syntax Error: Invalid UTF-8 byte 0xFE.")
    #expect(inComment?.locations == [SourceLocation(line: 1, column: 12)])
    let bare = error(bytes: [0x7B, 0x20, 0x80, 0x7D])
    #expect(bare?.message == "Syntax Error: Invalid UTF-8 byte 0x80.")
  }

  @Test func acceptsValidMultiByteUTF8Everywhere() throws {
    let all = try tokens(bytes: Array("# 中文 😀\n\"ü中😀\" \"\"\"😀\"\"\"".utf8))
    #expect(all.map(\.value) == ["ü中😀", "😀", nil])
  }

  @Test func describesUnexpectedCharactersAsGraphQLJS() {
    #expect(
      error(bytes: Array("?".utf8))?.message == "Syntax Error: Unexpected character: \"?\".")
    #expect(
      error(bytes: Array("\u{7}".utf8))?.message == "Syntax Error: Unexpected character: U+0007.")
    #expect(
      error(bytes: Array("é".utf8))?.message == "Syntax Error: Unexpected character: U+00E9.")
    #expect(
      error(bytes: Array("😀".utf8))?.message == "Syntax Error: Unexpected character: U+1F600.")
    #expect(
      error(bytes: Array("'".utf8))?.message
        == "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?"
    )
    #expect(
      error(bytes: Array("-".utf8))?.message
        == "Syntax Error: Invalid number, expected digit but got: <EOF>.")
    #expect(
      error(bytes: Array("1.\"".utf8))?.message
        == "Syntax Error: Invalid number, expected digit but got: '\"'.")
    #expect(
      error(bytes: Array("-\u{FF}".utf8))?.message
        == "Syntax Error: Invalid number, expected digit but got: U+00FF.")
    #expect(
      error(bytes: [0x2D, 0xFF])?.message
        == "Syntax Error: Invalid number, expected digit but got: byte 0xFF.")
  }
}
