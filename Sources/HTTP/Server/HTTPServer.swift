import Foundation
import Glibc

/// An HTTP/1.1 server (RFC 9110, RFC 9112) on a listening TCP socket: one thread accepts,
/// and each connection is served on its own thread with blocking reads and writes bounded
/// by ``HTTPLimits``'s timeouts, so one slow or stuck client never delays another.
///
/// A thread per connection is the simplest model that keeps handlers free to block (on
/// the database's reader pool, say); ``HTTPLimits/maxConnections`` caps the threads, and a
/// connection over the cap is answered 503 and closed.
///
/// For example:
/// ```swift
/// let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0)) { request in
///   HTTPResponse(status: .ok, text: "hello \(request.path)\n")
/// }
/// let port = try server.start()
/// server.stopOnSignals()        // SIGINT/SIGTERM -> graceful stop
/// server.waitUntilStopped()
/// ```
public final class HTTPServer: @unchecked Sendable {
  private enum State { case created, running, stopping, stopped }

  /// The configuration the server was created with.
  public let configuration: Configuration
  let handler: HTTPHandler

  // Everything below is guarded by `condition`.
  private let condition = NSCondition()
  private var state = State.created
  private var listener: Socket?
  private var boundPort: UInt16 = 0
  private var connections: Set<Int32> = []
  private var acceptLoopRunning = false
  /// The read end of a pipe that becomes readable when the server starts stopping (one
  /// byte is written and never read): every wait that may be cut short (accept, idle
  /// keep-alive) polls it along with its socket.
  let wakeDescriptor: Int32
  private let wakeWriter: Int32

  /// A server that will answer every request with `handler`; nothing listens until
  /// ``start()``.
  public init(configuration: Configuration = Configuration(), handler: @escaping HTTPHandler) {
    self.configuration = configuration
    self.handler = handler
    var ends: [Int32] = [-1, -1]
    if pipe(&ends) == 0 {
      _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
      _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
    }
    self.wakeDescriptor = ends[0]
    self.wakeWriter = ends[1]
  }

  deinit {
    if let listener { listener.close() }
    if wakeDescriptor >= 0 { Glibc.close(wakeDescriptor) }
    if wakeWriter >= 0 { Glibc.close(wakeWriter) }
  }

  /// The port the server listens on (useful after asking for port 0), or 0 before start.
  public var port: UInt16 {
    condition.withLock { boundPort }
  }

  /// The number of connections open now.
  public var connectionCount: Int {
    condition.withLock { connections.count }
  }

  /// Whether ``stop()`` has begun: responses then carry `Connection: close`.
  public var isStopping: Bool {
    condition.withLock { state == .stopping || state == .stopped }
  }

  // MARK: - Starting

  /// Binds, listens and starts accepting connections on a background thread.
  ///
  /// - Returns: the bound port.
  /// - Throws: ``SocketError`` when the address cannot be bound (in use, say), or when
  ///   the server was already started.
  @discardableResult
  public func start() throws(SocketError) -> UInt16 {
    guard wakeDescriptor >= 0 else { throw .failed("pipe") }
    condition.lock()
    defer { condition.unlock() }
    guard state == .created else {
      throw .failed(call: "start", errno: EINVAL, message: "server already started")
    }
    let (socket, port) = try Socket.listen(host: configuration.host, port: configuration.port)
    // Non-blocking, so an accept after a poll never blocks on a connection already reset.
    _ = fcntl(socket.descriptor, F_SETFL, fcntl(socket.descriptor, F_GETFL) | O_NONBLOCK)
    listener = socket
    boundPort = port
    state = .running
    acceptLoopRunning = true
    let thread = Thread { [self] in acceptLoop(socket) }
    thread.name = "http-accept"
    thread.start()
    return port
  }

  private func acceptLoop(_ listener: Socket) {
    defer {
      condition.withLock {
        acceptLoopRunning = false
        condition.broadcast()
      }
    }
    while true {
      do {
        try listener.wait(for: Int16(POLLIN), deadline: nil, interrupt: wakeDescriptor)
      } catch {
        return  // Interrupted by stop(), or poll itself failed.
      }
      let accepted: (Socket, String)?
      do {
        accepted = try listener.accept()
      } catch {
        // EMFILE/ENFILE and the like: back off briefly rather than spin.
        usleep(10_000)
        continue
      }
      guard let (socket, peer) = accepted else { continue }
      let admitted: Bool? = condition.withLock {
        if state != .running { return nil }
        if connections.count >= configuration.limits.maxConnections { return false }
        connections.insert(socket.descriptor)
        return true
      }
      switch admitted {
      case nil:
        socket.close()
        return
      case false?:
        refuse(socket, peer: peer)
      case true?:
        let thread = Thread { [self] in
          HTTPConnection(server: self, socket: socket, peer: peer).run()
          condition.withLock {
            connections.remove(socket.descriptor)
            condition.broadcast()
          }
          socket.close()
        }
        thread.name = "http-connection"
        thread.start()
      }
    }
  }

  /// Answers a connection over the cap with 503 and closes it, on the accept thread and
  /// within a short deadline, so a full server still says why.
  private func refuse(_ socket: Socket, peer: String) {
    let start = ContinuousClock.now
    var response = HTTPResponse.protocolError(.serviceUnavailable, "too many connections")
    response.headers.set("Retry-After", "1")
    let bytes = response.serializedHead(keepAlive: false, date: HTTPDate.now()) + response.body
    try? socket.send(bytes, deadline: .now + .milliseconds(200))
    socket.shutdownWrite()
    socket.close()
    configuration.accessLog?(
      HTTPAccessLogEntry(
        method: "-", path: "-", status: 503, bytes: response.body.count,
        duration: .now - start, remoteAddress: peer, annotations: [:]))
  }

  // MARK: - Stopping

  /// Stops gracefully: stops accepting, closes idle keep-alive connections, lets requests
  /// in flight finish (their responses say `Connection: close`), and returns when every
  /// connection is closed. After ``Configuration/shutdownGracePeriod`` the remaining
  /// connections are shut down. Safe to call more than once and from any thread; a second
  /// caller waits for the first to finish.
  public func stop() {
    condition.lock()
    switch state {
    case .created:
      state = .stopped
      var one: UInt8 = 1
      _ = Glibc.write(wakeWriter, &one, 1)  // Ends a signal watcher started before start().
      condition.broadcast()
      condition.unlock()
      return
    case .stopping:
      while state != .stopped { condition.wait() }
      condition.unlock()
      return
    case .stopped:
      condition.unlock()
      return
    case .running:
      state = .stopping
    }
    var one: UInt8 = 1
    _ = Glibc.write(wakeWriter, &one, 1)
    while acceptLoopRunning { condition.wait() }
    let (seconds, attoseconds) = configuration.shutdownGracePeriod.components
    let deadline = Date(
      timeIntervalSinceNow: Double(seconds) + Double(attoseconds) / 1e18)
    while !connections.isEmpty {
      if !condition.wait(until: deadline) { break }
    }
    for descriptor in connections {
      _ = shutdown(descriptor, Int32(SHUT_RDWR))
    }
    while !connections.isEmpty { condition.wait() }
    listener?.close()
    listener = nil
    state = .stopped
    condition.broadcast()
    condition.unlock()
  }

  /// Blocks until ``stop()`` has finished (from a signal handler or another thread).
  public func waitUntilStopped() {
    condition.withLock {
      while state != .stopped { condition.wait() }
    }
  }

}
