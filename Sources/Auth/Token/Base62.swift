/// The base62 alphabet of tokens (`0-9A-Za-z`): no punctuation, so a token is one word
/// that survives copying, URLs and shell quoting.
enum Base62 {
  /// The 62 digits, in value order.
  static let digits: [UInt8] = Array(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

  /// The value of one digit, or `nil` for a byte outside the alphabet.
  static func value(of byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A")) + 10
    case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a")) + 36
    default: nil
    }
  }

  /// `value` as exactly `width` digits, most significant first (62^6 > 2^32, so six
  /// digits hold any CRC-32).
  static func encode(_ value: UInt32, width: Int) -> [UInt8] {
    var digits = [UInt8](repeating: Base62.digits[0], count: width)
    var rest = UInt64(value)
    for index in stride(from: width - 1, through: 0, by: -1) {
      digits[index] = Base62.digits[Int(rest % 62)]
      rest /= 62
    }
    return digits
  }

  /// The value of `digits`, or `nil` when one is outside the alphabet.
  static func decode<Digits: Sequence>(_ digits: Digits) -> UInt64? where Digits.Element == UInt8 {
    var value: UInt64 = 0
    for byte in digits {
      guard let digit = Base62.value(of: byte) else { return nil }
      let (shifted, overflow) = value.multipliedReportingOverflow(by: 62)
      guard !overflow else { return nil }
      value = shifted + UInt64(digit)
    }
    return value
  }
}
