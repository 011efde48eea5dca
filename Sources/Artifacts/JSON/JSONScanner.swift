/// The state of one parse over a buffer: the tape and the stack of open containers.
/// Structure (objects, arrays, whitespace) is here; scalar tokens are in
/// `JSONScanner+Scalars.swift`.
///
/// The hot paths pass the read index as a value (`from:`/`at:` in, the index after the token
/// out) so it stays in a register; ``position`` is only the cursor of the slow paths
/// (numbers, escapes, UTF-8) and the place an error is reported. The tape and the stack are
/// buffers the scanner owns (appending to an `Array` checks uniqueness on every value); the
/// tape is copied into an exactly sized array at the end.
///
/// Grammar: https://www.rfc-editor.org/rfc/rfc8259#section-2
struct JSONScanner: ~Copyable {
  let buffer: UnsafeBufferPointer<UInt8>
  let name: String
  let maximumDepth: Int
  let recordDepth: Int
  /// One past the last byte to parse.
  let count: Int
  var position: Int
  /// The tape so far: `tapeCount` entries at `tapeBase`, room for `tapeCapacity`
  /// (never more than ``JSONTapeEntry/maximumIndex``).
  var tapeBase: UnsafeMutablePointer<JSONTapeEntry>
  var tapeCount = 0
  var tapeCapacity: Int
  /// The open arrays and objects, innermost last: for a recorded container its tape index
  /// times two plus one for an object, else ``unrecordedArray``/``unrecordedObject``
  /// (containers below ``recordDepth``). Bit 0 is set exactly for objects.
  var stackBase: UnsafeMutablePointer<Int>
  var stackCount = 0
  var stackCapacity: Int

  static let unrecordedArray = -2
  static let unrecordedObject = -1

