/// A JSON string left undecoded until asked for: for large texts (SQL, macro bodies,
/// compiled code) that most ingest paths store without looking at them, so a manifest's
/// memory stays close to its file size.
struct LazyString: Sendable {
  /// The string token's contents between the quotes, as written.
  let bytes: ArraySlice<UInt8>
  /// True if the contents have backslash escapes to decode.
  let escaped: Bool

  var value: String { JSONScalars.decodeString(bytes, escaped: escaped) }

  init?(_ value: JSONValue?) {
    guard let value, value.kind == .string else { return nil }
    let entry = value.entry
    self.bytes = value.document.bytes[Int(entry.start)..<Int(entry.end)]
    self.escaped = entry.flag
  }
}
