/// The growing byte buffer JSON text is written into: one allocation doubled as needed,
/// with appends that are a bounds check and a copy.
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

  /// An empty writer with room for `capacity` bytes before it grows.
  init(capacity: Int = 1024) {
    self.capacity = max(16, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

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
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.initialize(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
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
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Writes `value` as compact JSON text.
  mutating func write(_ value: JSONValue) {
    switch value {
    case .null: append("null")
    case .bool(let flag): flag ? append("true") : append("false")
    case .int(let number): write(number)
    case .double(let number): append(utf8: JSONValue.javaScriptNumber(number))
    case .string(let text): write(text)
    case .list(let elements):
      append(UInt8(ascii: "["))
      var first = true
      for element in elements {
        if !first { append(UInt8(ascii: ",")) }
        first = false
        write(element)
      }
      append(UInt8(ascii: "]"))
    case .object(let object):
      append(UInt8(ascii: "{"))
      let keys = object.keys
      let values = object.values
      for index in 0..<keys.count {
        if index > 0 { append(UInt8(ascii: ",")) }
        write(keys[index])
        append(UInt8(ascii: ":"))
        write(values[index])
      }
      append(UInt8(ascii: "}"))
    }
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
    // contiguous UTF-8 (native strings, small ones included, always have it).
    var text = text
    let copied = text.withUTF8 { utf8 -> Bool in
      if JSONValue.needsEscape(utf8) { return false }
      append(utf8)
      return true
    }
    if !copied { writeEscaped(text) }
    append(UInt8(ascii: "\""))
  }

  /// The body of a string literal, byte by byte, with JSON.stringify's escapes.
  private mutating func writeEscaped(_ text: String) {
    let hex: StaticString = "0123456789abcdef"
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): append(#"\""#)
      case UInt8(ascii: "\\"): append(#"\\"#)
      case 0x08: append(#"\b"#)
      case 0x0C: append(#"\f"#)
      case 0x0A: append(#"\n"#)
      case 0x0D: append(#"\r"#)
      case 0x09: append(#"\t"#)
      case 0..<0x20:
        append(#"\u00"#)
        hex.withUTF8Buffer { digits in
          append(digits[Int(byte >> 4)])
          append(digits[Int(byte & 0xF)])
        }
      default: append(byte)
      }
    }
  }
}
