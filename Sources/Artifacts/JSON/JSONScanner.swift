/// The state of one parse over a buffer: position, tape and the stack of open containers.
/// Structure (objects, arrays, whitespace) is here; scalar tokens are in
/// `JSONScanner+Scalars.swift`.
///
/// Grammar: https://www.rfc-editor.org/rfc/rfc8259#section-2
struct JSONScanner {
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

  /// See ``JSONParser/validated``.
  let validated: Bool

  init(
    buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, name: String, maximumDepth: Int,
    recordDepth: Int, validated: Bool = false
  ) {
    self.validated = validated
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
    top >= 0 ? tape[top].kind == .object : top == JSONScanner.unrecordedObject
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
      stack.append(kind == .object ? JSONScanner.unrecordedObject : JSONScanner.unrecordedArray)
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

  /// Appends a scalar's entry (its next sibling is the entry right after it).
  @inline(__always)
  mutating func appendEntry(kind: JSONKind, start: Int, end: Int, flag: Bool) throws {
    try checkTapeSize()
    tape.append(
      JSONTapeEntry(kind: kind, start: start, end: end, flag: flag, next: tape.count + 1))
  }

  mutating func checkTapeSize() throws {
    guard tape.count < JSONTapeEntry.maximumIndex else {
      throw ArtifactError(file: name, reason: .tooLarge(limit: "2^28 JSON values per file"))
    }
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
