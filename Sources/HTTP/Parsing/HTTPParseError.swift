/// Why a request could not be read: the status to answer with and a one-line reason.
///
/// Every protocol error closes the connection after its response (`Connection: close`),
/// since the framing of anything that follows can no longer be trusted (RFC 9112 §6.3).
public struct HTTPParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// 400, 408, 413, 414, 417, 431, 501 or 505.
  public let status: HTTPStatus
  /// What was wrong, e.g. "header field without a colon on line 3".
  public let reason: String

  /// An error answered with `status`.
  public init(_ status: HTTPStatus, _ reason: String) {
    self.status = status
    self.reason = reason
  }

  /// "400 Bad Request: header field without a colon on line 3".
  public var description: String { "\(status): \(reason)" }
}
