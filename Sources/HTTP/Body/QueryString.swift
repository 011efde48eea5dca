/// Decodes `application/x-www-form-urlencoded` query strings and percent-encoded text
/// (WHATWG URL Standard §5.1, the format of `GET /graphql?query=...&variables=...`).
///
/// Decoding never fails: as the URL Standard specifies, a `%` not followed by two hex
/// digits stays as it is, and bytes that are not valid UTF-8 become U+FFFD.
///
/// For example:
/// ```swift
/// QueryString.parse("query=%7B+a+%7D&x")  // [("query", "{ a }"), ("x", "")]
/// QueryString.value("query", in: "query=%7B+a+%7D")  // "{ a }"
/// ```
///
/// Related specification: <https://url.spec.whatwg.org/#urlencoded-parsing>
public enum QueryString {
  /// One decoded name/value pair.
  public struct Item: Sendable, Equatable {
    /// The decoded name.
    public let name: String
    /// The decoded value; empty for a bare `name`.
    public let value: String
    /// A pair.
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// The pairs of `query` (without the leading `?`) in order; empty segments are skipped
  /// and `+` decodes to a space.
  public static func parse(_ query: String) -> [Item] {
    query.utf8.split(separator: 0x26).compactMap { segment in
      guard !segment.isEmpty else { return nil }
      let bytes = Array(segment)
      if let equals = bytes.firstIndex(of: 0x3D) {
        return Item(
          name: decode(bytes[..<equals], plusAsSpace: true),
          value: decode(bytes[(equals + 1)...], plusAsSpace: true))
      }
      return Item(name: decode(bytes[...], plusAsSpace: true), value: "")
    }
  }

  /// The value of the first pair named `name`, or `nil` when there is none.
  public static func value(_ name: String, in query: String) -> String? {
    parse(query).first { $0.name == name }?.value
  }

  /// Percent-decodes `text` (a path segment, say); with `plusAsSpace`, `+` becomes a space
  /// as in form encoding.
  public static func percentDecode(_ text: String, plusAsSpace: Bool = false) -> String {
    decode(Array(text.utf8)[...], plusAsSpace: plusAsSpace)
  }

  private static func decode(_ bytes: ArraySlice<UInt8>, plusAsSpace: Bool) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == 0x25, index + 2 < bytes.endIndex,
        let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
      {
        output.append(high << 4 | low)
        index += 3
        continue
      }
      output.append(plusAsSpace && byte == 0x2B ? 0x20 : byte)
      index += 1
    }
    return String(decoding: output, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
  }
}
