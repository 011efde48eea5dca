import Foundation
import Glibc
import Testing

@testable import HTTP

@Suite struct ServerTests {
  @Test func answersRoutesOnAnEphemeralPort() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    #expect(server.port != 0)
    let client = HTTPClient(host: "127.0.0.1", port: server.port)
    let response = try client.send(.get, "/hello?x=1")
    #expect(response.status == .ok)
    #expect(response.body == "GET /hello".bytes)
    #expect(response.headers["Content-Length"] == "10")
    #expect(response.headers["Connection"] == "close")
    #expect(response.headers["Date"]?.hasSuffix(" GMT") == true)
    let posted = try client.send(.post, "/echo", body: "payload".bytes)
    #expect(posted.body == "payload".bytes)
  }

  @Test func headerNamesAreCaseInsensitive() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    let response = try connection.send(
      .get, "/header?name=x-custom-thing", headers: ["X-CUSTOM-Thing": "value 1"])
    #expect(response.body == "value 1".bytes)
  }

  @Test func servesSeveralRequestsOnOneConnection() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    let first = try connection.send(.get, "/peer")
    for index in 0..<5 {
      let echoed = try connection.send(.post, "/echo", body: "request \(index)".bytes)
      #expect(echoed.body == "request \(index)".bytes)
      #expect(echoed.headers["Connection"] == nil)
    }
    // The same client port: the same TCP connection served every request.
    let last = try connection.send(.get, "/peer")
    #expect(first.body == last.body)
    #expect(connection.isReusable)
  }

  @Test func answersPipelinedRequestsInOrder() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    try connection.sendRaw(
      ("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
        + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
        + "GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").bytes)
    #expect(try connection.readResponse(method: .get).body == "GET /a".bytes)
    #expect(try connection.readResponse(method: .post).body == "abc".bytes)
    let last = try connection.readResponse(method: .get)
    #expect(last.body == "GET /c".bytes)
    #expect(last.headers["Connection"] == "close")
    #expect(connection.readsEndOfStream())
  }

  @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let kept = try TestServer.connect(server)
    defer { kept.close() }
    try kept.sendRaw("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n".bytes)
    #expect(try kept.readResponse(method: .get).headers["Connection"] == nil)
    try kept.sendRaw("GET /b HTTP/1.0\r\n\r\n".bytes)
    let second = try kept.readResponse(method: .get)
    #expect(second.body == "GET /b".bytes)
    #expect(second.headers["Connection"] == "close")
    #expect(kept.readsEndOfStream())
  }

  @Test func decodesChunkedBodiesSentInPieces() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    try connection.sendRaw(
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel".bytes)
    try connection.sendRaw("lo\r\n7;name=\"value\"\r\n, world\r\n".bytes)
    try connection.sendRaw("0\r\nX-Trailer: ignored\r\n\r\n".bytes)
    let response = try connection.readResponse(method: .post)
    #expect(response.status == .ok)
    #expect(response.body == "hello, world".bytes)
    // The connection stays usable after a chunked body.
    #expect(try connection.send(.get, "/next").body == "GET /next".bytes)
  }

  @Test func sendsContinueBeforeReadingAnExpectedBody() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    try connection.sendRaw(
      "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n".bytes)
    let interim = try connection.readResponse(method: .post)
    #expect(interim.status == .continue)
    try connection.sendRaw("data".bytes)
    let final = try connection.readResponse(method: .post)
    #expect(final.status == .ok)
    #expect(final.body == "data".bytes)
  }

  @Test func refusesAnExpectedBodyOverTheLimitWithoutContinue() throws {
    var limits = TestServer.fastLimits
    limits.maxBodyBytes = 10
    let server = try TestServer.start(limits: limits)
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    try connection.sendRaw(
      "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n".bytes)
    let response = try connection.readResponse(method: .post)
    #expect(response.status == .contentTooLarge)
    #expect(response.headers["Connection"] == "close")
    #expect(try TestServer.stillServes(server))
  }

  @Test func headSendsTheLengthButNoBody() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    let head = try connection.send(.head, "/some/page")
    #expect(head.status == .ok)
    #expect(head.headers["Content-Length"] == String("HEAD /some/page".utf8.count))
    #expect(head.body.isEmpty)
    // Had body bytes followed, this response would be read from them and fail.
    #expect(try connection.send(.get, "/after").body == "GET /after".bytes)
  }

  @Test func allowsALargerBodyOnTheRoutesThatAskForIt() throws {
    var limits = TestServer.fastLimits
    limits.maxBodyBytes = 1024
    let server = try TestServer.start(limits: limits) { configuration in
      configuration.bodyLimit = { head in head.path == "/echo" ? 64 * 1024 : 1024 }
    }
    defer { server.stop() }
    let large = [UInt8](repeating: 0x61, count: 50_000)
    let client = HTTPClient(host: "127.0.0.1", port: server.port)
    #expect(try client.send(.post, "/echo", body: large).body == large)
    #expect(try client.send(.post, "/other", body: large).status == .contentTooLarge)
    // Chunked bodies are held to the same route limits.
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    try connection.sendRaw(
      "POST /other HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n801\r\n".bytes)
    #expect(try connection.readResponse(method: .post).status == .contentTooLarge)
  }

  @Test func preflightRefusesBeforeTheBodyIsRead() throws {
    let server = try TestServer.start { configuration in
      configuration.preflight = { head in
        head.headers["Authorization"] == nil
          ? HTTPResponse(status: .unauthorized, headers: ["WWW-Authenticate": "Bearer"]) : nil
      }
    }
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    try connection.sendRaw(
      "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 100000\r\n\r\n"
        .bytes)
    let response = try connection.readResponse(method: .post)
    #expect(response.status == .unauthorized)
    #expect(response.headers["WWW-Authenticate"] == "Bearer")
    #expect(response.headers["Connection"] == "close")
    let client = HTTPClient(host: "127.0.0.1", port: server.port)
    let allowed = try client.send(
      .post, "/echo", headers: ["Authorization": "Bearer t"], body: [1, 2])
    #expect(allowed.body == [1, 2])
  }

  @Test func logsOneLinePerRequestWithTheHandlersAnnotations() throws {
    let log = Collector<HTTPAccessLogEntry>()
    let server = try TestServer.start { configuration in
      configuration.accessLog = { log.append($0) }
    }
    let client = HTTPClient(host: "127.0.0.1", port: server.port)
    _ = try client.send(.post, "/echo?secret=1", body: "12345".bytes)
    let connection = try TestServer.connect(server)
    try connection.sendRaw("GET / HTTP/1.1\r\nHost a\r\n\r\n".bytes)
    _ = try connection.readResponse(method: .get)
    connection.close()
    server.stop()  // Every connection has finished, and logged, when stop returns.
    let entries = log.all
    #expect(entries.count == 2)
    let echo = try #require(entries.first { $0.path == "/echo" })
    #expect(echo.method == "POST")
    #expect(echo.status == 200)
    #expect(echo.bytes == 5)
    #expect(echo.annotations == ["token": "7"])
    #expect(echo.line.contains("POST /echo 200 5B "))
    #expect(echo.line.hasSuffix("ms token=7"))
    #expect(!echo.line.contains("secret"))
    let bad = try #require(entries.first { $0.status == 400 })
    #expect(bad.method == "-")
  }

  @Test func stopLetsARequestInFlightFinish() throws {
    let entered = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let server = try TestServer.start { _ in
    } handler: { request in
      entered.signal()
      release.wait()
      return HTTPResponse(status: .ok, text: "finished")
    }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    try connection.sendRaw("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n".bytes)
    entered.wait()
    let stopped = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      server.stop()
      stopped.signal()
    }
    while !server.isStopping { usleep(1000) }
    release.signal()
    let response = try connection.readResponse(method: .get)
    #expect(response.body == "finished".bytes)
    #expect(response.headers["Connection"] == "close")
    stopped.wait()
    #expect(server.connectionCount == 0)
    #expect(throws: HTTPClientError.self) {
      _ = try HTTPClient(host: "127.0.0.1", port: server.port).send(.get, "/")
    }
  }

  @Test func stopClosesIdleKeepAliveConnections() throws {
    let server = try TestServer.start()
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    #expect(try connection.send(.get, "/a").status == .ok)
    server.stop()  // Returns although the connection's idle timeout is 5 s away.
    #expect(connection.readsEndOfStream())
  }

  @Test func stopsOnASignal() throws {
    let server = try TestServer.start()
    server.stopOnSignals([SIGUSR2])
    // To the process, as `kill` sends it (raise would target this thread, which may block it).
    kill(getpid(), SIGUSR2)
    server.waitUntilStopped()
    #expect(server.isStopping)
  }

  @Test func closesAKeptAliveConnectionAfterItsIdleTimeout() throws {
    var limits = TestServer.fastLimits
    limits.idleTimeout = .milliseconds(200)
    let server = try TestServer.start(limits: limits)
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    #expect(try connection.send(.get, "/a").headers["Connection"] == nil)
    #expect(connection.readsEndOfStream())
  }

  @Test func servesManyClientsAtOnce() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let failures = Collector<String>()
    DispatchQueue.concurrentPerform(iterations: 32) { client in
      do {
        let connection = try TestServer.connect(server)
        defer { connection.close() }
        for request in 0..<10 {
          let body = "client \(client) request \(request)".bytes
          let response = try connection.send(.post, "/echo", body: body)
          if response.body != body {
            failures.append("client \(client): \(response.status)")
          }
        }
      } catch {
        failures.append("client \(client): \(error)")
      }
    }
    #expect(failures.all.isEmpty)
  }

  @Test func refusesToStartOnAPortInUse() throws {
    let first = try TestServer.start()
    defer { first.stop() }
    let second = HTTPServer(configuration: .init(host: "127.0.0.1", port: first.port)) { _ in
      HTTPResponse(status: .ok)
    }
    #expect(throws: SocketError.self) { try second.start() }
  }
}
