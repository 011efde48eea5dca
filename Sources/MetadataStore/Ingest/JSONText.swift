import Artifacts
import Foundation

/// Small JSON writers for the few values the store serializes itself (string lists);
/// everything else is stored as the artifact wrote it (``Artifacts/RawJSON``).
enum JSONText {
  /// `["a","b"]` with RFC 8259 string escapes.
  static func array(_ items: [String]) -> String {
    var text = "["
    for (index, item) in items.enumerated() {
      if index > 0 { text += "," }
      appendString(item, to: &text)
    }
    return text + "]"
  }

  /// Appends `value` as a JSON string literal (RFC 8259 §7).
  static func appendString(_ value: String, to text: inout String) {
    // Fast path: most names and tags need no escaping.
    if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      text += "\""
      text += value
      text += "\""
      return
    }
    text += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case let control where control.value < 0x20:
        let hex = String(control.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }

  /// The compact text of a raw value, or nil for a missing value or JSON `null`.
  static func compact(_ raw: RawJSON?) -> String? {
    guard let raw, !raw.isNull else { return nil }
    return raw.compactText
  }

  /// A JSON scalar read as an integer (`12`, `12.0`, `"12"`), for catalog stats.
  static func integer(_ raw: RawJSON?) -> Int64? {
    guard let raw else { return nil }
    var text = String(decoding: raw.bytes, as: UTF8.self)
    text = text.trimmingCharacters(in: .whitespaces)
    if text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 {
      text = String(text.dropFirst().dropLast())
    }
    if let value = Int64(text) { return value }
    if let value = Double(text), value.isFinite, abs(value) < 9.0e18 { return Int64(value) }
    return nil
  }
}
