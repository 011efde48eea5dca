/// Why gzip data could not be decompressed or compressed.
public enum GzipError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The data is not gzip (wrong magic bytes or header), or is corrupt; zlib's message.
  case corrupt(String)
  /// The data ends before the gzip trailer.
  case truncated
  /// Decompressing would produce more than `limit` bytes (a "zip bomb" is refused here).
  case tooLarge(limit: Int)
  /// zlib failed for another reason (out of memory); the zlib return code.
  case zlib(code: Int32)
  /// A request's `Content-Encoding` is neither gzip nor identity (answer 415, RFC 9110
  /// §15.5.16).
  case unsupportedCoding(String)

  public var description: String {
    switch self {
    case .corrupt(let message): "gzip data is corrupt: \(message)"
    case .truncated: "gzip data is truncated"
    case .tooLarge(let limit): "gzip data decompresses to more than \(limit) bytes"
    case .zlib(let code): "zlib failed with code \(code)"
    case .unsupportedCoding(let coding): "unsupported content coding \(coding)"
    }
  }
}
