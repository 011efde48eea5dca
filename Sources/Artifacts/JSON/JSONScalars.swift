/// Decoding of JSON string and number tokens (RFC 8259 §6 and §7), used lazily by ``JSONValue``.
enum JSONScalars {
  /// The value of one hex digit, or nil.
  @inline(__always)
  static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  /// Decodes the contents of a validated string token (between the quotes).
  ///
  /// Without escapes the bytes are already valid UTF-8 (the parser checked them) and become a
  /// `String` directly. With escapes, `\uXXXX` pairs are joined into supplementary scalars;
  /// a lone surrogate (allowed by the grammar, RFC 8259 §8.2) becomes U+FFFD.
  static func decodeString(_ bytes: ArraySlice<UInt8>, escaped: Bool) -> String {
    if !escaped { return String(decoding: bytes, as: UTF8.self) }
    return String(decoding: unescape(bytes), as: UTF8.self)
  }

  /// The UTF-8 bytes a string token stands for.
  static func unescape(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    let end = bytes.endIndex
    while index < end {
      let byte = bytes[index]
      guard byte == UInt8(ascii: "\\"), index + 1 < end else {
        output.append(byte)
        index += 1
        continue
      }
      let code = bytes[index + 1]
      index += 2
      switch code {
      case UInt8(ascii: "b"): output.append(0x08)
      case UInt8(ascii: "f"): output.append(0x0C)
      case UInt8(ascii: "n"): output.append(0x0A)
      case UInt8(ascii: "r"): output.append(0x0D)
      case UInt8(ascii: "t"): output.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = readHex4(bytes, at: index) ?? 0xFFFD
        index += 4
        if (0xD800...0xDBFF).contains(scalar) {
          // A high surrogate must be followed by "\u" and a low surrogate.
          if index + 5 < end, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u"),
            let low = readHex4(bytes, at: index + 2), (0xDC00...0xDFFF).contains(low)
          {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            index += 6
          } else {
            scalar = 0xFFFD
          }
        } else if (0xDC00...0xDFFF).contains(scalar) {
          scalar = 0xFFFD
        }
        appendUTF8(scalar, to: &output)
      default: output.append(code)  // \" \\ \/
      }
    }
    return output
  }

  static func readHex4(_ bytes: ArraySlice<UInt8>, at index: Int) -> UInt32? {
    guard index + 4 <= bytes.endIndex else { return nil }
    var value: UInt32 = 0
    for offset in 0..<4 {
      guard let digit = hexValue(bytes[index + offset]) else { return nil }
      value = value << 4 | digit
    }
    return value
  }

  static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      output.append(UInt8(scalar))
    case 0x80..<0x800:
      output.append(UInt8(0xC0 | (scalar >> 6)))
      output.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
      output.append(UInt8(0xE0 | (scalar >> 12)))
      output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      output.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
      output.append(UInt8(0xF0 | (scalar >> 18)))
      output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
      output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      output.append(UInt8(0x80 | (scalar & 0x3F)))
    }
  }

  /// An integer token as `Int`, or nil when it has a fraction/exponent or overflows.
  static func parseInt(_ bytes: ArraySlice<UInt8>) -> Int? {
    var index = bytes.startIndex
    guard index < bytes.endIndex else { return nil }
    let negative = bytes[index] == UInt8(ascii: "-")
    if negative { index += 1 }
    guard index < bytes.endIndex else { return nil }
    var value = 0
    while index < bytes.endIndex {
      let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
      guard digit >= 0, digit <= 9 else { return nil }
      let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (next, overflow2) =
        negative
        ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
      guard !overflow1, !overflow2 else { return nil }
      value = next
      index += 1
    }
    return value
  }

  /// A number token as `Double` (nearest representable value).
  static func parseDouble(_ bytes: ArraySlice<UInt8>) -> Double? {
    Double(String(decoding: bytes, as: UTF8.self))
  }
}
