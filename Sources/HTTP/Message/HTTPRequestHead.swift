/// A request's method, target, version and header fields: everything before the body
/// (RFC 9112 §3 and §5).
///
/// The server hands the head alone to ``HTTPServer/Configuration/bodyLimit`` and
/// ``HTTPServer/Configuration/preflight`` before it reads the body, so a route can allow
/// a larger upload, or refuse one (say, without a valid token) without receiving it.
public struct HTTPRequestHead: Sendable, Equatable {
  /// The method token.
  public var method: HTTPMethod
  /// The request target exactly as sent (origin-form `/path?query`, absolute-form or `*`).
  public var target: String
  /// The target's path, still percent-encoded, without the query: `/graphql` for
  /// `/graphql?query=...` (and for `http://host/graphql?query=...`). `*` for an
  /// asterisk-form target.
  public var path: String
  /// The raw query after `?`, still percent-encoded, or `nil` when the target has none.
  public var query: String?
  /// The protocol version.
  public var version: HTTPVersion
  /// The header fields in the order received.
  public var headers: HTTPHeaders
  /// The peer's address as "ip:port", or empty when unknown (set by the server).
  public var remoteAddress: String

  /// A head; `path` and `query` are derived from `target`.
  public init(
    method: HTTPMethod, target: String, version: HTTPVersion = .http1_1,
    headers: HTTPHeaders = HTTPHeaders(), remoteAddress: String = ""
  ) {
    self.method = method
    self.target = target
    let (path, query) = Self.split(target: target)
    self.path = path
    self.query = query
    self.version = version
    self.headers = headers
    self.remoteAddress = remoteAddress
  }

  /// The query's name/value pairs, percent- and `+`-decoded (see ``QueryString``).
  public var queryItems: [QueryString.Item] { QueryString.parse(query ?? "") }

  /// Whether the connection stays open after this request (RFC 9112 §9.3): HTTP/1.1
  /// unless `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
  public var wantsKeepAlive: Bool {
    let connection = headers.tokens("Connection")
    if connection.contains("close") { return false }
    if version == .http1_0 { return connection.contains("keep-alive") }
    return true
  }

  /// Splits a request target into path and query (RFC 9112 §3.2): an absolute-form
  /// target's scheme and authority are dropped; a fragment cannot occur (clients never
  /// send one, and `#` is not a valid target byte, so the parser refuses it).
  static func split(target: String) -> (path: String, query: String?) {
    var rest = Substring(target)
    if !rest.hasPrefix("/"), let colon = rest.firstIndex(of: ":"),
      rest[colon...].hasPrefix("://")
    {
      rest = rest[rest.index(colon, offsetBy: 3)...]
      if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) {
        rest = rest[slash...]
      } else {
        rest = ""
      }
      if !rest.hasPrefix("/") { rest = "/" + rest }
    }
    guard let mark = rest.firstIndex(of: "?") else { return (String(rest), nil) }
    return (String(rest[..<mark]), String(rest[rest.index(after: mark)...]))
  }
}
