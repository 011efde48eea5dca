/// Where a JSON value's text sits in the artifact: 8 bytes (12 as an optional) instead of
/// a 32-byte ``RawJSON`` slice that holds a reference to the artifact's bytes. Definitions
/// keep several such parts (``ManifestNode/meta``, `fqn`, `tags`...) and are copied as
/// they are stored, so each slice would cost a reference count on the one shared buffer.
struct JSONRange: Sendable {
  let start: UInt32
  let end: UInt32

  /// The range of `value`'s text (strings with their quotes); nil for nil or `null`, as
  /// ``JSONValue/rawJSON(_:)`` reads it.
  init?(_ value: JSONValue?) {
    guard let value, !value.isNull else { return nil }
    let entry = value.entry
    let quote: UInt32 = entry.kind == .string ? 1 : 0
    self.start = entry.start - quote
    self.end = entry.end + quote
  }
}

extension ArraySlice where Element == UInt8 {
  /// The bytes of `range`, which indexes the same buffer as this slice (slices keep the
  /// indices of the array they come from).
  func base(_ range: JSONRange) -> ArraySlice<UInt8> {
    base(start: range.start, end: range.end)
  }
}
