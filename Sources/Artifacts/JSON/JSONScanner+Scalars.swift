extension JSONScanner {
  // MARK: - Scalars (RFC 8259 §3, §6, §7)

  /// Reads `true`, `false` or `null` starting at `start`, whose first byte the caller has
  /// matched; returns the index after it. The word is compared four bytes at a time (for
  /// `false`, the four after the `f`); a mismatch is located byte by byte.
  mutating func readLiteral(at start: Int, kind: JSONKind) throws -> Int {
    let word: StaticString
    // The word's bytes after `skip`, as a little-endian 32-bit load.
    let pattern: UInt32
    let skip: Int
    switch kind {
    case .true:
      (word, pattern, skip) = ("true", 0x6575_7274, 0)
    case .false:
      (word, pattern, skip) = ("false", 0x6573_6C61, 1)
    default:
      (word, pattern, skip) = ("null", 0x6C6C_756E, 0)
    }
    let length = word.utf8CodeUnitCount
    let matched =
      start + length <= count
      && buffer.baseAddress.map {
        UInt32(
          littleEndian: UnsafeRawPointer($0).loadUnaligned(
            fromByteOffset: start + skip, as: UInt32.self)) == pattern
      } == true
    if !matched {
      // Find and report the first byte that differs.
      let expected = word.utf8Start
      for offset in 0..<length {
        guard start + offset < count else { throw endOfInput("expected '\(word)'") }
        guard buffer[start + offset] == expected[offset] else {
          position = start + offset
          throw error("expected '\(word)', found \(describe(buffer[start + offset]))")
        }
      }
    }
    if recording {
      try appendScalar(kind: kind, start: start, end: start + length, flag: false)
    }
    return start + length
  }

  /// number = [ minus ] int [ frac ] [ exp ] (RFC 8259 §6).
  mutating func readNumber() throws {
    let start = position
    var isFloating = false
    if buffer[position] == UInt8(ascii: "-") { position += 1 }
    guard position < count else { throw endOfInput("expected a digit after '-'") }
    if buffer[position] == UInt8(ascii: "0") {
      position += 1
    } else if isDigit(buffer[position]) {
      while position < count, isDigit(buffer[position]) { position += 1 }
    } else {
      throw error("expected a digit in a number, found \(describe(buffer[position]))")
    }
    if position < count, buffer[position] == UInt8(ascii: ".") {
      isFloating = true
      position += 1
      guard position < count else { throw endOfInput("expected a digit after '.'") }
      guard isDigit(buffer[position]) else {
        throw error("expected a digit after '.' in a number, found \(describe(buffer[position]))")
      }
      while position < count, isDigit(buffer[position]) { position += 1 }
    }
    if position < count, buffer[position] | 0x20 == UInt8(ascii: "e") {
      isFloating = true
      position += 1
      if position < count,
        buffer[position] == UInt8(ascii: "+") || buffer[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard position < count else { throw endOfInput("expected a digit in an exponent") }
      guard isDigit(buffer[position]) else {
        throw error("expected a digit in a number's exponent, found \(describe(buffer[position]))")
      }
      while position < count, isDigit(buffer[position]) { position += 1 }
    }
    if recording {
      try appendScalar(kind: .number, start: start, end: position, flag: isFloating)
    }
  }

  @inline(__always)
  func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

  /// Reads a string whose opening quote is at `open`; returns the index after the closing
  /// quote. The tape entry bounds its contents. A string of plain ASCII is handled inline;
  /// escapes, non-ASCII bytes and errors go to ``readStringRest(open:at:)``.
  @inline(__always)
  mutating func readString(at open: Int) throws -> Int {
    let index = nextStringStop(from: open + 1)
    if index < count, buffer[index] == UInt8(ascii: "\"") {
      if recording {
        try appendScalar(kind: .string, start: open + 1, end: index, flag: false)
      }
      return index + 1
    }
    return try readStringRest(open: open, at: index)
  }

  /// The rest of a string from its first stop byte at `stop` (see ``nextStringStop(from:)``).
  mutating func readStringRest(open: Int, at stop: Int) throws -> Int {
    var index = stop
    var escaped = false
    while true {
      guard index < count else {
        position = open
        throw endOfInput("unterminated string (opened here)", at: open)
      }
      let byte = buffer[index]
      if byte == UInt8(ascii: "\"") {
        if recording {
          try appendScalar(kind: .string, start: open + 1, end: index, flag: escaped)
        }
        return index + 1
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
        if validated {
          // A validated escape is complete, and none of its bytes is a quote or backslash
          // but the one escaped right after the backslash.
          index += 2
        } else if index + 1 < count, JSONScanner.isShortEscape(buffer[index + 1]) {
          index += 2
        } else {
          position = index
          try readEscape()
          index = position
        }
      } else if byte < 0x20 {
        position = index
        throw error("control character \(describe(byte)) must be escaped inside a string")
      } else {
        // Only unvalidated input stops at non-ASCII bytes.
        position = index
        try readUTF8Sequence(lead: byte)
        index = position
      }
      index = nextStringStop(from: index)
    }
  }

  /// The index of the first byte at or after `index` that ends the plain run of a string: a
  /// quote or backslash, and unless ``validated``, a control character or non-ASCII byte.
  /// `count` if there is none.
  ///
  /// Eight bytes are tested at a time (SWAR). For each kind of stop byte the classic
  /// zero-byte test `(x - 0x01...) & ~x & 0x80...` (and `(w - 0x20...) | w` for control and
  /// non-ASCII bytes) can set false bits only above a real match, as a borrow starts only
  /// at a matching byte; so the lowest set bit is exactly the first stop byte. Loads never
  /// reach past `count`: the last few bytes are tested one at a time.
  @inline(__always)
  func nextStringStop(from index: Int) -> Int {
    var index = index
    let end = count
    if let base = buffer.baseAddress {
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      if validated {
        while end &- index >= 8 {
          let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
          let quote = word ^ 0x2222_2222_2222_2222
          let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
          let stops = (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
          if stops != 0 { return index + stops.trailingZeroBitCount >> 3 }
          index += 8
        }
        while index < end {
          let byte = buffer[index]
          if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
          index += 1
        }
      } else {
        while end &- index >= 8 {
          let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
          let quote = word ^ 0x2222_2222_2222_2222
          let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
          let stops =
            (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
              | (word &- 0x2020_2020_2020_2020) | word) & highs
          if stops != 0 { return index + stops.trailingZeroBitCount >> 3 }
          index += 8
        }
        while index < end {
          let byte = buffer[index]
          if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80
          {
            return index
          }
          index += 1
        }
      }
    }
    return max(index, end)
  }

  /// True for the characters of the two-byte escapes (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`,
  /// `\r`, `\t`): what ``readEscape()`` accepts without reading further.
  @inline(__always)
  static func isShortEscape(_ code: UInt8) -> Bool {
    switch code {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
      UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      return true
    default:
      return false
    }
  }

  /// escape = %x5C ( %x22 / %x5C / %x2F / %x62 / %x66 / %x6E / %x72 / %x74 / %x75 4HEXDIG )
  mutating func readEscape() throws {
    guard position + 1 < count else { throw endOfInput("expected an escape character after '\\'") }
    let code = buffer[position + 1]
    if JSONScanner.isShortEscape(code) {
      position += 2
      return
    }
    switch code {
    case UInt8(ascii: "u"):
      for offset in 2..<6 {
        guard position + offset < count else {
          throw endOfInput("expected 4 hex digits after '\\u'")
        }
        guard JSONScalars.hexValue(buffer[position + offset]) != nil else {
          position += offset
          throw error("expected 4 hex digits after '\\u', found \(describe(buffer[position]))")
        }
      }
      position += 6
    default:
      position += 1
      throw error(
        "invalid escape '\\\(describe(code, quoted: false))' in a string; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
      )
    }
  }

  /// Well-formed UTF-8 (RFC 3629 §4), so decoded strings never need repair.
  mutating func readUTF8Sequence(lead: UInt8) throws {
    var length = 0
    var lower: UInt8 = 0x80
    var upper: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      lower = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      upper = 0x9F
    case 0xF0:
      length = 4
      lower = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      upper = 0x8F
    default:
      throw error("invalid UTF-8 \(describe(lead, quoted: false)) in a string")
    }
    for offset in 1..<length {
      guard position + offset < count else { throw endOfInput("truncated UTF-8 sequence") }
      let continuation = buffer[position + offset]
      let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
      guard continuation >= low, continuation <= high else {
        position += offset
        throw error("invalid UTF-8 sequence in a string")
      }
    }
    position += length
  }
}
