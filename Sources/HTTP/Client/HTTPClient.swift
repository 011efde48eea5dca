/// A minimal blocking HTTP/1.1 client for the `upload` command and for tests: plain
/// `http://` only (TLS is the reverse proxy's business), whole bodies in memory,
/// responses framed by `Content-Length`, chunked coding or the connection's close
/// (RFC 9112 §6.3).
///
/// For example:
/// ```swift
/// let client = try HTTPClient(url: "http://127.0.0.1:8080")
/// let response = try client.send(.post, "/graphql",
///                                headers: ["Content-Type": "application/json"],
///                                body: Array(#"{"query":"{ a }"}"#.utf8))
/// ```
/// Each ``send(_:_:headers:body:)`` uses a new connection; ``connect()`` returns one to
/// send several requests on (keep-alive).
public struct HTTPClient: Sendable {
  /// The server's host name or address.
  public let host: String
  /// The server's port.
  public let port: UInt16
  /// A path prefix from the URL (without a trailing `/`), put before every request path.
  public let basePath: String
  /// The limit for connecting, and for each wait while sending or receiving.
  public var timeout: Duration = .seconds(30)
  /// The largest response body accepted.
  public var maxResponseBytes = 64 * 1024 * 1024

  /// A client for `host`:`port`.
  public init(host: String, port: UInt16, basePath: String = "") {
    self.host = host
    self.port = port
    self.basePath = basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath
  }

  /// A client for `http://host[:port][/path]` (port 80 by default; IPv6 hosts in
  /// brackets).
  public init(url: String) throws(HTTPClientError) {
    guard url.lowercased().hasPrefix("http://") else { throw .invalidURL(url) }
    let rest = url.dropFirst("http://".count)
    let authority = rest.prefix { $0 != "/" && $0 != "?" }
    let path = String(rest.dropFirst(authority.count))
    var host = Substring(authority)
    var port: UInt16 = 80
    if host.hasPrefix("[") {
      guard let close = host.firstIndex(of: "]") else { throw .invalidURL(url) }
      let after = host[host.index(after: close)...]
      host = host[host.index(after: host.startIndex)..<close]
      if !after.isEmpty {
        guard after.hasPrefix(":"), let parsed = UInt16(after.dropFirst()) else {
          throw .invalidURL(url)
        }
        port = parsed
      }
    } else if let colon = host.lastIndex(of: ":") {
      guard let parsed = UInt16(host[host.index(after: colon)...]) else { throw .invalidURL(url) }
      port = parsed
      host = host[..<colon]
    }
    guard !host.isEmpty, !path.contains("?") else { throw .invalidURL(url) }
    self.init(host: String(host), port: port, basePath: path)
  }

  /// Opens a connection for several requests.
  public func connect() throws(HTTPClientError) -> HTTPClientConnection {
    do {
      let socket = try Socket.connect(host: host, port: port, timeout: timeout)
      return HTTPClientConnection(
        socket: socket, host: host, port: port, basePath: basePath, timeout: timeout,
        maxResponseBytes: maxResponseBytes)
    } catch {
      throw .connectFailed(error)
    }
  }

  /// Sends one request on a new connection, closed afterwards.
  ///
  /// - Parameters:
  ///   - path: the path and query, appended to ``basePath``.
  ///   - headers: fields to send; `Host`, `Content-Length` and `Connection: close` are
  ///     added.
  public func send(
    _ method: HTTPMethod, _ path: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []
  ) throws(HTTPClientError) -> HTTPResponse {
    let connection = try connect()
    defer { connection.close() }
    var headers = headers
    headers.set("Connection", "close")
    return try connection.send(method, path, headers: headers, body: body)
  }
}
