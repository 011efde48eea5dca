import Foundation

/// JSON for `--json` output: sorted keys, slashes unescaped, one line.
enum JSONOutput {
  /// `object` (dictionaries, arrays, strings, numbers, `NSNull`) as one line of JSON.
  static func line(_ object: Any) -> String {
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return "null\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
