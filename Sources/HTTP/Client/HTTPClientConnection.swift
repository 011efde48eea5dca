/// One client connection: requests are sent one at a time and each response is read
/// before the next request (no pipelining). Not thread-safe; close it when done (it also
/// closes when released).
public final class HTTPClientConnection {
  private let socket: Socket
  private let hostHeader: String
  private let basePath: String
  private let timeout: Duration
  private let maxResponseBytes: Int
  private var buffer: [UInt8] = []
  private var scratch = [UInt8](repeating: 0, count: 64 * 1024)
  private var closed = false
  /// Whether the server may still accept another request on this connection.
  public private(set) var isReusable = true

  init(
    socket: Socket, host: String, port: UInt16, basePath: String, timeout: Duration,
    maxResponseBytes: Int
  ) {
    self.socket = socket
    let bracketed = host.contains(":") ? "[\(host)]" : host
    self.hostHeader = port == 80 ? bracketed : "\(bracketed):\(port)"
    self.basePath = basePath
    self.timeout = timeout
    self.maxResponseBytes = maxResponseBytes
  }

  deinit { close() }

  /// Closes the connection; later sends fail.
  public func close() {
    guard !closed else { return }
    closed = true
    socket.close()
  }

  /// Sends one request and reads its response (interim 1xx responses are skipped).
  ///
  /// `Host` is added when absent, and `Content-Length` whenever there is a body or the
  /// method usually carries one.
  public func send(
    _ method: HTTPMethod, _ path: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []
  ) throws(HTTPClientError) -> HTTPResponse {
    guard !closed, isReusable else { throw .closedEarly }
    var text = "\(method.rawValue) \(basePath)\(path) HTTP/1.1\r\n"
    if !headers.contains("Host") { text += "Host: \(hostHeader)\r\n" }
    for field in headers where !HTTPHeaders.namesEqual(field.name, "Content-Length") {
      text += "\(field.name): \(field.value)\r\n"
    }
    if !body.isEmpty || [.post, .put, .patch].contains(method) {
      text += "Content-Length: \(body.count)\r\n"
    }
    text += "\r\n"
    do {
      try socket.send(Array(text.utf8) + body, deadline: .now + timeout)
    } catch {
      isReusable = false
      throw .transferFailed(error)
    }
    while true {
      let response = try readResponse(method: method)
      if (100..<200).contains(response.status.code) { continue }
      if HTTPHeaders.namesEqual(headers["Connection"] ?? "", "close")
        || response.headers.tokens("Connection").contains("close")
      {
        isReusable = false
      }
      return response
    }
  }

  /// Sends bytes as they are, for tests that need malformed requests.
  func sendRaw(_ bytes: [UInt8]) throws(HTTPClientError) {
    do {
      try socket.send(bytes, deadline: .now + timeout)
    } catch {
      throw .transferFailed(error)
    }
  }

  /// Whether the server has closed the connection: reads until end of stream or
  /// `timeout`, discarding any bytes.
  func readsEndOfStream() -> Bool {
    while true {
      guard let count = try? socket.receive(into: &scratch, deadline: .now + timeout) else {
        return false
      }
      if count == 0 { return true }
    }
  }

  // MARK: - Reading

  private func readMore() throws(HTTPClientError) -> Bool {
    do {
      let count = try socket.receive(into: &scratch, deadline: .now + timeout)
      if count == 0 { return false }
      buffer.append(contentsOf: scratch[0..<count])
      return true
    } catch {
      isReusable = false
      throw .transferFailed(error)
    }
  }

  /// Reads the next response (an interim 1xx one too) to a request sent with `method`.
  func readResponse(method: HTTPMethod) throws(HTTPClientError) -> HTTPResponse {
    let headLimit = 64 * 1024
    var searched = 0
    var headEnd: Int?
    while headEnd == nil {
      if buffer.count >= 4 {
        for index in max(searched, 3)..<buffer.count
        where buffer[index] == lf && buffer[index - 1] == cr && buffer[index - 2] == lf
          && buffer[index - 3] == cr
        {
          headEnd = index + 1
          break
        }
        searched = buffer.count
      }
      if headEnd != nil { break }
      guard buffer.count <= headLimit else {
        throw .malformedResponse("head larger than \(headLimit) bytes")
      }
      guard try readMore() else {
        isReusable = false
        throw .closedEarly
      }
    }
    guard let headEnd else { throw .closedEarly }
    let head = String(decoding: buffer[0..<(headEnd - 4)], as: UTF8.self)
    buffer.removeFirst(headEnd)
    let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
    let statusParts = lines[0].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
    guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."),
      statusParts[1].count == 3, let code = Int(statusParts[1])
    else {
      throw .malformedResponse("status line \(lines[0])")
    }
    let reason = statusParts.count > 2 ? String(statusParts[2]) : ""
    var headers = HTTPHeaders()
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else {
        throw .malformedResponse("header line without a colon")
      }
      headers.add(
        String(line[..<colon]), String(line[line.index(after: colon)...].trimmingHTTPWhitespace()))
    }
    let status = HTTPStatus(code: code, reasonPhrase: reason)
    if (100..<200).contains(code) || code == 204 || code == 304 || method == .head {
      return HTTPResponse(status: status, headers: headers)
    }
    let body: [UInt8]
    if headers.tokens("Transfer-Encoding").last == "chunked" {
      body = try readChunked()
    } else if let lengthText = headers["Content-Length"] {
      guard let length = Int(lengthText), length >= 0 else {
        throw .malformedResponse("Content-Length \(lengthText)")
      }
      guard length <= maxResponseBytes else { throw .responseTooLarge(limit: maxResponseBytes) }
      while buffer.count < length {
        guard try readMore() else {
          isReusable = false
          throw .closedEarly
        }
      }
      body = Array(buffer[0..<length])
      buffer.removeFirst(length)
    } else {
      // Delimited by the close (RFC 9112 §6.3 rule 8).
      while try readMore() {
        guard buffer.count <= maxResponseBytes else {
          throw .responseTooLarge(limit: maxResponseBytes)
        }
      }
      isReusable = false
      body = buffer
      buffer.removeAll()
    }
    return HTTPResponse(status: status, headers: headers, body: body)
  }

  private func readChunked() throws(HTTPClientError) -> [UInt8] {
    var limits = HTTPLimits()
    limits.maxHeaderBytes = 64 * 1024
    var decoder = ChunkedBodyDecoder(maxBodyBytes: maxResponseBytes, limits: limits)
    var body: [UInt8] = []
    while true {
      if !buffer.isEmpty {
        do {
          let used = try decoder.decode(buffer[...], into: &body)
          buffer.removeFirst(used)
        } catch  where error.status == .contentTooLarge {
          throw .responseTooLarge(limit: maxResponseBytes)
        } catch {
          throw .malformedResponse("chunked body: \(error)")
        }
        if decoder.isComplete { return body }
      }
      guard try readMore() else {
        isReusable = false
        throw .closedEarly
      }
    }
  }
}
