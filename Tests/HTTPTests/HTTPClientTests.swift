import Testing

@testable import HTTP

@Suite struct HTTPClientTests {
  @Test func parsesURLs() throws {
    let plain = try HTTPClient(url: "http://localhost:8080")
    #expect(plain.host == "localhost")
    #expect(plain.port == 8080)
    #expect(plain.basePath == "")
    let prefixed = try HTTPClient(url: "HTTP://metadata.internal/base/")
    #expect(prefixed.port == 80)
    #expect(prefixed.basePath == "/base")
    let ipv6 = try HTTPClient(url: "http://[::1]:9000/x")
    #expect(ipv6.host == "::1")
    #expect(ipv6.port == 9000)
    for bad in [
      "https://a", "ftp://a", "http://", "http://a:99999", "http://a:x", "http://[::1",
      "http://a/?q",
    ] {
      #expect(throws: HTTPClientError.invalidURL(bad)) { try HTTPClient(url: bad) }
    }
  }

  @Test func reportsARefusedConnectionAsRetryable() throws {
    // A port that was just free: bind, read it, stop, then connect.
    let server = try TestServer.start()
    let port = server.port
    server.stop()
    do {
      _ = try HTTPClient(host: "127.0.0.1", port: port).send(.get, "/")
      Issue.record("expected a refused connection")
    } catch {
      #expect(error.isRetryable)
      guard case .connectFailed(.failed(_, let code, _)) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(code == 111)  // ECONNREFUSED
    }
  }

  @Test func sendsTheBasePathAndAGzipBody() throws {
    let server = try TestServer.start { _ in
    } handler: { request in
      let plain = (try? Gzip.decompress(request.body, limit: 1000)) ?? []
      return HTTPResponse(
        status: .created,
        text:
          "\(request.path) \(request.headers["Content-Encoding"] ?? "") \(String(decoding: plain, as: UTF8.self))"
      )
    }
    defer { server.stop() }
    let client = try HTTPClient(url: "http://127.0.0.1:\(server.port)/api/")
    let response = try client.send(
      .post, "/v1/runs", headers: ["Content-Encoding": "gzip"],
      body: try Gzip.compress("artifact".bytes))
    #expect(response.status == .created)
    #expect(response.body == "/api/v1/runs gzip artifact".bytes)
  }

  @Test func readsChunkedAndCloseDelimitedResponses() throws {
    for (raw, expected) in [
      (
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
        "abcde"
      ),
      ("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end", "until the end"),
    ] {
      let response = try Self.responseFromRawServer(raw)
      #expect(response.status == .ok)
      #expect(response.body == expected.bytes)
    }
    #expect(throws: HTTPClientError.malformedResponse("status line garbage")) {
      try Self.responseFromRawServer("garbage\r\n\r\n")
    }
  }

  /// Serves `raw` once, as it is, on a listening socket, and reads it with the client.
  private static func responseFromRawServer(_ raw: String) throws -> HTTPResponse {
    let (listener, port) = try Socket.listen(host: "127.0.0.1", port: 0)
    defer { listener.close() }
    let connection = try HTTPClient(host: "127.0.0.1", port: port).connect()
    defer { connection.close() }
    try listener.wait(for: 1, deadline: .now + .seconds(10), interrupt: nil)
    guard let (peer, _) = try listener.accept() else { throw SocketError.timedOut }
    try peer.send(raw.bytes, deadline: .now + .seconds(10))
    peer.shutdownWrite()
    defer { peer.close() }
    return try connection.readResponse(method: .get)
  }
}

@Suite struct HTTPDateTests {
  @Test func formatsIMFFixdate() {
    // RFC 9110 §5.6.7's own example.
    #expect(HTTPDate.format(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
  }
}