  /// See ``JSONParser/validated``.
  let validated: Bool
  /// Where the value of each member named as one of ``CanonicalJSON/volatileKeys`` (raw
  /// spelling) starts, for the members of collapsed objects (one level below
  /// ``recordDepth``), in document order: what ``RawDigest`` leaves out of a manifest
  /// definition, found here at the cost of a length check per key.
  var volatileValueStarts: [UInt32] = []

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
    // Every value of a valid text takes at least two bytes but the last: reserving for that
    // means a full tape never regrows, and pages that stay unused are never touched, so
    // they cost address space, not memory. (Invalid input can need more: it grows.)
    let capacity = recordDepth == Int.max ? max(count - position, 0) / 2 + 2 : 1024
    self.tapeCapacity = min(capacity, JSONTapeEntry.maximumIndex)
    self.tapeBase = UnsafeMutablePointer<JSONTapeEntry>.allocate(capacity: tapeCapacity)
    self.stackCapacity = 64
    self.stackBase = UnsafeMutablePointer<Int>.allocate(capacity: stackCapacity)
  }

  deinit {
    tapeBase.deallocate()
    stackBase.deallocate()
  }

  /// True if a value starting now (at depth `stackCount`) goes on the tape.
  @inline(__always)
  var recording: Bool { stackCount <= recordDepth }

  // MARK: - Structure

  mutating func run() throws -> [JSONTapeEntry] {
    var index = skipWhitespace(from: position)
    if index >= count {
      throw error("expected a JSON value, found end of input (empty file?)", at: index)
    }
    expectValue: while true {
      // A value starts here.
      index = skipWhitespace(from: index)
      guard index < count else { throw endOfInput("expected a value") }
      let byte = buffer[index]
      switch byte {
      case UInt8(ascii: "\""):
        index = try readString(at: index)
      case UInt8(ascii: "{"):
        try open(.object, at: index)
        index = skipWhitespace(from: index + 1)
        if index < count, buffer[index] == UInt8(ascii: "}") {
          index = close(at: index)
        } else {
          index = try readKeyAndColon(from: index, first: true)
          continue expectValue
        }
      case UInt8(ascii: "["):
        try open(.array, at: index)
        index = skipWhitespace(from: index + 1)
        if index < count, buffer[index] == UInt8(ascii: "]") {
          index = close(at: index)
        } else {
          continue expectValue
        }
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        position = index
        try readNumber()
        index = position
      case UInt8(ascii: "t"):
        index = try readLiteral(at: index, kind: .true)
      case UInt8(ascii: "f"):
        index = try readLiteral(at: index, kind: .false)
      case UInt8(ascii: "n"):
        index = try readLiteral(at: index, kind: .null)
      default:
        throw error(
          "expected a value (object, array, string, number, true, false or null), found \(describe(byte))",
          at: index)
      }
      // After a complete value: close containers or move to the next member.
      while true {
        guard stackCount > 0 else {
          index = skipWhitespace(from: index)
          guard index == count else {
            throw error(
              "expected end of input after the top-level value, found \(describe(buffer[index]))",
              at: index)
          }
          return Array(UnsafeBufferPointer(start: tapeBase, count: tapeCount))
        }
        let isObject = stackBase[stackCount - 1] & 1 != 0
        index = skipWhitespace(from: index)
        guard index < count else {
          throw endOfInput(isObject ? "expected ',' or '}'" : "expected ',' or ']'")
        }
        let next = buffer[index]
        if isObject {
          if next == UInt8(ascii: ",") {
            index = try readKeyAndColon(from: index + 1, first: false)
            continue expectValue
          } else if next == UInt8(ascii: "}") {
            index = close(at: index)
          } else {
            throw error(
              "expected ',' or '}' after an object member, found \(describe(next))", at: index)
          }
        } else {
          if next == UInt8(ascii: ",") {
            index += 1
            continue expectValue
          } else if next == UInt8(ascii: "]") {
            index = close(at: index)
          } else {
            throw error(
              "expected ',' or ']' after an array element, found \(describe(next))", at: index)
          }
        }
      }
    }
  }

  /// Opens the array or object whose bracket is at `index`.
  @inline(__always)
  mutating func open(_ kind: JSONKind, at index: Int) throws {
    guard stackCount < maximumDepth else { throw depthError(at: index) }
    if stackCount == stackCapacity { growStack() }
    let isObject = kind == .object ? 1 : 0
    if recording {
      stackBase[stackCount] = tapeCount << 1 | isObject
      try append(JSONTapeEntry(kind: kind, start: index, end: index, flag: false, next: 0))
    } else {
      stackBase[stackCount] =
        isObject == 1 ? JSONScanner.unrecordedObject : JSONScanner.unrecordedArray
    }
    stackCount += 1
  }

  /// Closes the innermost container at its `]` or `}` at `index`; returns the index after
  /// it. A recorded container whose members were not recorded is flagged as collapsed.
  mutating func close(at index: Int) -> Int {
    guard stackCount > 0 else { return index + 1 }
    stackCount -= 1
    let top = stackBase[stackCount]
    guard top >= 0 else { return index + 1 }
    let entry = top >> 1
    let collapsed = stackCount + 1 > recordDepth
    tapeBase[entry] = JSONTapeEntry(
      kind: top & 1 != 0 ? .object : .array, start: Int(tapeBase[entry].start), end: index + 1,
      flag: collapsed, next: tapeCount)
    return index + 1
  }

  /// Reads `"key" :` from `start` (after `{` or `,`); returns the index after the colon.
  @inline(__always)
  mutating func readKeyAndColon(from start: Int, first: Bool) throws -> Int {
    var index = skipWhitespace(from: start)
    guard index < count, buffer[index] == UInt8(ascii: "\"") else {
      throw keyError(at: index, first: first)
    }
    let open = index
    index = try readString(at: index)
    let close = index - 1
    index = skipWhitespace(from: index)
    guard index < count, buffer[index] == UInt8(ascii: ":") else { throw colonError(at: index) }
    if stackCount == recordDepth &+ 1, JSONScanner.isVolatileKey(buffer, open + 1, close) {
      volatileValueStarts.append(UInt32(truncatingIfNeeded: index + 1))
    }
    return index + 1
  }

  /// True if `buffer[start..<end]` is one of ``CanonicalJSON/volatileKeys`` as written.
  @inline(__always)
  static func isVolatileKey(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool
  {
    let length = end - start
    // created_at, root_path, build_path, deferred, _event_status: 8 to 13 bytes.
    guard length >= 8, length <= 13, let base = buffer.baseAddress else { return false }
    return RawDigester.isVolatile(base + start, count: length)
  }

  /// The index of the first byte at or after `index` that is not whitespace (RFC 8259 §2),
  /// or `count`. No whitespace and a single space are handled inline; longer runs
  /// (indentation) out of line.
  @inline(__always)
  func skipWhitespace(from index: Int) -> Int {
    guard index < count else { return index }
    let byte = buffer[index]
    if byte > 0x20 { return index }
    if byte == 0x20, index + 1 < count, buffer[index + 1] > 0x20 { return index + 1 }
    return skipWhitespaceRun(from: index)
  }

  /// Skips a run of whitespace, eight spaces at a time where the run is all spaces.
  func skipWhitespaceRun(from start: Int) -> Int {
    var index = start
    while index < count {
      switch buffer[index] {
      case 0x20:
        if index + 8 <= count, let base = buffer.baseAddress,
          UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)
            == 0x2020_2020_2020_2020
        {
          index += 8
        } else {
          index += 1
        }
      case 0x0A, 0x0D, 0x09: index += 1
      default: return index
      }
    }
    return index
  }

  // MARK: - Tape and stack

  /// Appends an entry to the tape.
  @inline(__always)
  mutating func append(_ entry: JSONTapeEntry) throws {
    if tapeCount == tapeCapacity { try growTape() }
    (tapeBase + tapeCount).initialize(to: entry)
    tapeCount += 1
  }

  /// Appends a scalar's entry (its next sibling is the entry right after it).
  @inline(__always)
  mutating func appendScalar(kind: JSONKind, start: Int, end: Int, flag: Bool) throws {
    try append(JSONTapeEntry(kind: kind, start: start, end: end, flag: flag, next: tapeCount + 1))
  }

  /// Makes room for one more tape entry, or fails at the 2^28-values limit.
  mutating func growTape() throws {
    guard tapeCount < JSONTapeEntry.maximumIndex else {
      throw ArtifactError(file: name, reason: .tooLarge(limit: "2^28 JSON values per file"))
    }
    let capacity = min(max(tapeCapacity * 2, 1024), JSONTapeEntry.maximumIndex)
    let grown = UnsafeMutablePointer<JSONTapeEntry>.allocate(capacity: capacity)
    grown.moveInitialize(from: tapeBase, count: tapeCount)
    tapeBase.deallocate()
    tapeBase = grown
    tapeCapacity = capacity
  }

  /// Doubles the stack (its depth is bounded by `maximumDepth`, checked before a push).
  mutating func growStack() {
    let capacity = stackCapacity * 2
    let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
    grown.moveInitialize(from: stackBase, count: stackCount)
    stackBase.deallocate()
    stackBase = grown
    stackCapacity = capacity
  }

  // MARK: - Errors

  // The errors of the inlined structure paths are built out of line.

  @inline(never)
  func depthError(at index: Int) -> ArtifactError {
    error("nesting deeper than \(maximumDepth) levels", at: index)
  }

  /// No key where one must start, at `index` (or the end of input).
  @inline(never)
  func keyError(at index: Int, first: Bool) -> ArtifactError {
    guard index < count else { return endOfInput("expected a string key") }
    let found = describe(buffer[index])
    if first {
      return error("expected a string key or '}' in an object, found \(found)", at: index)
    }
    return error("expected a string key after ',' in an object, found \(found)", at: index)
  }

  /// No colon after a key, at `index` (or the end of input).
  @inline(never)
  func colonError(at index: Int) -> ArtifactError {
    guard index < count else { return endOfInput("expected ':' after an object key") }
    return error("expected ':' after an object key, found \(describe(buffer[index]))", at: index)
  }

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
    let depth = stackCount
    let suffix =
      depth > 0 ? " (input ends inside \(depth) unclosed array(s)/object(s): truncated file?)" : ""
    if let offset {
      return error("\(expected); found end of input\(suffix)", at: offset)
    }
    return error("\(expected), found end of input\(suffix)", at: count)
  }
}
