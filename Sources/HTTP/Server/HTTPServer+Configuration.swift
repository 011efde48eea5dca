extension HTTPServer {
  /// Where the server listens, its limits, and the hooks that let the layer above decide
  /// per request without HTTP knowing about routes or tokens.
  ///
  /// For example, a larger body for uploads only:
  /// ```swift
  /// var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 8080)
  /// configuration.bodyLimit = { head in
  ///   head.method == .post && head.path.hasSuffix("/runs") ? 512 << 20 : 1 << 20
  /// }
  /// ```
  public struct Configuration: Sendable {
    /// The address to listen on: a host name or numeric IPv4/IPv6 address.
    public var host: String
    /// The port; 0 lets the system choose (read it back from ``HTTPServer/port``).
    public var port: UInt16
    /// Sizes and timeouts.
    public var limits: HTTPLimits
    /// The largest body accepted for a request, decided from its head before any body
    /// byte is read; `nil` uses ``HTTPLimits/maxBodyBytes`` for every request.
    public var bodyLimit: (@Sendable (HTTPRequestHead) -> Int)?
    /// Called with each request's head before its body is read (and before `100
    /// Continue` is sent): a response returned here is sent at once and the body is never
    /// read (the connection then closes if a body was announced). Use it to refuse an
    /// unauthenticated upload without receiving it. `nil` accepts every head.
    public var preflight: (@Sendable (HTTPRequestHead) -> HTTPResponse?)?
    /// Called once per request answered, protocol errors included, after the response
    /// was sent; `nil` logs nothing. Like the other hooks and the handler, it is called
    /// from the connections' threads, concurrently, so it must be thread-safe (write a
    /// whole line at once, or go through a lock).
    public var accessLog: (@Sendable (HTTPAccessLogEntry) -> Void)?
    /// How long ``HTTPServer/stop()`` waits for requests in flight before it shuts the
    /// remaining connections down.
    public var shutdownGracePeriod: Duration

    /// A configuration; every hook starts unset.
    public init(
      host: String = "127.0.0.1", port: UInt16 = 8080, limits: HTTPLimits = HTTPLimits(),
      shutdownGracePeriod: Duration = .seconds(30)
    ) {
      self.host = host
      self.port = port
      self.limits = limits
      self.bodyLimit = nil
      self.preflight = nil
      self.accessLog = nil
      self.shutdownGracePeriod = shutdownGracePeriod
    }
  }
}
