/// Serves the requests of one connection, one after another, on the thread the server
/// started for it (RFC 9112 §9: persistent connections, pipelined requests answered in
/// order).
///
/// Each request goes through: the head within ``HTTPLimits/headerTimeout`` (on a kept-
/// alive connection, the wait for its first byte is ``HTTPLimits/idleTimeout`` and may be
/// cut short by ``HTTPServer/stop()``), checks of method, framing, `Expect` and body size,
/// the ``HTTPServer/Configuration/preflight`` hook, `100 Continue` when asked for, the body
/// within ``HTTPLimits/bodyTimeout``, the handler, and the response within
/// ``HTTPLimits/writeTimeout``. Any protocol error is answered with its status and
/// `Connection: close`, followed by a lingering close (RFC 9112 §9.6).
final class HTTPConnection {
  private let server: HTTPServer
  private let socket: Socket
  private let peer: String
  private let limits: HTTPLimits
  /// Bytes received and not yet consumed: the start of the next request, if any.
  private var buffer: [UInt8] = []
  private var scratch = [UInt8](repeating: 0, count: 64 * 1024)

  init(server: HTTPServer, socket: Socket, peer: String) {
    self.server = server
    self.socket = socket
    self.peer = peer
    self.limits = server.configuration.limits
  }

  /// Serves requests until the connection closes, times out, fails or the server stops.
  func run() {
    var first = true
    while serveRequest(first: first) { first = false }
  }

  /// Outcome of waiting for bytes.
  private enum Read { case data, closed, timedOut, failed }

  /// Appends what arrives next to `buffer`.
  private func readMore(deadline: ContinuousClock.Instant, interruptible: Bool) -> Read {
    do {
      let count = try socket.receive(
        into: &scratch, deadline: deadline,
        interrupt: interruptible ? server.wakeDescriptor : nil)
      guard count > 0 else { return .closed }
      buffer.append(contentsOf: scratch[0..<count])
      return .data
    } catch SocketError.timedOut {
      return .timedOut
    } catch {
      return .failed
    }
  }

  // MARK: - One request

  /// Serves one request; returns whether the connection stays open for another.
  private func serveRequest(first: Bool) -> Bool {
    if buffer.isEmpty && server.isStopping { return false }
    var started: ContinuousClock.Instant? = buffer.isEmpty ? nil : .now
    let idleDeadline = ContinuousClock.now + (first ? limits.headerTimeout : limits.idleTimeout)
    var parser = HTTPRequestHeadParser(limits: limits)
    var parsedHead: HTTPRequestHead?
    while parsedHead == nil {
      if !buffer.isEmpty {
        do {
          if let (head, length) = try parser.parse(buffer[...]) {
            buffer.removeFirst(length)
            parsedHead = head
            break
          }
        } catch {
          fail(error, head: nil, started: started ?? .now)
          return false
        }
      }
      let deadline = started.map { $0 + limits.headerTimeout } ?? idleDeadline
      switch readMore(deadline: deadline, interruptible: buffer.isEmpty) {
      case .data:
        if started == nil { started = .now }
      case .timedOut:
        // An idle connection closes quietly; a half-sent head gets 408 (RFC 9110 §15.5.9).
        if !buffer.isEmpty {
          fail(
            HTTPParseError(.requestTimeout, "request head not received in time"), head: nil,
            started: started ?? .now)
        }
        return false
      case .closed, .failed:
        return false
      }
    }
    guard var head = parsedHead else { return false }
    let start = started ?? .now
    head.remoteAddress = peer

    guard HTTPMethod.implemented.contains(head.method) else {
      fail(
        HTTPParseError(.notImplemented, "method \(head.method) is not implemented"), head: head,
        started: start)
      return false
    }
    let framing: HTTPBodyFraming
    do {
      framing = try HTTPBodyFraming.of(head)
    } catch {
      fail(error, head: head, started: start)
      return false
    }
    var expectsContinue = false
    if let expectation = head.headers.combined("Expect") {
      guard expectation.lowercased() == "100-continue" else {
        fail(
          HTTPParseError(.expectationFailed, "only Expect: 100-continue is supported"),
          head: head, started: start)
        return false
      }
      expectsContinue = head.version != .http1_0
    }
    let bodyLimit = server.configuration.bodyLimit?(head) ?? limits.maxBodyBytes
    if case .contentLength(let length) = framing, length > bodyLimit {
      fail(
        HTTPParseError(.contentTooLarge, "body of \(length) bytes exceeds \(bodyLimit)"),
        head: head, started: start)
      return false
    }
    if let early = server.configuration.preflight?(head) {
      let keepAlive = !framing.expectsBody && head.wantsKeepAlive && !server.isStopping
      let sent = respond(early, head: head, keepAlive: keepAlive, started: start)
      if !keepAlive { linger() }
      return sent && keepAlive
    }
    if expectsContinue && framing.expectsBody {
      do {
        try socket.send(
          Array("HTTP/1.1 100 Continue\r\n\r\n".utf8), deadline: .now + limits.writeTimeout)
      } catch {
        return false
      }
    }

    let body: [UInt8]
    switch readBody(framing, limit: bodyLimit) {
    case .complete(let bytes):
      body = bytes
    case .invalid(let error):
      fail(error, head: head, started: start)
      return false
    case .gone:
      return false
    }
    let response = server.handler(HTTPRequest(head: head, body: body))
    let keepAlive =
      head.wantsKeepAlive && !server.isStopping
      && !response.headers.tokens("Connection").contains("close")
    let sent = respond(response, head: head, keepAlive: keepAlive, started: start)
    return sent && keepAlive
  }

