/// A JSON value kept as text: for open-ended dbt fields (`meta`, `config`, `kwargs`,
/// `adapter_response`, `args`...) and for whole node definitions.
///
/// The bytes are a slice of the artifact as read (no copy), so they may contain the
/// insignificant whitespace dbt writes (`", "`, `": "`); ``compactBytes`` and
/// ``compactText`` remove it (RFC 8259 §2) for storage, leaving strings untouched.
public struct RawJSON: Sendable, Hashable, CustomStringConvertible {
  /// The value's text as it appears in the artifact.
  public let bytes: ArraySlice<UInt8>

  /// Wraps JSON text. The bytes must be one valid JSON value (as produced by ``JSONValue/raw``).
  public init(bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
  }

  /// The text without insignificant whitespace.
  public var compactBytes: [UInt8] { RawJSON.compact(bytes) }

  /// ``compactBytes`` as a `String`: `{"a":[1,2]}`.
  public var compactText: String { String(decoding: compactBytes, as: UTF8.self) }

  /// True for the JSON literal `null`.
  public var isNull: Bool { bytes.elementsEqual("null".utf8) }

  /// True for `{}` (with or without whitespace inside).
  public var isEmptyObject: Bool {
    let compact = compactBytes
    return compact.count == 2 && compact[0] == UInt8(ascii: "{")
  }

  public var description: String { compactText }

  /// Parses the text again for structured access (the bytes are copied).
  public func parse(name: String = "<json>") throws -> JSONDocument {
    try JSONDocument(bytes: Array(bytes), name: name)
  }

  /// Copies `bytes` leaving out whitespace outside strings. The bytes are one valid JSON
  /// value, so string contents are copied in runs up to the next quote or backslash.
  static func compact(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    bytes.withUnsafeBufferPointer { input -> [UInt8] in
      guard let base = input.baseAddress else { return [] }
      return [UInt8](unsafeUninitializedCapacity: input.count) { output, written in
        guard let out = output.baseAddress else {
          written = 0
          return
        }
        var i = 0
        var o = 0
        let n = input.count
        while i < n {
          let byte = base[i]
          switch byte {
          case 0x20, 0x0A, 0x0D, 0x09:
            i += 1
          case UInt8(ascii: "\""):
            out[o] = byte
            o += 1
            i += 1
            // Copy the string's contents through its closing quote.
            while i < n {
              let c = base[i]
              out[o] = c
              o += 1
              i += 1
              if c == UInt8(ascii: "\"") { break }
              if c == UInt8(ascii: "\\"), i < n {
                out[o] = base[i]
                o += 1
                i += 1
              }
            }
          default:
            out[o] = byte
            o += 1
            i += 1
          }
        }
        written = o
      }
    }
  }
}
