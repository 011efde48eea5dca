/// The `DateTime` form the API answers, RFC 3339 UTC with milliseconds
/// (`2026-03-02T05:30:58.903Z`), from the store's canonical timestamps (six fraction
/// digits: `2026-03-02T05:30:58.903629Z`). See https://www.rfc-editor.org/rfc/rfc3339
enum RunTimestamp {
  /// `stored` with its fraction cut (or padded) to three digits; nil for nil, and the text
  /// unchanged when it is not in the canonical `YYYY-MM-DDTHH:MM:SS[.f...]Z` form.
  static func milliseconds(_ stored: String?) -> String? {
    guard let stored else { return nil }
    let characters = Array(stored)
    guard characters.count >= 20, characters[10] == "T", characters.last == "Z" else {
      return stored
    }
    let seconds = String(characters[0..<19])
    var fraction = ""
    if characters[19] == "." {
      fraction = String(characters[20..<(characters.count - 1)].prefix(3))
      guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return stored }
    } else if characters.count != 20 {
      return stored
    }
    return seconds + "." + fraction.padding(toLength: 3, withPad: "0", startingAt: 0) + "Z"
  }
}
