/// A complete request: the head and the body bytes, already de-chunked (but not
/// content-decoded: a `Content-Encoding: gzip` body is handed over as sent, see
/// ``Gzip/decompress(_:limit:)``).
public struct HTTPRequest: Sendable, Equatable {
  /// Method, target, version and headers.
  public var head: HTTPRequestHead
  /// The request content (RFC 9110 §6.4), empty when the request had none.
  public var body: [UInt8]

  /// A request from its head and body.
  public init(head: HTTPRequestHead, body: [UInt8] = []) {
    self.head = head
    self.body = body
  }

  /// A request built from parts, convenient in tests and routers.
  public init(
    method: HTTPMethod, target: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []
  ) {
    self.init(head: HTTPRequestHead(method: method, target: target, headers: headers), body: body)
  }

  /// The method.
  public var method: HTTPMethod { head.method }
  /// The path without the query, still percent-encoded.
  public var path: String { head.path }
  /// The raw query, or `nil`.
  public var query: String? { head.query }
  /// The header fields.
  public var headers: HTTPHeaders { head.headers }
  /// The decoded query items.
  public var queryItems: [QueryString.Item] { head.queryItems }
}
