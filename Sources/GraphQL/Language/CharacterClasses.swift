/// Character classes of the GraphQL lexical grammar, on UTF-8 bytes.
///
/// Every class here is ASCII-only, so testing a byte is enough: a byte of a multi-byte
/// UTF-8 sequence is never a member.
///
/// See https://spec.graphql.org/September2025/#sec-Language.Source-Text
enum CharacterClasses {
  /// `Digit :: one of 0 1 2 3 4 5 6 7 8 9`
  @inline(__always)
  static func isDigit(_ code: Int) -> Bool {
    code >= 0x30 && code <= 0x39
  }

  /// `Letter :: one of A-Z a-z`
  @inline(__always)
  static func isLetter(_ code: Int) -> Bool {
    (code >= 0x61 && code <= 0x7A) || (code >= 0x41 && code <= 0x5A)
  }

  /// `NameStart :: Letter | _`
  @inline(__always)
  static func isNameStart(_ code: Int) -> Bool {
    isLetter(code) || code == 0x5F
  }

  /// `NameContinue :: Letter | Digit | _`
  @inline(__always)
  static func isNameContinue(_ code: Int) -> Bool {
    isLetter(code) || isDigit(code) || code == 0x5F
  }

  /// `WhiteSpace :: Horizontal Tab (U+0009) | Space (U+0020)`
  @inline(__always)
  static func isWhiteSpace(_ code: Int) -> Bool {
    code == 0x09 || code == 0x20
  }

  /// Whether a code point is a Unicode scalar value (not a surrogate, at most U+10FFFF).
  ///
  /// See https://spec.graphql.org/September2025/#SourceCharacter
  @inline(__always)
  static func isUnicodeScalarValue(_ code: Int) -> Bool {
    (code >= 0 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0x10FFFF)
  }

  /// `HexDigit` value, or -1 if the byte is not a hex digit.
  @inline(__always)
  static func hexValue(_ code: Int) -> Int {
    if code >= 0x30 && code <= 0x39 { return code - 0x30 }
    if code >= 0x41 && code <= 0x46 { return code - 0x37 }
    if code >= 0x61 && code <= 0x66 { return code - 0x57 }
    return -1
  }
}
