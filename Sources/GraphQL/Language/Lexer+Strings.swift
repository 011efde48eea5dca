// String values: quoted strings with escapes, and block strings with the spec's dedent.
// See https://spec.graphql.org/September2025/#sec-String-Value

extension Lexer {
  /// Reads a quoted string.
  ///
  /// ```
  /// StringValue :: `""` [lookahead != `"`] | `"` StringCharacter+ `"`
  /// StringCharacter ::
  ///   - SourceCharacter but not `"` or `\` or LineTerminator
  ///   - `\u` EscapedUnicode
  ///   - `\` EscapedCharacter
  /// EscapedUnicode :: `{` HexDigit+ `}` | HexDigit HexDigit HexDigit HexDigit
  /// EscapedCharacter :: one of `"` `\` `/` `b` `f` `n` `r` `t`
  /// ```
  mutating func readString(_ start: Int) throws(GraphQLError) -> Token {
    let count = body.count
    var position = start + 1
    var chunkStart = position
    // Built only when the string has escapes; otherwise the value is one slice.
    var decoded: [UInt8]? = nil
    var multibyte = 0
    while position < count {
      let byte = body[position]
      if byte == 0x22 {  // closing quote
        let value: String
        if var bytes = decoded {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: body[chunkStart..<position]))
          value = String(decoding: bytes, as: UTF8.self)
        } else {
          value = makeString(chunkStart, position)
        }
        let token = makeToken(.string, start, position + 1, value)
        self.position = position + 1
        extra += multibyte
        return token
      }
      if byte == 0x5C {  // escape sequence
        var bytes = decoded ?? []
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: body[chunkStart..<position]))
        let (scalar, size) = try readEscape(position)
        appendUTF8(scalar, to: &bytes)
        decoded = bytes
        position += size
        chunkStart = position
        continue
      }
      if byte == 0x0A || byte == 0x0D { break }
      if byte < 0x80 {
        position += 1
      } else if let (_, length) = decodeScalar(at: position) {
        position += length
        multibyte += length - 1
      } else {
        throw invalidUTF8(at: position)
      }
    }
    throw syntaxError(at: position, "Unterminated string.")
  }

  /// Decodes the escape sequence at `position` (a `\`); returns the scalar and the size.
  private func readEscape(_ position: Int) throws(GraphQLError) -> (Int, Int) {
    switch code(at: position + 1) {
    case 0x75:  // u
      if code(at: position + 2) == 0x7B {
        return try readEscapedUnicodeVariableWidth(position)
      }
      return try readEscapedUnicodeFixedWidth(position)
    case 0x22: return (0x22, 2)  // \"
    case 0x5C: return (0x5C, 2)  // \\
    case 0x2F: return (0x2F, 2)  // \/
    case 0x62: return (0x08, 2)  // \b
    case 0x66: return (0x0C, 2)  // \f
    case 0x6E: return (0x0A, 2)  // \n
    case 0x72: return (0x0D, 2)  // \r
    case 0x74: return (0x09, 2)  // \t
    default:
      throw syntaxError(
        at: position,
        "Invalid character escape sequence: \"\(sliceForMessage(from: position, units: 2))\".")
    }
  }

  /// `\u{` HexDigit+ `}`: at most `\u{00000000}`, and it must be a Unicode scalar value.
  private func readEscapedUnicodeVariableWidth(_ position: Int) throws(GraphQLError) -> (Int, Int) {
    var point: Int32 = 0
    var size = 3
    while size < 12 {
      let code = code(at: position + size)
      size += 1
      if code == 0x7D {  // }
        if size < 5 || !CharacterClasses.isUnicodeScalarValue(Int(point)) { break }
        return (Int(point), size)
      }
      // As graphql-js: 32-bit arithmetic, where a bad digit or an overflow goes negative.
      let digit = CharacterClasses.hexValue(code)
      point = (point &<< 4) | Int32(truncatingIfNeeded: digit)
      if point < 0 { break }
    }
    throw syntaxError(
      at: position,
      "Invalid Unicode escape sequence: \"\(sliceForMessage(from: position, units: size))\".")
  }

  /// `\u` HexDigit{4}, where a leading surrogate must be followed by `\u` and a trailing one.
  private func readEscapedUnicodeFixedWidth(_ position: Int) throws(GraphQLError) -> (Int, Int) {
    let point = read16BitHexCode(position + 2)
    if CharacterClasses.isUnicodeScalarValue(point) {
      return (point, 6)
    }
    if point >= 0xD800 && point <= 0xDBFF, code(at: position + 6) == 0x5C,
      code(at: position + 7) == 0x75
    {
      let trailing = read16BitHexCode(position + 8)
      if trailing >= 0xDC00 && trailing <= 0xDFFF {
        return (0x10000 + ((point - 0xD800) << 10) + (trailing - 0xDC00), 12)
      }
    }
    throw syntaxError(
      at: position,
      "Invalid Unicode escape sequence: \"\(sliceForMessage(from: position, units: 6))\".")
  }

  /// Four hex digits as a number, or a negative number if any is not a hex digit.
  private func read16BitHexCode(_ position: Int) -> Int {
    var value = 0
    for offset in 0..<4 {
      let digit = CharacterClasses.hexValue(code(at: position + offset))
      if digit < 0 { return -1 }
      value = value << 4 | digit
    }
    return value
  }

  /// Appends a scalar's UTF-8 encoding.
  private func appendUTF8(_ scalar: Int, to bytes: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      bytes.append(UInt8(scalar))
    case 0x80..<0x800:
      bytes.append(UInt8(0xC0 | scalar >> 6))
      bytes.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      bytes.append(UInt8(0xE0 | scalar >> 12))
      bytes.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
      bytes.append(UInt8(0x80 | scalar & 0x3F))
    default:
      bytes.append(UInt8(0xF0 | scalar >> 18))
      bytes.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
      bytes.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
      bytes.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  /// Reads a block string; its value is the raw lines dedented by the spec's algorithm.
  ///
  /// ```
  /// StringValue :: `"""` BlockStringCharacter* `"""`
  /// BlockStringCharacter :: SourceCharacter but not `"""` or `\"""` | `\"""`
  /// ```
  ///
  /// See https://spec.graphql.org/September2025/#BlockStringValue()
  mutating func readBlockString(_ start: Int) throws(GraphQLError) -> Token {
    let count = body.count
    var position = start + 3
    var chunkStart = position
    // The raw text with `\"""` unescaped, and where each line starts in it.
    var raw: [UInt8] = []
    var lineStarts: [Int] = [0]
    var lineCount = 0
    var newLineStart = lineStart
    var newExtra = extra
    while position < count {
      let byte = body[position]
      if byte == 0x22 && code(at: position + 1) == 0x22 && code(at: position + 2) == 0x22 {
        raw.append(contentsOf: UnsafeBufferPointer(rebasing: body[chunkStart..<position]))
        let value = BlockString.dedent(raw, lineStarts: lineStarts)
        let token = makeToken(.blockString, start, position + 3, value)
        self.position = position + 3
        line += lineCount
        lineStart = newLineStart
        extra = newExtra
        return token
      }
      if byte == 0x5C && code(at: position + 1) == 0x22 && code(at: position + 2) == 0x22
        && code(at: position + 3) == 0x22
      {
        raw.append(contentsOf: UnsafeBufferPointer(rebasing: body[chunkStart..<position]))
        chunkStart = position + 1  // keep the quotes, drop the backslash
        position += 4
        continue
      }
      if byte == 0x0A || byte == 0x0D {
        raw.append(contentsOf: UnsafeBufferPointer(rebasing: body[chunkStart..<position]))
        position += byte == 0x0D && code(at: position + 1) == 0x0A ? 2 : 1
        lineStarts.append(raw.count)
        lineCount += 1
        chunkStart = position
        newLineStart = position
        newExtra = 0
        continue
      }
      if byte < 0x80 {
        position += 1
      } else if let (_, length) = decodeScalar(at: position) {
        position += length
        newExtra += length - 1
      } else {
        throw invalidUTF8(at: position)
      }
    }
    throw syntaxError(at: position, "Unterminated string.")
  }
}
