/// The byte-level JSON scanner behind ``JSONDocument``: validates RFC 8259 and builds the tape.
///
/// It is iterative (an explicit stack of open containers), so nesting depth costs heap, not
/// thread stack, and deep input fails with a clear error at ``JSONDocument/defaultMaximumDepth``.
/// Strings are scanned eight bytes at a time (SWAR) until a quote, backslash, control
/// character or non-ASCII byte shows up; non-ASCII bytes are checked as UTF-8 (RFC 3629 §4).
///
/// Grammar: https://www.rfc-editor.org/rfc/rfc8259#section-2
struct JSONParser {
  let name: String
  let maximumDepth: Int
  /// Values nested deeper than this are validated but not put on the tape; their container
  /// is marked collapsed (``JSONTapeEntry/flag``) and re-parsed on demand.
  let recordDepth: Int

  init(name: String, maximumDepth: Int, recordDepth: Int = Int.max) {
    self.name = name
    self.maximumDepth = maximumDepth
    self.recordDepth = recordDepth
  }

  /// Parses the JSON text in `bytes[range]` and returns its tape (offsets into `bytes`).
  mutating func parse(_ bytes: [UInt8], range: Range<Int>) throws -> [JSONTapeEntry] {
    guard bytes.count < Int(UInt32.max) else {
      throw ArtifactError(file: name, reason: .tooLarge(limit: "4 GiB per file"))
    }
    return try bytes.withUnsafeBufferPointer { buffer in
      var scanner = Scanner(
        buffer: buffer, range: range, name: name, maximumDepth: maximumDepth,
        recordDepth: recordDepth)
      return try scanner.run()
    }
  }
}

/// The scanning state over one buffer.
private struct Scanner {
  let buffer: UnsafeBufferPointer<UInt8>
  let name: String
  let maximumDepth: Int
  let recordDepth: Int
  /// One past the last byte to parse.
  let count: Int
  var position: Int
  var tape: [JSONTapeEntry] = []
  /// The open arrays and objects: a tape index, or ``unrecordedArray``/``unrecordedObject``
  /// for containers below ``recordDepth``.
  var stack: [Int] = []

  static let unrecordedArray = -1
  static let unrecordedObject = -2

  init(
    buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, name: String, maximumDepth: Int,
    recordDepth: Int
  ) {
    self.buffer = buffer
    self.name = name
    self.maximumDepth = maximumDepth
    self.recordDepth = recordDepth
    self.position = max(0, range.lowerBound)
    self.count = min(buffer.count, range.upperBound)
    // Every value takes at least two bytes but the last: reserving for that worst case
    // means the tape never regrows (a regrowth copy would double peak memory), and pages
    // that stay unused are never touched, so they cost address space, not memory.
    if recordDepth == Int.max {
      tape.reserveCapacity((count - position) / 2 + 2)
    } else {
      tape.reserveCapacity(1024)
    }
  }

  /// True if a value starting now (at depth `stack.count`) goes on the tape.
  @inline(__always)
  var recording: Bool { stack.count <= recordDepth }

  /// True if the innermost open container is an object.
  @inline(__always)
  func innermostIsObject(_ top: Int) -> Bool {
    top >= 0 ? tape[top].kind == .object : top == Scanner.unrecordedObject
  }

  // MARK: - Structure

  mutating func run() throws -> [JSONTapeEntry] {
    skipWhitespace()
    if position >= count { throw error("expected a JSON value, found end of input (empty file?)") }
    expectValue: while true {
      // A value starts here.
      skipWhitespace()
      guard position < count else { throw endOfInput("expected a value") }
      let byte = buffer[position]
      switch byte {
      case UInt8(ascii: "{"):
        try open(.object)
        skipWhitespace()
        if position < count, buffer[position] == UInt8(ascii: "}") {
          close()
        } else {
          try readKeyAndColon(first: true)
          continue expectValue
        }
      case UInt8(ascii: "["):
        try open(.array)
        skipWhitespace()
        if position < count, buffer[position] == UInt8(ascii: "]") {
          close()
        } else {
          continue expectValue
        }
      case UInt8(ascii: "\""):
        try readString()
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        try readNumber()
      case UInt8(ascii: "t"):
        try readLiteral("true", kind: .true)
      case UInt8(ascii: "f"):
        try readLiteral("false", kind: .false)
      case UInt8(ascii: "n"):
        try readLiteral("null", kind: .null)
      default:
        throw error(
          "expected a value (object, array, string, number, true, false or null), found \(describe(byte))"
        )
      }
      // After a complete value: close containers or move to the next member.
      while true {
        guard let top = stack.last else {
          skipWhitespace()
          guard position == count else {
            throw error(
              "expected end of input after the top-level value, found \(describe(buffer[position]))"
            )
          }
          return tape
        }
        skipWhitespace()
        guard position < count else {
          throw endOfInput(
            innermostIsObject(top) ? "expected ',' or '}'" : "expected ',' or ']'")
        }
        let next = buffer[position]
        if innermostIsObject(top) {
          if next == UInt8(ascii: ",") {
            position += 1
            try readKeyAndColon(first: false)
            continue expectValue
          } else if next == UInt8(ascii: "}") {
            close()
          } else {
            throw error("expected ',' or '}' after an object member, found \(describe(next))")
          }
        } else {
          if next == UInt8(ascii: ",") {
            position += 1
            continue expectValue
          } else if next == UInt8(ascii: "]") {
            close()
          } else {
            throw error("expected ',' or ']' after an array element, found \(describe(next))")
          }
        }
      }
    }
  }

