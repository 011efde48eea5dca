/// The contents of a JSON string token as a byte range of the artifact: 12 bytes instead
/// of a decoded `String` (or a 40-byte slice), for texts a definition keeps but rarely reads.
struct TextRange: Sendable {
  let start: UInt32
  let end: UInt32
  /// True if the contents have backslash escapes to decode.
  let escaped: Bool

  /// The range of `value` if it is a string, else nil.
  init?(_ value: JSONValue?) {
    guard let value, value.kind == .string else { return nil }
    let entry = value.entry
    self.start = entry.start
    self.end = entry.end
    self.escaped = entry.flag
  }
}

extension ArraySlice where Element == UInt8 {
  /// The bytes of `range`, which indexes the same buffer as this slice (slices keep the
  /// indices of the array they come from).
  func base(_ range: TextRange) -> ArraySlice<UInt8> {
    base(start: range.start, end: range.end)
  }

  /// The bytes from `start` to `end` of the buffer this slice indexes, clamped to the slice.
  func base(start: UInt32, end: UInt32) -> ArraySlice<UInt8> {
    let lower = Swift.max(startIndex, Int(start))
    let upper = Swift.min(endIndex, Swift.max(lower, Int(end)))
    return self[lower..<upper]
  }
}
