import Glibc

/// A TCP socket file descriptor with the few blocking calls HTTP needs, each retried on
/// `EINTR` and bounded by a deadline through `poll(2)`.
///
/// Reads and writes wait with `poll` and then call `recv`/`send` with `MSG_DONTWAIT`, so a
/// peer that stops reading or writing can hold a thread only until the deadline; writes
/// use `MSG_NOSIGNAL`, so a peer that has gone away is an `EPIPE` error rather than a
/// `SIGPIPE` that kills the process.
///
/// The value is a plain descriptor: whoever opens a socket closes it, exactly once.
struct Socket: Sendable, Hashable {
  /// The file descriptor.
  let descriptor: Int32

  // MARK: - Listening

  /// Opens a listening socket on `host` (a name or a numeric IPv4/IPv6 address) and
  /// `port` (0 asks the system for a free one), with `SO_REUSEADDR`.
  ///
  /// - Returns: the socket and the port it is bound to.
  static func listen(host: String, port: UInt16, backlog: Int32 = 1024) throws(SocketError) -> (
    Socket, UInt16
  ) {
    let addresses = try resolve(host: host, port: port, passive: true)
    defer { freeaddrinfo(addresses) }
    var lastError = SocketError.unresolvable(host: host, message: "no address")
    var entry: UnsafeMutablePointer<addrinfo>? = addresses
    while let info = entry {
      entry = info.pointee.ai_next
      let descriptor = socket(
        info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
      guard descriptor >= 0 else {
        lastError = .failed("socket")
        continue
      }
      var yes: Int32 = 1
      setsockopt(
        descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
      guard bind(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
        lastError = .failed("bind")
        Glibc.close(descriptor)
        continue
      }
      guard Glibc.listen(descriptor, backlog) == 0 else {
        lastError = .failed("listen")
        Glibc.close(descriptor)
        continue
      }
      let socket = Socket(descriptor: descriptor)
      return (socket, socket.localPort())
    }
    throw lastError
  }

  /// Accepts one connection, retrying on `EINTR` and on errors that concern only the
  /// aborted connection (`ECONNABORTED`, `EPROTO`, RFC-less but as accept(2) advises).
  ///
  /// - Returns: the connection and the peer's address as "ip:port", or `nil` when no
  ///   connection is pending (`EAGAIN` on a non-blocking listener).
  func accept() throws(SocketError) -> (Socket, String)? {
    while true {
      var storage = sockaddr_storage()
      var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
      let descriptor = withUnsafeMutablePointer(to: &storage) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          Glibc.accept(self.descriptor, $0, &length)
        }
      }
      if descriptor >= 0 {
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        var one: Int32 = 1
        setsockopt(
          descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return (Socket(descriptor: descriptor), Self.describe(&storage))
      }
      switch errno {
      case EINTR, ECONNABORTED, EPROTO: continue
      case EAGAIN, EWOULDBLOCK: return nil
      default: throw .failed("accept")
      }
    }
  }

  // MARK: - Connecting

  /// Connects to `host`:`port`, trying each resolved address in turn, within `timeout`.
  static func connect(host: String, port: UInt16, timeout: Duration) throws(SocketError) -> Socket {
    let addresses = try resolve(host: host, port: port, passive: false)
    defer { freeaddrinfo(addresses) }
    let deadline = ContinuousClock.now + timeout
    var lastError = SocketError.unresolvable(host: host, message: "no address")
    var entry: UnsafeMutablePointer<addrinfo>? = addresses
    while let info = entry {
      entry = info.pointee.ai_next
      let descriptor = socket(
        info.pointee.ai_family,
        Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue),
        0)
      guard descriptor >= 0 else {
        lastError = .failed("socket")
        continue
      }
      let socket = Socket(descriptor: descriptor)
      if Glibc.connect(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) != 0 {
        guard errno == EINPROGRESS || errno == EINTR else {
          lastError = .failed("connect")
          socket.close()
          continue
        }
        do {
          try socket.wait(for: Int16(POLLOUT), deadline: deadline, interrupt: nil)
        } catch {
          lastError = error
          socket.close()
          continue
        }
        var failure: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &length)
        guard failure == 0 else {
          lastError = .failed(
            call: "connect", errno: failure, message: String(cString: strerror(failure)))
          socket.close()
          continue
        }
      }
      // Back to blocking mode: every read and write waits through poll anyway.
      let flags = fcntl(descriptor, F_GETFL)
      _ = fcntl(descriptor, F_SETFL, flags & ~Int32(O_NONBLOCK))
      var one: Int32 = 1
      setsockopt(
        descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
      return socket
    }
    throw lastError
  }

  // MARK: - Reading and writing

