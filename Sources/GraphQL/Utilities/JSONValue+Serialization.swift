/// JSON text for a ``JSONValue``, as JavaScript's `JSON.stringify` writes it.
///
/// Matching the reference implementation's text (numbers in JavaScript's shortest form,
/// `1e+21`, `0.000001`, non-ASCII characters unescaped) lets golden files recorded with
/// graphql-js compare byte for byte.
///
/// See https://spec.graphql.org/September2025/#sec-Serialization-Format and
/// https://tc39.es/ecma262/#sec-numeric-types-number-tostring
extension JSONValue {
  /// Compact JSON text (no whitespace), members in order.
  public func serialized() -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(256)
    write(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the compact JSON text to `bytes`.
  public func write(to bytes: inout [UInt8]) {
    switch self {
    case .null: bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    case .bool(let value):
      if value {
        bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
      } else {
        bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
      }
    case .int(let value): JSONValue.writeInt(value, to: &bytes)
    case .double(let value): bytes.append(contentsOf: JSONValue.javaScriptNumber(value).utf8)
    case .string(let value): JSONValue.writeString(value, to: &bytes)
    case .list(let elements):
      bytes.append(UInt8(ascii: "["))
      var first = true
      for element in elements {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        element.write(to: &bytes)
      }
      bytes.append(UInt8(ascii: "]"))
    case .object(let object):
      bytes.append(UInt8(ascii: "{"))
      for index in 0..<object.keys.count {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        JSONValue.writeString(object.keys[index], to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        object.values[index].write(to: &bytes)
      }
      bytes.append(UInt8(ascii: "}"))
    }
  }

  static func writeInt(_ value: Int, to bytes: inout [UInt8]) {
    if value >= 0 && value < 10 {
      bytes.append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    if value == Int.min {
      bytes.append(contentsOf: String(value).utf8)
      return
    }
    // Digits written backwards into a small buffer, then copied: no String allocation.
    var magnitude = value < 0 ? -value : value
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      while magnitude > 0 {
        buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      }
      if value < 0 {
        buffer[23 - count] = UInt8(ascii: "-")
        count += 1
      }
      bytes.append(contentsOf: buffer[(24 - count)...])
    }
  }

  /// Writes a JSON string literal with JSON.stringify's escapes.
  static func writeString(_ value: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    // Fast path: most strings need no escape and are copied whole, scanned over their
    // contiguous UTF-8 (native strings, small ones included, always have it).
    let copied: Bool? = value.utf8.withContiguousStorageIfAvailable { utf8 in
      if needsEscape(utf8) { return false }
      bytes.append(contentsOf: utf8)
      return true
    }
    if copied == true {
      bytes.append(UInt8(ascii: "\""))
      return
    }
    writeEscaped(value, to: &bytes)
    bytes.append(UInt8(ascii: "\""))
  }

  /// Whether any byte needs an escape (a control character, `"` or `\\`), eight bytes at
  /// a time: the word tests report exactly whether some byte of the word is below 0x20 or
  /// equals 0x22 or 0x5C (bytes of multi-byte UTF-8 sequences, all 0x80 or above, never do).
  static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = utf8.baseAddress else { return false }
    let count = utf8.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var offset = 0
    while offset + 8 <= count {
      let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      let quote = word ^ (ones &* 0x22)
      let backslash = word ^ (ones &* 0x5C)
      let control = (word &- ones &* 0x20) & ~word
      let quotes = (quote &- ones) & ~quote
      let backslashes = (backslash &- ones) & ~backslash
      if (control | quotes | backslashes) & highs != 0 { return true }
      offset += 8
    }
    while offset < count {
      let byte = base[offset]
      if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
      offset += 1
    }
    return false
  }

  /// The body of a string literal, byte by byte, with JSON.stringify's escapes.
  private static func writeEscaped(_ value: String, to bytes: inout [UInt8]) {
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
      case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
      case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0..<0x20:
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [
          0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
        ])
      default: bytes.append(byte)
      }
    }
  }

  /// A double as JavaScript's `Number.prototype.toString` writes it (`3`, `1.5`, `1e+21`,
  /// `1e-7`); non-finite numbers are `null`, as in JSON.stringify.
  public static func javaScriptNumber(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == 0 { return "0" }
    if value.rounded() == value && abs(value) < 1e15 { return String(Int(value)) }
    // Swift's shortest form equals JavaScript's whenever it has no exponent ("12.25").
    let description = value.description
    if !description.utf8.contains(UInt8(ascii: "e")) { return description }
    // Swift's description is the shortest round-tripping digits; re-lay them out per ECMA-262.
    let text = String(value.magnitude)
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[text.startIndex..<e]
      exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    var digits = ""
    var pointPosition = 0
    if let dot = mantissa.firstIndex(of: ".") {
      let integerPart = mantissa[mantissa.startIndex..<dot]
      let fractionPart = mantissa[mantissa.index(after: dot)...]
      digits = String(integerPart) + String(fractionPart)
      pointPosition = integerPart.count
    } else {
      digits = String(mantissa)
      pointPosition = mantissa.count
    }
    // Strip leading zeros (moving the point) and trailing zeros.
    while digits.hasPrefix("0") && digits.count > 1 {
      digits.removeFirst()
      pointPosition -= 1
    }
    while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
    let k = digits.count
    let n = pointPosition + exponent
    let sign = value < 0 ? "-" : ""
    if k <= n && n <= 21 {
      return sign + digits + String(repeating: "0", count: n - k)
    }
    if 0 < n && n <= 21 {
      let index = digits.index(digits.startIndex, offsetBy: n)
      return sign + digits[..<index] + "." + digits[index...]
    }
    if -6 < n && n <= 0 {
      return sign + "0." + String(repeating: "0", count: -n) + digits
    }
    let e = n - 1
    let exponentText = e < 0 ? "e-\(-e)" : "e+\(e)"
    if k == 1 { return sign + digits + exponentText }
    return sign + String(digits.prefix(1)) + "." + String(digits.dropFirst()) + exponentText
  }
}

extension JSONValue: CustomStringConvertible {
  /// The compact JSON text.
  public var description: String { serialized() }
}
