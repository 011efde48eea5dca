import Foundation

/// The `DateTime` form the API answers: RFC 3339 UTC with milliseconds
/// (`2023-03-06T17:02:01.216Z`), as dbt Cloud's Metadata API does.
///
/// The store keeps timestamps canonical (`2023-03-06T17:02:01.216394Z`, six fraction
/// digits), so the common case is cutting the fraction to three digits (truncating, as
/// the engine's `Date` formatting does); any other RFC 3339 spelling is parsed and
/// re-formatted. See https://www.rfc-editor.org/rfc/rfc3339#section-5.6
enum DateTimeText {
  /// `text` in the API's form; nil for nil or text that is not a date-time.
  static func milliseconds(_ text: String?) -> String? {
    guard let text else { return nil }
    let bytes = Array(text.utf8)
    if bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes.last == UInt8(ascii: "Z"),
      bytes[4] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: ":")
    {
      var digits = ""
      if bytes.count > 20, bytes[19] == UInt8(ascii: ".") {
        digits = String(decoding: bytes[20..<(bytes.count - 1)].prefix(3), as: UTF8.self)
      } else if bytes.count != 20 {
        return reformatted(text)
      }
      guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
        return reformatted(text)
      }
      return String(decoding: bytes[0..<19], as: UTF8.self) + "."
        + digits.padding(toLength: 3, withPad: "0", startingAt: 0) + "Z"
    }
    return reformatted(text)
  }

  /// Parses any RFC 3339 spelling (an offset, no fraction, a space for `T`) and formats
  /// it in UTC with milliseconds.
  private static func reformatted(_ text: String) -> String? {
    let normalized = text.replacingOccurrences(of: " ", with: "T")
    let parser = ISO8601DateFormatter()
    parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    var date = parser.date(from: normalized)
    if date == nil {
      parser.formatOptions = [.withInternetDateTime]
      date = parser.date(from: normalized)
    }
    guard let date else { return nil }
    let printer = ISO8601DateFormatter()
    printer.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    printer.timeZone = TimeZone(identifier: "UTC")
    return printer.string(from: date)
  }
}