  /// Waits until the socket is readable, then reads at most `buffer.count` bytes into it.
  ///
  /// - Parameters:
  ///   - deadline: when to give up with ``SocketError/timedOut``; `nil` waits forever.
  ///   - interrupt: a descriptor that, once readable, ends the wait with
  ///     ``SocketError/interrupted`` (the server's shutdown signal).
  /// - Returns: the number of bytes read; 0 when the peer has closed its side.
  func receive(
    into buffer: inout [UInt8], deadline: ContinuousClock.Instant?, interrupt: Int32? = nil
  ) throws(SocketError) -> Int {
    while true {
      try wait(for: Int16(POLLIN), deadline: deadline, interrupt: interrupt)
      let count = buffer.withUnsafeMutableBytes { bytes in
        recv(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT))
      }
      if count >= 0 { return count }
      switch errno {
      case EINTR, EAGAIN, EWOULDBLOCK: continue
      case ECONNRESET: return 0
      default: throw .failed("recv")
      }
    }
  }

  /// Sends all of `bytes`, waiting for room as needed, within `deadline`.
  func send(_ bytes: [UInt8], deadline: ContinuousClock.Instant?) throws(SocketError) {
    let outcome: SocketError? = bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        do {
          try wait(for: Int16(POLLOUT), deadline: deadline, interrupt: nil)
        } catch let error as SocketError {
          return error
        } catch {
          return .timedOut
        }
        let sent = Glibc.send(
          descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset,
          Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
        if sent >= 0 {
          offset += sent
          continue
        }
        switch errno {
        case EINTR, EAGAIN, EWOULDBLOCK: continue
        default: return .failed("send")
        }
      }
      return nil
    }
    if let outcome { throw outcome }
  }

  /// Waits with `poll` for `events` on the socket, or for `interrupt` to become readable.
  func wait(
    for events: Int16, deadline: ContinuousClock.Instant?, interrupt: Int32?
  ) throws(SocketError) {
    var descriptors = [pollfd(fd: descriptor, events: events, revents: 0)]
    if let interrupt {
      descriptors.append(pollfd(fd: interrupt, events: Int16(POLLIN), revents: 0))
    }
    while true {
      var timeout: Int32 = -1
      if let deadline {
        let remaining = deadline - ContinuousClock.now
        if remaining <= .zero { throw .timedOut }
        let (seconds, attoseconds) = remaining.components
        let milliseconds =
          seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        timeout = Int32(clamping: milliseconds)
      }
      let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
      if ready < 0 {
        if errno == EINTR { continue }
        throw .failed("poll")
      }
      if ready == 0 { continue }  // The deadline check above turns this into .timedOut.
      if descriptors.count > 1, descriptors[1].revents != 0 { throw .interrupted }
      // Readable, writable, hung up or in error: the next call reports which.
      if descriptors[0].revents != 0 { return }
    }
  }

  /// Ends sending (`SHUT_WR`): the peer reads end-of-stream after what was sent.
  func shutdownWrite() { _ = shutdown(descriptor, Int32(SHUT_WR)) }

  /// Ends both directions, which wakes any thread blocked on this socket.
  func shutdownBoth() { _ = shutdown(descriptor, Int32(SHUT_RDWR)) }

  /// Closes the descriptor.
  func close() { _ = Glibc.close(descriptor) }

  // MARK: - Addresses

  /// The local port the socket is bound to.
  func localPort() -> UInt16 {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    _ = withUnsafeMutablePointer(to: &storage) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(descriptor, $0, &length)
      }
    }
    return Self.port(of: &storage)
  }

  private static func port(of storage: inout sockaddr_storage) -> UInt16 {
    withUnsafePointer(to: &storage) { pointer in
      switch Int32(pointer.pointee.ss_family) {
      case AF_INET:
        pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
          UInt16(bigEndian: $0.pointee.sin_port)
        }
      case AF_INET6:
        pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
          UInt16(bigEndian: $0.pointee.sin6_port)
        }
      default: 0
      }
    }
  }

  /// "ip:port" ("[ip]:port" for IPv6) of an address.
  private static func describe(_ storage: inout sockaddr_storage) -> String {
    var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
    let length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let status = withUnsafePointer(to: &storage) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getnameinfo($0, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
      }
    }
    guard status == 0 else { return "" }
    let text = String(
      decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let port = port(of: &storage)
    return Int32(storage.ss_family) == AF_INET6 ? "[\(text)]:\(port)" : "\(text):\(port)"
  }

  private static func resolve(
    host: String, port: UInt16, passive: Bool
  ) throws(SocketError) -> UnsafeMutablePointer<addrinfo> {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    hints.ai_flags = passive ? AI_PASSIVE : 0
    var result: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, String(port), &hints, &result)
    guard status == 0, let result else {
      throw .unresolvable(host: host, message: String(cString: gai_strerror(status)))
    }
    return result
  }
}
