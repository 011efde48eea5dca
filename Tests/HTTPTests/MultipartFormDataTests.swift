import Testing

@testable import HTTP

@Suite struct MultipartFormDataTests {
  static let contentType = "multipart/form-data; boundary=----b0undary"

  static func body(_ parts: [(headers: String, content: [UInt8])], close: Bool = true) -> [UInt8] {
    var bytes = "preamble to ignore\r\n".bytes
    for part in parts {
      bytes += "------b0undary\r\n\(part.headers)\r\n".bytes + part.content + "\r\n".bytes
    }
    if close { bytes += "------b0undary--\r\nepilogue".bytes }
    return bytes
  }

  @Test func readsFileAndFieldParts() throws {
    let packed = try Gzip.compress("{\"metadata\": {}}".bytes)
    let body = Self.body([
      (
        "Content-Disposition: form-data; name=\"manifest\"; filename=\"manifest.json.gz\"\r\n"
          + "Content-Type: application/gzip\r\n", packed
      ),
      (
        "Content-Disposition: form-data; name=note\r\n", "line one\r\n------b0undar not quite".bytes
      ),
      ("content-disposition: form-data; name=\"empty\"\r\n", []),
    ])
    let parts = try MultipartFormData.parse(body: body, contentType: Self.contentType)
    #expect(parts.map(\.name) == ["manifest", "note", "empty"])
    #expect(parts[0].filename == "manifest.json.gz")
    #expect(parts[0].contentType == "application/gzip")
    #expect(parts[0].isGzip)
    #expect(try Gzip.decompress(parts[0].body, limit: 100) == "{\"metadata\": {}}".bytes)
    #expect(parts[1].filename == nil)
    #expect(!parts[1].isGzip)
    #expect(parts[1].body == "line one\r\n------b0undar not quite".bytes)
    #expect(parts[2].body.isEmpty)
  }

