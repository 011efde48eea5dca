/// A response a handler returns: status, header fields and the whole body.
///
/// The server adds `Content-Length`, `Date` and, when it will close the connection,
/// `Connection: close`; it sends no body bytes for a HEAD request or a 1xx/204/304
/// status (RFC 9110 §9.3.2 and §6.4.1) but still reports the length a GET would have had.
///
/// ``logAnnotations`` never reach the client: they are passed to the access log hook,
/// which is how a route adds, for example, the id of the token that authorized the
/// request without the HTTP layer knowing what a token is.
///
/// For example:
/// ```swift
/// HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: Array("hi".utf8))
/// ```
public struct HTTPResponse: Sendable, Equatable {
  /// The status.
  public var status: HTTPStatus
  /// Header fields; `Content-Length`, `Transfer-Encoding` and `Connection` set here are
  /// replaced by the server's own.
  public var headers: HTTPHeaders
  /// The content.
  public var body: [UInt8]
  /// Key/value pairs for the access log only (for example `["token": "17"]`).
  public var logAnnotations: [String: String]

  /// A response.
  public init(
    status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [],
    logAnnotations: [String: String] = [:]
  ) {
    self.status = status
    self.headers = headers
    self.body = body
    self.logAnnotations = logAnnotations
  }

  /// A response whose body is `text` in UTF-8, with the given content type.
  public init(
    status: HTTPStatus, contentType: String = "text/plain; charset=utf-8", text: String
  ) {
    self.init(status: status, headers: ["Content-Type": contentType], body: Array(text.utf8))
  }

  /// The plain-text response the server sends for a protocol error: the status and a
  /// one-line reason.
  static func protocolError(_ status: HTTPStatus, _ reason: String) -> HTTPResponse {
    HTTPResponse(status: status, text: "\(status): \(reason)\n")
  }
}
