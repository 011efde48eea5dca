import Testing

@testable import HTTP

@Suite struct ChunkedBodyDecoderTests {
  private func decode(_ text: String, limit: Int = 1024) throws(HTTPParseError) -> (
    body: String, used: Int, complete: Bool
  ) {
    var decoder = ChunkedBodyDecoder(maxBodyBytes: limit, limits: HTTPLimits())
    var body: [UInt8] = []
    let used = try decoder.decode(text.bytes[...], into: &body)
    return (String(decoding: body, as: UTF8.self), used, decoder.isComplete)
  }

  @Test func decodesChunksExtensionsAndTrailers() throws {
    let text =
      "4\r\nWiki\r\n5 ; a=b;c=\"d e\"\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nT: v\r\n\r\nNEXT"
    let result = try decode(text)
    #expect(result.body == "Wikipedia in\r\n\r\nchunks.")
    #expect(result.complete)
    #expect(result.used == text.utf8.count - 4)
  }

  @Test func givesTheSameBodyWhenFedByteByByte() throws {
    let text = "3\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n"
    var decoder = ChunkedBodyDecoder(maxBodyBytes: 1024, limits: HTTPLimits())
    var body: [UInt8] = []
    for byte in text.bytes {
      #expect(!decoder.isComplete)
      #expect(try decoder.decode([byte][...], into: &body) == 1)
    }
    #expect(decoder.isComplete)
    #expect(body == "abc0123456789abcdef".bytes)
  }

  @Test func waitsForMoreWhenIncomplete() throws {
    let result = try decode("5\r\nab")
    #expect(result.body == "ab")
    #expect(!result.complete)
  }

  @Test(arguments: [
    ("zz\r\n", 400), ("\r\n", 400), ("5 x\r\n", 400), ("5\nabcde", 400),
    ("2\r\nabc\r\n", 400), ("2\r\nab\n", 400), ("1\r\na\r\n0\r\n bad\r\n\r\n", 400),
    ("1\r\na\r\n0\r\nno colon\r\n\r\n", 400), ("fffffffffffffffffff\r\n", 413),
    ("401\r\n", 413),
  ])
  func refusesBadFraming(_ text: String, status: Int) {
    do {
      _ = try decode(text)
      Issue.record("expected \(status)")
    } catch {
      #expect(error.status.code == status)
    }
  }

  @Test func keepsCRInsideChunkDataAsData() throws {
    let result = try decode("5\r\nab\rcd\r\n0\r\n\r\n")
    #expect(result.body == "ab\rcd")
    #expect(result.complete)
  }

  @Test func countsTheLimitAcrossChunks() throws {
    #expect(
      try decode("200\r\n" + String(repeating: "a", count: 512) + "\r\n200\r\n", limit: 1024)
        .complete == false)
    #expect(throws: HTTPParseError.self) {
      try decode("200\r\n" + String(repeating: "a", count: 512) + "\r\n201\r\n", limit: 1024)
    }
  }
}