  @Test func acceptsAQuotedBoundaryAndNoPreamble() throws {
    let body =
      "--a b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue\r\n--a b--".bytes
    let parts = try MultipartFormData.parse(
      body: body, contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"a b\"")
    #expect(
      parts == [
        MultipartPart(
          name: "x", filename: nil, contentType: nil,
          headers: ["Content-Disposition": "form-data; name=\"x\""], body: "value".bytes)
      ])
  }

  @Test(
    arguments: [
      (nil, "no Content-Type"),
      ("application/json", "Content-Type is application/json, not multipart/form-data"),
      ("multipart/form-data", "Content-Type has no boundary parameter"),
      ("multipart/form-data; boundary=", "boundary must be 1 to 70 characters"),
      (
        "multipart/form-data; boundary=" + String(repeating: "x", count: 71),
        "boundary must be 1 to 70 characters"
      ),
    ] as [(String?, String)])
  func refusesAMissingBoundary(_ contentType: String?, reason: String) {
    #expect(throws: MultipartError(reason)) {
      try MultipartFormData.parse(body: Self.body([]), contentType: contentType)
    }
  }

  @Test func refusesATruncatedBody() {
    let full = Self.body([("Content-Disposition: form-data; name=a\r\n", "abc".bytes)])
    let cut = Array(full[0..<(full.count - 20)])
    #expect(throws: MultipartError("part 1 has no closing boundary (truncated body?)")) {
      try MultipartFormData.parse(body: cut, contentType: Self.contentType)
    }
    let unclosed =
      Self.body([("Content-Disposition: form-data; name=a\r\n", "abc".bytes)], close: false)
      + "------b0undary".bytes
    #expect(throws: MultipartError("boundary not followed by CRLF (truncated body?)")) {
      try MultipartFormData.parse(body: unclosed, contentType: Self.contentType)
    }
    #expect(throws: MultipartError("no opening boundary")) {
      try MultipartFormData.parse(body: "no boundary at all".bytes, contentType: Self.contentType)
    }
  }

  @Test func refusesPartsWithoutANameOrWithBadHeaders() {
    #expect(throws: MultipartError("part 1: no Content-Disposition: form-data with a name")) {
      try MultipartFormData.parse(
        body: Self.body([("Content-Type: text/plain\r\n", [])]), contentType: Self.contentType)
    }
    #expect(throws: MultipartError("part 1: no Content-Disposition: form-data with a name")) {
      try MultipartFormData.parse(
        body: Self.body([("Content-Disposition: attachment; name=a\r\n", [])]),
        contentType: Self.contentType)
    }
    #expect(throws: MultipartError("part 1: malformed header line")) {
      try MultipartFormData.parse(
        body: Self.body([("no colon here\r\n", [])]), contentType: Self.contentType)
    }
    #expect(throws: MultipartError("part 1: headers not ended by an empty line")) {
      try MultipartFormData.parse(
        body: "------b0undary\r\nContent-Disposition: form-data; name=a\r\n------b0undary--".bytes,
        contentType: Self.contentType)
    }
  }

  @Test func encodesWhatItParses() throws {
    let manifest = try Gzip.compress(try GzipTests.manifest)
    let parts = [
      MultipartPart(
        name: "manifest", filename: "manifest.json.gz", contentType: "application/gzip",
        headers: [:], body: manifest),
      MultipartPart(
        name: "odd \"name\"\r\n", filename: nil, contentType: nil, headers: ["X-Extra": "1"],
        body: "text with --dashes".bytes),
    ]
    let (contentType, body) = MultipartFormData.encode(parts)
    let boundary = try MultipartFormData.boundary(contentType: contentType)
    #expect(boundary.hasPrefix("dbt-metadata-"))
    let parsed = try MultipartFormData.parse(body: body, contentType: contentType)
    #expect(parsed.count == 2)
    #expect(parsed[0].name == "manifest")
    #expect(parsed[0].filename == "manifest.json.gz")
    #expect(parsed[0].isGzip)
    #expect(parsed[0].body == manifest)
    #expect(parsed[1].name == "odd %22name%22%0D%0A")
    #expect(parsed[1].headers["X-Extra"] == "1")
    #expect(parsed[1].body == "text with --dashes".bytes)
    // A given boundary is used as is.
    let fixed = MultipartFormData.encode([parts[1]], boundary: "b")
    #expect(fixed.contentType == "multipart/form-data; boundary=b")
    #expect(fixed.body.starts(with: "--b\r\n".bytes))
  }

  @Test func boundsPartsAndPartHeaders() {
    let many = Self.body(
      (0..<5).map { ("Content-Disposition: form-data; name=p\($0)\r\n", "x".bytes) })
    #expect(throws: MultipartError("more than 4 parts")) {
      try MultipartFormData.parse(body: many, contentType: Self.contentType, maxParts: 4)
    }
    let bigHeader = Self.body([
      (
        "Content-Disposition: form-data; name=a\r\nX-Pad: \(String(repeating: "p", count: 300))\r\n",
        []
      )
    ])
    #expect(throws: MultipartError("part 1: headers larger than 256 bytes")) {
      try MultipartFormData.parse(
        body: bigHeader, contentType: Self.contentType, maxPartHeaderBytes: 256)
    }
  }
}

@Suite struct QueryStringTests {
  @Test func decodesPairsPercentAndPlus() {
    #expect(
      QueryString.parse("query=%7B%20models%20%7D&variables=%7B%22a%22%3A1%7D&flag&&x=a+b%2Bc")
        == [
          .init(name: "query", value: "{ models }"), .init(name: "variables", value: "{\"a\":1}"),
          .init(name: "flag", value: ""), .init(name: "x", value: "a b+c"),
        ])
    #expect(QueryString.value("x", in: "y=1&x=2&x=3") == "2")
    #expect(QueryString.value("z", in: "y=1") == nil)
  }

  @Test func keepsMalformedEscapesAndReplacesInvalidUTF8() {
    #expect(QueryString.percentDecode("100%") == "100%")
    #expect(QueryString.percentDecode("%zz%4") == "%zz%4")
    #expect(QueryString.percentDecode("%C3%A9t%C3%A9") == "été")
    #expect(QueryString.percentDecode("%FF") == "\u{FFFD}")
    #expect(QueryString.percentDecode("a+b") == "a+b")
  }
}

@Suite struct HeaderValueTests {
  @Test func readsValueAndParameters() {
    let value = HeaderValue.parse(
      "form-data; NAME=\"a \\\"quoted\\\" name\"; filename=plain.json ;  empty=; =x; broken")
    #expect(value.value == "form-data")
    #expect(value.parameters["name"] == "a \"quoted\" name")
    #expect(value.parameters["filename"] == "plain.json")
    #expect(value.parameters["empty"] == "")
    #expect(value.parameters.count == 3)
  }
}
