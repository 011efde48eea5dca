import Foundation

/// The growing byte buffer JSON text is written into: one allocation doubled as needed,
/// with appends that are a bounds check and a copy.
///
/// The buffer is the C allocator's (`malloc`/`realloc`/`free`): a large buffer grows by
/// `realloc`, which can keep its pages (glibc moves a large block with `mremap`) where a
/// new allocation and a copy touch fresh memory at every doubling. Writes into fresh
/// buffer pages were 75% of a 2.8 MB answer's page faults (`perf record -e page-faults`);
/// growing by `realloc` halved the faults (`benchmarks/README.md`, Metadata API).
///
/// Why: written into a `[UInt8]`, every piece of a response (a brace, a key, a number) paid
/// for the array's uniqueness and capacity checks; for a response of millions of pieces
/// that was a third of serializing it.
///
/// See https://spec.graphql.org/September2025/#sec-Serialization-Format
struct JSONTextWriter: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// The bytes written so far.
  private(set) var count = 0
  /// Key arrays met more than once in this value, written out (`"key":` one after the
  /// other, and where each ends), by their buffer's address and count. The executor gives
  /// every object of a list one shared key array, so a list of objects writes each key's
  /// bytes from here instead of scanning it for escapes again. An address identifies its
  /// keys only while their array is alive, which the value being written guarantees for
  /// the whole ``write(_:)`` call of the top value: each such call starts with none kept.
  private var keyEntries: [KeyEntry] = []
  /// Key arrays written directly once (a second sighting keeps them in ``keyEntries``).
  private var seenKeys: [(address: UnsafeRawPointer, count: Int)] = []
  /// The depth of ``write(_:)`` calls (0 outside any).
  private var depth = 0

  /// One kept key array: its identity, and its keys written out in memory this writer
  /// owns (freed when the entry is dropped), so reading an entry retains nothing.
  private struct KeyEntry {
    let address: UnsafeRawPointer
    let count: Int
    let text: UnsafeMutableBufferPointer<UInt8>
    let ends: UnsafeMutableBufferPointer<Int>

    func free() {
      text.deallocate()
      ends.deallocate()
    }
  }

  /// The most key arrays kept, and seen once, at a time (objects nest a few types deep).
  private static let maximumKeyEntries = 8

  /// An empty writer with room for `capacity` bytes before it grows.
  init(capacity: Int = 1024) {
    self.capacity = max(16, capacity)
    base = Self.allocate(self.capacity)
  }

  deinit {
    free(base)
    for entry in keyEntries { entry.free() }
  }

  /// Calls `body` with the text written so far.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
    -> Result
  {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  @inline(never)
  private mutating func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    guard let grown = realloc(base, newCapacity) else {
      // Memory exhausted (not input: the request limits bound an answer), where Swift's own
      // allocation would stop the process the same way.
      fatalError("JSONTextWriter: cannot allocate \(newCapacity) bytes")
    }
    base = grown.assumingMemoryBound(to: UInt8.self)
    capacity = newCapacity
  }

  /// `capacity` bytes from `malloc` (so ``grow(to:)`` may `realloc` them).
  private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
    guard let memory = malloc(capacity) else {
      fatalError("JSONTextWriter: cannot allocate \(capacity) bytes")
    }
    return memory.assumingMemoryBound(to: UInt8.self)
  }

  /// Appends one byte.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  /// Appends bytes.
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, bytes.count > 0 else { return }
    reserve(bytes.count)
    (base + count).initialize(from: source, count: bytes.count)
    count += bytes.count
  }

  /// Appends an ASCII literal such as `null`.
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append($0) }
  }

  /// Appends the UTF-8 of `text` as it is.
  mutating func append(utf8 text: String) {
    let copied: Void? = text.utf8.withContiguousStorageIfAvailable { append($0) }
    if copied == nil {
      var text = text
      text.withUTF8 { append($0) }
    }
  }

  /// Writes `value` as compact JSON text.
  mutating func write(_ value: JSONValue) {
    if depth == 0 {
      for entry in keyEntries { entry.free() }
      keyEntries.removeAll(keepingCapacity: true)
      seenKeys.removeAll(keepingCapacity: true)
    }
    depth += 1
    defer { depth -= 1 }
    writeValue(value)
  }

  private mutating func writeValue(_ value: JSONValue) {
    switch value {
    case .null: append("null")
    case .bool(let flag): flag ? append("true") : append("false")
    case .int(let number): write(number)
    case .double(let number): append(utf8: JSONValue.javaScriptNumber(number))
    case .string(let text): write(text)
    case .list(let elements):
      append(UInt8(ascii: "["))
      // Elements read in place: iterating or subscripting the array copied (retained)
      // each one.
      elements.withUnsafeBufferPointer { elements in
        for index in elements.indices {
          if index > 0 { append(UInt8(ascii: ",")) }
          writeValue(elements[index])
        }
      }
      append(UInt8(ascii: "]"))
    case .object(let object):
      writeObject(keys: object.keys, values: object.values)
    }
  }

  private mutating func writeObject(keys: [String], values: [JSONValue]) {
    append(UInt8(ascii: "{"))
    let address = keys.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    values.withUnsafeBufferPointer { values in
      if let address, let entry = keyEntry(keys, address: address) {
        var start = 0
        for index in 0..<min(entry.count, values.count) {
          if index > 0 { append(UInt8(ascii: ",")) }
          let end = entry.ends[index]
          append(UnsafeBufferPointer(rebasing: entry.text[start..<end]))
          start = end
          writeValue(values[index])
        }
      } else {
        for index in 0..<min(keys.count, values.count) {
          if index > 0 { append(UInt8(ascii: ",")) }
          write(keys[index])
          append(UInt8(ascii: ":"))
          writeValue(values[index])
        }
      }
    }
    append(UInt8(ascii: "}"))
  }

  /// The written `keys` (whose buffer is at `address`): kept ones, or made and kept when
  /// the same array comes a second time; nil for an array met once.
  private mutating func keyEntry(_ keys: [String], address: UnsafeRawPointer) -> KeyEntry? {
    let count = keys.count
    for entry in keyEntries where entry.address == address && entry.count == count {
      return entry
    }
    guard let seen = seenKeys.firstIndex(where: { $0.address == address && $0.count == count })
    else {
      if seenKeys.count >= Self.maximumKeyEntries { seenKeys.removeFirst() }
      seenKeys.append((address, count))
      return nil
    }
    seenKeys.remove(at: seen)
    var text = JSONTextWriter(capacity: 64)
    var ends: [Int] = []
    ends.reserveCapacity(count)
    for name in keys {
      text.write(name)
      text.append(UInt8(ascii: ":"))
      ends.append(text.count)
    }
    let entry = KeyEntry(
      address: address, count: count,
      text: text.withBytes { bytes in
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = copy.initialize(fromContentsOf: bytes)
        return copy
      },
      ends: {
        let copy = UnsafeMutableBufferPointer<Int>.allocate(capacity: ends.count)
        _ = copy.initialize(fromContentsOf: ends)
        return copy
      }())
    if keyEntries.count >= Self.maximumKeyEntries { keyEntries.removeFirst().free() }
    keyEntries.append(entry)
    return entry
  }

  /// Writes an integer in decimal.
  mutating func write(_ value: Int) {
    if value >= 0 && value < 10 {
      append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    // At most 20 characters (Int.min's sign and 19 digits), written backwards in place.
    reserve(20)
    var magnitude = value.magnitude
    var digits = 0
    var scratch = magnitude
    repeat {
      digits += 1
      scratch /= 10
    } while scratch > 0
    let length = digits + (value < 0 ? 1 : 0)
    var position = count + length
    repeat {
      position -= 1
      base[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
      magnitude /= 10
    } while magnitude > 0
    if value < 0 { base[count] = UInt8(ascii: "-") }
    count += length
  }

  /// Writes a JSON string literal with JSON.stringify's escapes.
  mutating func write(_ text: String) {
    append(UInt8(ascii: "\""))
    // Fast path: most strings need no escape and are copied whole, scanned over their
    // contiguous UTF-8 (native strings, small ones included, always have it), read in
    // place (`withUTF8` would copy the string, a retain and a release each).
    let copied =
      text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
        if JSONValue.needsEscape(utf8) { return false }
        append(utf8)
        return true
      }
      ?? {
        var text = text
        return text.withUTF8 { utf8 -> Bool in
          if JSONValue.needsEscape(utf8) { return false }
          append(utf8)
          return true
        }
      }()
    if !copied { writeEscaped(text) }
    append(UInt8(ascii: "\""))
  }

  /// The body of a string literal with JSON.stringify's escapes.
  private mutating func writeEscaped(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      // Runs of bytes that need no escape are copied whole.
      var start = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
        if start < index { append(UnsafeBufferPointer(rebasing: utf8[start..<index])) }
        writeEscape(byte)
        start = index + 1
      }
      if start < utf8.count { append(UnsafeBufferPointer(rebasing: utf8[start...])) }
    }
  }

  /// The escape of one byte below 0x20, a quote or a backslash.
  private mutating func writeEscape(_ byte: UInt8) {
    let hex: StaticString = "0123456789abcdef"
    switch byte {
    case UInt8(ascii: "\""): append(#"\""#)
    case UInt8(ascii: "\\"): append(#"\\"#)
    case 0x08: append(#"\b"#)
    case 0x0C: append(#"\f"#)
    case 0x0A: append(#"\n"#)
    case 0x0D: append(#"\r"#)
    case 0x09: append(#"\t"#)
    default:
      append(#"\u00"#)
      hex.withUTF8Buffer { digits in
        append(digits[Int(byte >> 4)])
        append(digits[Int(byte & 0xF)])
      }
    }
  }
}
