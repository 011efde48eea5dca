import Testing

@testable import HTTP

@Suite struct HTTPRequestHeadParserTests {
  private func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) throws(HTTPParseError) -> (
    head: HTTPRequestHead, length: Int
  )? {
    var parser = HTTPRequestHeadParser(limits: limits)
    return try parser.parse(text.bytes[...])
  }

  @Test func readsMethodTargetVersionAndFields() throws {
    let text =
      "POST /graphql?query=%7Ba%7D HTTP/1.1\r\nHost: h\r\nX-A:  spaced value \t\r\n\r\nbody"
    let (head, length) = try #require(try parse(text))
    #expect(head.method == .post)
    #expect(head.target == "/graphql?query=%7Ba%7D")
    #expect(head.path == "/graphql")
    #expect(head.query == "query=%7Ba%7D")
    #expect(head.queryItems == [QueryString.Item(name: "query", value: "{a}")])
    #expect(head.version == .http1_1)
    #expect(head.headers["x-a"] == "spaced value")
    #expect(length == text.utf8.count - 4)
  }

  @Test func waitsForTheEndOfTheHeadWhenFedByteByByte() throws {
    let text = "\r\nGET /a HTTP/1.1\r\nHost: h\r\n\r\n"
    var parser = HTTPRequestHeadParser(limits: HTTPLimits())
    let bytes = text.bytes
    for end in 0..<bytes.count {
      #expect(try parser.parse(bytes[0..<end]) == nil)
    }
    let (head, length) = try #require(try parser.parse(bytes[...]))
    #expect(head.path == "/a")
    #expect(length == bytes.count)
  }

  @Test func readsAbsoluteAndAsteriskForms() throws {
    let absolute = try #require(
      try parse("GET http://example.com:8080/p/q?x=1 HTTP/1.1\r\nHost: e\r\n\r\n"))
    #expect(absolute.head.path == "/p/q")
    #expect(absolute.head.query == "x=1")
    let bare = try #require(try parse("GET http://example.com HTTP/1.1\r\nHost: e\r\n\r\n"))
    #expect(bare.head.path == "/")
    let asterisk = try #require(try parse("OPTIONS * HTTP/1.1\r\nHost: e\r\n\r\n"))
    #expect(asterisk.head.path == "*")
    #expect(
      throws: HTTPParseError(.badRequest, "request target is not origin, absolute or asterisk form")
    ) {
      try parse("GET * HTTP/1.1\r\nHost: e\r\n\r\n")
    }
  }

  @Test func acceptsHTTP10WithoutHost() throws {
    let (head, _) = try #require(try parse("GET / HTTP/1.0\r\n\r\n"))
    #expect(head.version == .http1_0)
    #expect(!head.wantsKeepAlive)
  }

  @Test func keepsRepeatedFieldsInOrder() throws {
    let (head, _) = try #require(
      try parse(
        "GET / HTTP/1.1\r\nHost: h\r\nAccept: a\r\nACCEPT: b\r\nConnection: Keep-Alive, Close\r\n\r\n"
      ))
    #expect(head.headers.values("accept") == ["a", "b"])
    #expect(head.headers.combined("Accept") == "a, b")
    #expect(head.headers.tokens("connection") == ["keep-alive", "close"])
    #expect(!head.wantsKeepAlive)
  }

  @Test func appliesLimitsAtTheirExactBoundaries() throws {
    var limits = HTTPLimits()
    limits.maxRequestLineBytes = 20
    limits.maxHeaderBytes = 20
    limits.maxHeaderCount = 2
    // "GET /123456 HTTP/1.0" is exactly 20 bytes.
    #expect(try parse("GET /123456 HTTP/1.0\r\n\r\n", limits: limits) != nil)
    #expect(throws: HTTPParseError(.uriTooLong, "request line longer than the limit")) {
      try parse("GET /1234567 HTTP/1.0\r\n\r\n", limits: limits)
    }
    // "Host: h\r\n" + "X: 12345678\r\n" is 9 + 13 = 22 bytes: over 20 with the final CRLF.
    #expect(try parse("GET / HTTP/1.1\r\nHost: h\r\nX: 123456\r\n\r\n", limits: limits) != nil)
    do {
      _ = try parse("GET / HTTP/1.1\r\nHost: h\r\nX: 1234567890\r\n\r\n", limits: limits)
      Issue.record("expected 431")
    } catch {
      #expect(error.status == .requestHeaderFieldsTooLarge)
    }
    do {
      _ = try parse("GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\n\r\n", limits: limits)
      Issue.record("expected 431")
    } catch {
      #expect(error.status == .requestHeaderFieldsTooLarge)
    }
  }

  @Test func refusesAnOverlongRequestLineBeforeItEnds() throws {
    var limits = HTTPLimits()
    limits.maxRequestLineBytes = 16
    do {
      _ = try parse("GET /" + String(repeating: "a", count: 40), limits: limits)
      Issue.record("expected 414")
    } catch {
      #expect(error.status == .uriTooLong)
    }
  }
}

@Suite struct HTTPBodyFramingTests {
  private func framing(_ fields: HTTPHeaders, version: HTTPVersion = .http1_1)
    throws(HTTPParseError)
    -> HTTPBodyFraming
  {
    try HTTPBodyFraming.of(
      HTTPRequestHead(method: .post, target: "/", version: version, headers: fields))
  }

  @Test func readsEachFraming() throws {
    #expect(try framing([:]) == .none)
    #expect(try framing(["Content-Length": "0"]) == .contentLength(0))
    #expect(try framing(["Content-Length": "12"]) == .contentLength(12))
    #expect(try framing(["Content-Length": "3, 3"]) == .contentLength(3))
    #expect(try framing(["Transfer-Encoding": "Chunked"]) == .chunked)
    #expect(try framing(["Content-Length": "0"]).expectsBody == false)
  }

  @Test func refusesAmbiguousFraming() {
    let cases: [(HTTPHeaders, Int)] = [
      (["Content-Length": "1", "Transfer-Encoding": "chunked"], 400),
      (["Content-Length": "1", "content-length": "2"], 400),
      (["Content-Length": ""], 400),
      (["Content-Length": "+1"], 400),
      (["Content-Length": "123456789012345678901234567890"], 413),
      (["Transfer-Encoding": "chunked, chunked"], 400),
      (["Transfer-Encoding": "identity"], 400),
      (["Transfer-Encoding": "gzip, chunked"], 501),
      (["Transfer-Encoding": ""], 400),
    ]
    for (fields, status) in cases {
      do {
        _ = try framing(fields)
        Issue.record("expected \(status) for \(fields)")
      } catch {
        #expect(error.status.code == status, "\(fields)")
      }
    }
  }
}
