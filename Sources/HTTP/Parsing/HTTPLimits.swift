/// Size limits and timeouts that keep one client from taking more than its share: every
/// limit bounds the memory or the time a single connection can hold.
///
/// The defaults follow the service's design (DESIGN.md, "Limits"); tests shorten the
/// timeouts so that slow-client cases finish quickly.
///
/// For example:
/// ```swift
/// var limits = HTTPLimits()
/// limits.headerTimeout = .milliseconds(200)
/// ```
public struct HTTPLimits: Sendable, Equatable {
  /// The longest request line (method, target, version) in bytes; longer gets 414.
  public var maxRequestLineBytes = 8 * 1024
  /// The most bytes of header fields after the request line; more gets 431.
  public var maxHeaderBytes = 16 * 1024
  /// The most header fields; more gets 431.
  public var maxHeaderCount = 100
  /// The default largest request body, after de-chunking; larger gets 413. A route can
  /// allow more through ``HTTPServer/Configuration/bodyLimit``.
  public var maxBodyBytes = 1024 * 1024
  /// The most connections served at once; a connection over the cap gets 503 and is
  /// closed.
  public var maxConnections = 1024
  /// The longest chunk-size line including extensions (RFC 9112 §7.1.1); longer gets 400.
  public var maxChunkLineBytes = 4 * 1024

  /// How long a client may take to send a request's head, from its first byte (and, on a
  /// new connection, from the accept); over it gets 408.
  public var headerTimeout: Duration = .seconds(10)
  /// How long a client may take to send a request's body once the head is in; over it
  /// gets 408.
  public var bodyTimeout: Duration = .seconds(30)
  /// How long an open connection may wait for its next request before it is closed.
  public var idleTimeout: Duration = .seconds(60)
  /// How long sending one response may stall on a client that does not read.
  public var writeTimeout: Duration = .seconds(30)
  /// After an error response, how long the server keeps reading (and discarding) what
  /// the client still sends before it closes, so the response is not lost to a TCP
  /// reset (RFC 9112 §9.6).
  public var lingerTimeout: Duration = .seconds(2)

  /// The defaults.
  public init() {}
}
