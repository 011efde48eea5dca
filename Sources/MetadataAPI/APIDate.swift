import Foundation

/// Timestamps as the API's `DateTime` scalar serves them: RFC 3339 UTC with milliseconds
/// (`2023-03-06T17:02:01.216Z`), from the store's canonical text (microseconds, `Z`) or
/// any RFC 3339 / ISO 8601 text an artifact wrote (`deprecation_date`).
enum APIDate {
  /// The text in the API's form, or nil when absent or unreadable.
  static func dateTime(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    let bytes = Array(text.utf8)
    // Fast path: the store's canonical `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    if bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes.last == UInt8(ascii: "Z"),
      bytes[19] == UInt8(ascii: ".") || bytes.count == 20
    {
      let fraction = bytes.count > 20 ? Array(bytes[20..<(bytes.count - 1)]) : []
      if fraction.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
        let millis = (fraction + [48, 48, 48]).prefix(3)
        return String(decoding: bytes[0..<19], as: UTF8.self) + "."
          + String(decoding: millis, as: UTF8.self) + "Z"
      }
    }
    guard let date = parse(text) else { return nil }
    let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date(timeIntervalSince1970: milliseconds / 1000))
  }

  /// Parses RFC 3339 text with or without fractional seconds or zone (no zone: UTC), and a
  /// space instead of `T`.
  static func parse(_ text: String) -> Date? {
    var text = text.replacingOccurrences(of: " ", with: "T")
    if text.count == 10 { text += "T00:00:00" }
    let hasZone =
      text.hasSuffix("Z") || text.dropFirst(19).contains("+") || text.dropFirst(19).contains("-")
    if !hasZone { text += "Z" }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }
}
