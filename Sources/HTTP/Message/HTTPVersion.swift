/// The protocol version on a request or status line (RFC 9112 §2.3).
///
/// Related specification: <https://www.rfc-editor.org/rfc/rfc9112#section-2.3>
public struct HTTPVersion: Hashable, Sendable, CustomStringConvertible {
  /// The major version digit.
  public let major: Int
  /// The minor version digit.
  public let minor: Int

  /// A version from its two digits.
  public init(major: Int, minor: Int) {
    self.major = major
    self.minor = minor
  }

  /// "HTTP/1.1".
  public var description: String { "HTTP/\(major).\(minor)" }

  public static let http1_0 = HTTPVersion(major: 1, minor: 0)
  public static let http1_1 = HTTPVersion(major: 1, minor: 1)
}