  mutating func open(_ kind: JSONKind) throws {
    guard stack.count < maximumDepth else {
      throw error("nesting deeper than \(maximumDepth) levels")
    }
    if recording {
      try checkTapeSize()
      stack.append(tape.count)
      tape.append(JSONTapeEntry(kind: kind, start: position, end: position, flag: false, next: 0))
    } else {
      stack.append(kind == .object ? Scanner.unrecordedObject : Scanner.unrecordedArray)
    }
    position += 1
  }

  /// Closes the innermost container at the current `]` or `}`. A recorded container whose
  /// members were not recorded is flagged as collapsed.
  mutating func close() {
    guard let index = stack.popLast() else { return }
    position += 1
    guard index >= 0 else { return }
    let kind = tape[index].kind
    let collapsed = stack.count + 1 > recordDepth
    tape[index] = JSONTapeEntry(
      kind: kind, start: Int(tape[index].start), end: position, flag: collapsed, next: tape.count)
  }

  mutating func readKeyAndColon(first: Bool) throws {
    skipWhitespace()
    guard position < count else { throw endOfInput("expected a string key") }
    guard buffer[position] == UInt8(ascii: "\"") else {
      let found = describe(buffer[position])
      if first {
        throw error("expected a string key or '}' in an object, found \(found)")
      }
      throw error("expected a string key after ',' in an object, found \(found)")
    }
    try readString()
    skipWhitespace()
    guard position < count else { throw endOfInput("expected ':' after an object key") }
    guard buffer[position] == UInt8(ascii: ":") else {
      throw error("expected ':' after an object key, found \(describe(buffer[position]))")
    }
    position += 1
  }

  @inline(__always)
  mutating func skipWhitespace() {
    while position < count {
      switch buffer[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  mutating func checkTapeSize() throws {
    guard tape.count < JSONTapeEntry.maximumIndex else {
      throw ArtifactError(file: name, reason: .tooLarge(limit: "2^28 JSON values per file"))
    }
  }

  // MARK: - Scalars

  mutating func readLiteral(_ word: StaticString, kind: JSONKind) throws {
    let length = word.utf8CodeUnitCount
    let start = position
    let expected = word.utf8Start
    for offset in 0..<length {
      guard start + offset < count else { throw endOfInput("expected '\(word)'") }
      guard buffer[start + offset] == expected[offset] else {
        position = start + offset
        throw error("expected '\(word)', found \(describe(buffer[start + offset]))")
      }
    }
    position = start + length
    if recording {
      try checkTapeSize()
      tape.append(
        JSONTapeEntry(kind: kind, start: start, end: position, flag: false, next: tape.count + 1))
    }
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
      try checkTapeSize()
      tape.append(
        JSONTapeEntry(
          kind: .number, start: start, end: position, flag: isFloating, next: tape.count + 1))
    }
  }

  @inline(__always)
  func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

  /// Reads a string starting at the opening quote; the tape entry bounds its contents.
  mutating func readString() throws {
    let open = position
    position += 1
    let start = position
    var escaped = false
    guard let base = buffer.baseAddress else { throw endOfInput("expected '\"'") }
    let raw = UnsafeRawPointer(base)
    while true {
      // Fast path: skip eight plain ASCII bytes at a time.
      while position + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        let quote = word ^ 0x2222_2222_2222_2222
        let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
        let ones: UInt64 = 0x0101_0101_0101_0101
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- 0x2020_2020_2020_2020) & ~word
        if (hasQuote | hasBackslash | hasControl | word) & 0x8080_8080_8080_8080 != 0 { break }
        position += 8
      }
      guard position < count else {
        position = open
        throw endOfInput("unterminated string (opened here)", at: open)
      }
      let byte = buffer[position]
      if byte == UInt8(ascii: "\"") {
        if recording {
          try checkTapeSize()
          tape.append(
            JSONTapeEntry(
              kind: .string, start: start, end: position, flag: escaped, next: tape.count + 1))
        }
        position += 1
        return
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
        try readEscape()
      } else if byte < 0x20 {
        throw error("control character \(describe(byte)) must be escaped inside a string")
      } else if byte >= 0x80 {
        try readUTF8Sequence(lead: byte)
      } else {
        position += 1
      }
    }
  }

  /// escape = %x5C ( %x22 / %x5C / %x2F / %x62 / %x66 / %x6E / %x72 / %x74 / %x75 4HEXDIG )
  mutating func readEscape() throws {
    guard position + 1 < count else { throw endOfInput("expected an escape character after '\\'") }
    let code = buffer[position + 1]
    switch code {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
      UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      position += 2
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
      throw error("invalid UTF-8 byte \(describe(lead, quoted: false)) in a string")
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

  // MARK: - Errors

  func describe(_ byte: UInt8, quoted: Bool = true) -> String {
    if byte >= 0x21, byte < 0x7F {
      let text = String(UnicodeScalar(byte))
      return quoted ? "'\(text)'" : text
    }
    let hex = String(byte, radix: 16, uppercase: true)
    return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
  }

  func error(_ message: String) -> ArtifactError {
    error(message, at: position)
  }

  func error(_ message: String, at offset: Int) -> ArtifactError {
    let location = JSONLocation(of: offset, in: buffer)
    return ArtifactError(
      file: name,
      reason: .invalidJSON(
        offset: offset, line: location.line, column: location.column, message: message))
  }

  /// A failure because the input ended early: a truncated file.
  func endOfInput(_ expected: String, at offset: Int? = nil) -> ArtifactError {
    let depth = stack.count
    let suffix =
      depth > 0 ? " (input ends inside \(depth) unclosed array(s)/object(s): truncated file?)" : ""
    if let offset {
      return error("\(expected); found end of input\(suffix)", at: offset)
    }
    return error("\(expected), found end of input\(suffix)", at: count)
  }
}