  /// The body, a protocol error to answer, or a connection that is gone.
  private enum Body {
    case complete([UInt8])
    case invalid(HTTPParseError)
    case gone
  }

  /// Reads the body as framed.
  private func readBody(_ framing: HTTPBodyFraming, limit: Int) -> Body {
    let deadline = ContinuousClock.now + limits.bodyTimeout
    let timeout = HTTPParseError(.requestTimeout, "request body not received in time")
    var body: [UInt8] = []
    switch framing {
    case .none:
      return .complete([])
    case .contentLength(let length):
      body.reserveCapacity(min(length, 1 << 20))
      while body.count < length {
        if buffer.isEmpty {
          switch readMore(deadline: deadline, interruptible: false) {
          case .data: break
          case .timedOut: return .invalid(timeout)
          case .closed, .failed: return .gone
          }
        }
        let take = min(length - body.count, buffer.count)
        body.append(contentsOf: buffer[0..<take])
        buffer.removeFirst(take)
      }
      return .complete(body)
    case .chunked:
      var decoder = ChunkedBodyDecoder(maxBodyBytes: limit, limits: limits)
      while true {
        if !buffer.isEmpty {
          do {
            let used = try decoder.decode(buffer[...], into: &body)
            buffer.removeFirst(used)
          } catch {
            return .invalid(error)
          }
          if decoder.isComplete { return .complete(body) }
        }
        switch readMore(deadline: deadline, interruptible: false) {
        case .data: break
        case .timedOut: return .invalid(timeout)
        case .closed, .failed: return .gone
        }
      }
    }
  }

  // MARK: - Answering

  /// Sends `response` (no body for HEAD, 1xx, 204 or 304) and logs it; returns whether
  /// it was sent completely.
  @discardableResult
  private func respond(
    _ response: HTTPResponse, head: HTTPRequestHead?, keepAlive: Bool,
    started: ContinuousClock.Instant
  ) -> Bool {
    let sendsBody = head?.method != .head && !response.status.forbidsContent
    var bytes = response.serializedHead(keepAlive: keepAlive, date: HTTPDate.now())
    if sendsBody { bytes.append(contentsOf: response.body) }
    var sent = true
    do {
      try socket.send(bytes, deadline: .now + limits.writeTimeout)
    } catch {
      sent = false
    }
    server.configuration.accessLog?(
      HTTPAccessLogEntry(
        method: head?.method.rawValue ?? "-", path: head?.path ?? "-",
        status: response.status.code, bytes: sendsBody ? response.body.count : 0,
        duration: .now - started, remoteAddress: peer, annotations: response.logAnnotations))
    return sent
  }

  /// Answers a protocol error with `Connection: close`, then closes lingering.
  private func fail(
    _ error: HTTPParseError, head: HTTPRequestHead?, started: ContinuousClock.Instant
  ) {
    let response = HTTPResponse.protocolError(error.status, error.reason)
    if respond(response, head: head, keepAlive: false, started: started) { linger() }
  }

  /// Half-closes and discards what the client still sends, for at most
  /// ``HTTPLimits/lingerTimeout``, so the response is read before the close (a close with
  /// unread data sends a TCP reset that can destroy the response in flight, RFC 9112 §9.6).
  private func linger() {
    socket.shutdownWrite()
    let deadline = ContinuousClock.now + limits.lingerTimeout
    while true {
      guard let count = try? socket.receive(into: &scratch, deadline: deadline), count > 0 else {
        return
      }
    }
  }
}
