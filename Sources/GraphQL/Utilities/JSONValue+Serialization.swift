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
    var writer = JSONTextWriter()
    writer.write(self)
    return writer.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// Compact JSON text as UTF-8 bytes: what a response body needs, without the `String`
  /// in between (its UTF-8 check and the copy back to bytes cost a response's size twice).
  public func serializedBytes() -> [UInt8] {
    var writer = JSONTextWriter()
    writer.write(self)
    return writer.withBytes { Array($0) }
  }

  /// Appends the compact JSON text to `bytes`.
  public func write(to bytes: inout [UInt8]) {
    var writer = JSONTextWriter()
    writer.write(self)
    writer.withBytes { bytes.append(contentsOf: $0) }
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

  /// A double as JavaScript's `Number.prototype.toString` writes it (`3`, `1.5`, `1e+21`,
  /// `1e-7`); non-finite numbers are `null`, as in JSON.stringify.
  public static func javaScriptNumber(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == 0 { return "0" }
    if value.rounded() == value && abs(value) < 1e15 { return String(Int(value)) }
    // Swift's shortest form equals JavaScript's whenever it has no exponent ("12.25").
    let description = value.description
    // Looked for over the contiguous bytes: `utf8.contains` stepped through the generic
    // index a byte at a time (4% of a 100-run history's answer, one double per run).
    let hasExponent =
      description.utf8.withContiguousStorageIfAvailable {
        $0.contains(UInt8(ascii: "e"))
      } ?? description.utf8.contains(UInt8(ascii: "e"))
    if !hasExponent { return description }
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
