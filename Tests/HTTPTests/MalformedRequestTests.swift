import Glibc
import Testing

@testable import HTTP

/// The malformed-request corpus against a live server: each request gets its status with
/// `Connection: close`, the connection is closed, and a fresh connection is still served.
@Suite struct MalformedRequestTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let request: String
    let status: Int
    var testDescription: String { name }
  }

  static let host = "Host: x\r\n"

  static let corpus: [Case] = [
    Case(name: "request line of one word", request: "GARBAGE\r\n\r\n", status: 400),
    Case(name: "request line without version", request: "GET /\r\n\(host)\r\n", status: 400),
    Case(
      name: "double space in request line", request: "GET  / HTTP/1.1\r\n\(host)\r\n", status: 400),
    Case(name: "malformed version", request: "GET / HTTP/1.1x\r\n\(host)\r\n", status: 400),
    Case(name: "lowercase version", request: "GET / http/1.1\r\n\(host)\r\n", status: 400),
    Case(name: "HTTP/2.0", request: "GET / HTTP/2.0\r\n\(host)\r\n", status: 505),
    Case(name: "HTTP/0.9", request: "GET / HTTP/0.9\r\n\(host)\r\n", status: 505),
    Case(name: "unknown method", request: "BREW /pot HTTP/1.1\r\n\(host)\r\n", status: 501),
    Case(name: "CONNECT", request: "CONNECT x:443 HTTP/1.1\r\n\(host)\r\n", status: 400),
    Case(name: "target not a path", request: "GET index.html HTTP/1.1\r\n\(host)\r\n", status: 400),
    Case(
      name: "control byte in target", request: "GET /a\u{1}b HTTP/1.1\r\n\(host)\r\n", status: 400),
    Case(
      name: "request line over 8 KiB",
      request: "GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\n\(host)\r\n", status: 414),
    Case(
      name: "header over 16 KiB",
      request: "GET / HTTP/1.1\r\n\(host)X-Big: \(String(repeating: "a", count: 17000))\r\n\r\n",
      status: 431),
    Case(
      name: "101 header fields",
      request: "GET / HTTP/1.1\r\n\(host)"
        + (1...100).map { "X-F\($0): v\r\n" }.joined() + "\r\n", status: 431),
    Case(
      name: "header without colon", request: "GET / HTTP/1.1\r\n\(host)NoColonHere\r\n\r\n",
      status: 400),
    Case(name: "space before colon", request: "GET / HTTP/1.1\r\nHost : x\r\n\r\n", status: 400),
    Case(name: "empty header name", request: "GET / HTTP/1.1\r\n\(host): v\r\n\r\n", status: 400),
    Case(
      name: "obsolete line folding", request: "GET / HTTP/1.1\r\n\(host)X-A: 1\r\n 2\r\n\r\n",
      status: 400),
    Case(name: "bare LF line ends", request: "GET / HTTP/1.1\n\(host)\n", status: 400),
    Case(
      name: "bare CR in a header", request: "GET / HTTP/1.1\r\n\(host)X-A: 1\r2\r\n\r\n",
      status: 400),
    Case(
      name: "NUL in a header value", request: "GET / HTTP/1.1\r\n\(host)X-A: 1\u{0}2\r\n\r\n",
      status: 400),
    Case(name: "HTTP/1.1 without Host", request: "GET / HTTP/1.1\r\n\r\n", status: 400),
    Case(name: "two Host fields", request: "GET / HTTP/1.1\r\n\(host)\(host)\r\n", status: 400),
    Case(
      name: "Content-Length with Transfer-Encoding",
      request: "POST /echo HTTP/1.1\r\n\(host)Content-Length: 5\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
    Case(
      name: "Content-Length not a number",
      request: "POST /echo HTTP/1.1\r\n\(host)Content-Length: 5x\r\n\r\n12345", status: 400),
    Case(
      name: "negative Content-Length",
      request: "POST /echo HTTP/1.1\r\n\(host)Content-Length: -1\r\n\r\n", status: 400),
    Case(
      name: "conflicting Content-Length fields",
      request: "POST /echo HTTP/1.1\r\n\(host)Content-Length: 1\r\nContent-Length: 2\r\n\r\nab",
      status: 400),
    Case(
      name: "Content-Length over 1 MiB",
      request: "POST /echo HTTP/1.1\r\n\(host)Content-Length: 1048577\r\n\r\n", status: 413),
    Case(
      name: "Content-Length beyond Int",
      request: "POST /echo HTTP/1.1\r\n\(host)Content-Length: 99999999999999999999999\r\n\r\n",
      status: 413),
    Case(
      name: "transfer coding without chunked",
      request: "POST /echo HTTP/1.1\r\n\(host)Transfer-Encoding: gzip\r\n\r\n", status: 400),
    Case(
      name: "chunked not last",
      request: "POST /echo HTTP/1.1\r\n\(host)Transfer-Encoding: chunked, gzip\r\n\r\n", status: 400
    ),
    Case(
      name: "unsupported coding before chunked",
      request: "POST /echo HTTP/1.1\r\n\(host)Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
      status: 501),
    Case(
      name: "Transfer-Encoding in HTTP/1.0",
      request: "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
    Case(
      name: "chunk size not hexadecimal",
      request:
        "POST /echo HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n",
      status: 400),
    Case(
      name: "chunk size with a sign",
      request:
        "POST /echo HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n-5\r\nabcde\r\n0\r\n\r\n",
      status: 400),
    Case(
      name: "chunk size overflowing",
      request: "POST /echo HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n"
        + "10000000000000000\r\n", status: 413),
    Case(
      name: "chunk data longer than its size",
      request:
        "POST /echo HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n",
      status: 400),
    Case(
      name: "chunk size line ended by bare LF",
      request: "POST /echo HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n2\nab\r\n0\r\n\r\n",
      status: 400),
    Case(
      name: "unsupported expectation",
      request: "POST /echo HTTP/1.1\r\n\(host)Expect: 200-ok\r\nContent-Length: 1\r\n\r\na",
      status: 417),
  ]

  @Test(arguments: corpus)
  func answersAndClosesAndKeepsServing(_ testCase: Case) throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    try connection.sendRaw(testCase.request.bytes)
    let response = try connection.readResponse(method: .get)
    #expect(response.status.code == testCase.status)
    #expect(response.headers["Connection"] == "close")
    #expect(connection.readsEndOfStream())
    #expect(try TestServer.stillServes(server))
  }

  @Test func bodyShorterThanItsContentLengthTimesOut() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    try connection.sendRaw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc".bytes)
    let response = try connection.readResponse(method: .post)
    #expect(response.status == .requestTimeout)
    #expect(response.headers["Connection"] == "close")
    #expect(connection.readsEndOfStream())
    #expect(try TestServer.stillServes(server))
  }

  @Test func unfinishedChunkedBodyTimesOut() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    try connection.sendRaw(
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab".bytes)
    #expect(try connection.readResponse(method: .post).status == .requestTimeout)
    #expect(try TestServer.stillServes(server))
  }

  @Test func halfSentHeadersTimeOut() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    try connection.sendRaw("GET / HTTP/1.1\r\nHost: x\r\nX-Partial: ".bytes)
    // Another client is served while this one is stuck.
    #expect(try TestServer.stillServes(server))
    let response = try connection.readResponse(method: .get)
    #expect(response.status == .requestTimeout)
    #expect(response.headers["Connection"] == "close")
    #expect(connection.readsEndOfStream())
    #expect(try TestServer.stillServes(server))
  }

  @Test func silentConnectionIsClosedWithoutAResponse() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    defer { connection.close() }
    #expect(connection.readsEndOfStream())
    #expect(try TestServer.stillServes(server))
  }

  @Test func clientClosingMidBodyLeavesTheServerServing() throws {
    let server = try TestServer.start()
    defer { server.stop() }
    let connection = try TestServer.connect(server)
    try connection.sendRaw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nab".bytes)
    connection.close()
    #expect(try TestServer.stillServes(server))
  }

  @Test func connectionsOverTheCapGet503() throws {
    var limits = TestServer.fastLimits
    limits.maxConnections = 2
    let server = try TestServer.start(limits: limits)
    defer { server.stop() }
    let first = try TestServer.connect(server)
    let second = try TestServer.connect(server)
    defer { second.close() }
    // A completed request on each proves both were admitted.
    #expect(try first.send(.get, "/1").status == .ok)
    #expect(try second.send(.get, "/2").status == .ok)
    let third = try TestServer.connect(server)
    defer { third.close() }
    let refused = try third.readResponse(method: .get)
    #expect(refused.status == .serviceUnavailable)
    #expect(refused.headers["Connection"] == "close")
    #expect(refused.headers["Retry-After"] == "1")
    // Once a connection closes, new ones are admitted again.
    first.close()
    while server.connectionCount > 1 { usleep(1000) }
    #expect(try TestServer.stillServes(server))
  }
}
