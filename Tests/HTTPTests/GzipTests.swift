import Foundation
import Testing

@testable import HTTP

@Suite struct GzipTests {
  /// `gzip.compress(b"hello gzip\n", mtime=0)` from Python's standard library.
  static let pythonGzip: [UInt8] = [
    31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 203, 72, 205, 201, 201, 87, 72, 175, 202, 44, 224, 2, 0,
    57, 124, 99, 86, 11, 0, 0, 0,
  ]

  static var manifest: [UInt8] {
    get throws {
      let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../sample-runs/runs/102/001/01-build/manifest.json")
      return Array(try Data(contentsOf: url))
    }
  }

  @Test func decompressesAnotherImplementationsOutput() throws {
    #expect(Gzip.hasGzipMagic(Self.pythonGzip))
    #expect(try Gzip.decompress(Self.pythonGzip, limit: 100) == "hello gzip\n".bytes)
  }

  @Test func roundTripsARealManifest() throws {
    let manifest = try Self.manifest
    let packed = try Gzip.compress(manifest)
    #expect(Gzip.hasGzipMagic(packed))
    #expect(packed.count < manifest.count / 3)
    #expect(try Gzip.decompress(packed, limit: manifest.count) == manifest)
  }

  @Test func joinsConcatenatedMembers() throws {
    let joined = try Gzip.compress("one ".bytes) + Gzip.compress("two".bytes)
    #expect(try Gzip.decompress(joined, limit: 100) == "one two".bytes)
  }

  @Test func refusesABombOverTheCap() throws {
    let bomb = try Gzip.compress([UInt8](repeating: 0, count: 20 << 20), level: 9)
    #expect(bomb.count < 64 * 1024)
    #expect(throws: GzipError.tooLarge(limit: 1 << 20)) {
      try Gzip.decompress(bomb, limit: 1 << 20)
    }
    // Exactly at the cap is fine.
    #expect(
      try Gzip.decompress(try Gzip.compress([UInt8](repeating: 7, count: 1000)), limit: 1000).count
        == 1000)
  }

  @Test func refusesTruncatedData() throws {
    let packed = try Gzip.compress(try Self.manifest)
    for cut in [0, 5, 10, packed.count / 2, packed.count - 4, packed.count - 1] {
      #expect(throws: GzipError.truncated) {
        try Gzip.decompress(Array(packed[0..<cut]), limit: 1 << 24)
      }
    }
  }

  @Test func refusesDataThatIsNotGzip() throws {
    #expect(throws: GzipError.self) {
      try Gzip.decompress("{\"plain\": \"json\"}".bytes, limit: 100)
    }
    var corrupted = Self.pythonGzip
    corrupted[12] ^= 0xFF
    #expect(throws: GzipError.self) { try Gzip.decompress(corrupted, limit: 100) }
    #expect(throws: GzipError.self) {
      try Gzip.decompress(Self.pythonGzip + "trailing junk".bytes, limit: 100)
    }
    #expect(!Gzip.hasGzipMagic([0x1F]))
  }
}

@Suite struct ContentCodingTests {
  private func request(_ encoding: String?, _ body: [UInt8]) -> HTTPRequest {
    var headers = HTTPHeaders()
    if let encoding { headers.add("Content-Encoding", encoding) }
    return HTTPRequest(method: .post, target: "/upload", headers: headers, body: body)
  }

  @Test func decodesGzipAndPassesIdentity() throws {
    let packed = try Gzip.compress("manifest".bytes)
    #expect(try request("gzip", packed).decodedBody(limit: 100) == "manifest".bytes)
    #expect(try request("X-Gzip", packed).decodedBody(limit: 100) == "manifest".bytes)
    #expect(try request(nil, "plain".bytes).decodedBody(limit: 5) == "plain".bytes)
    #expect(try request("identity", "plain".bytes).decodedBody(limit: 5) == "plain".bytes)
  }

  @Test func refusesOtherCodingsAndOversizedBodies() throws {
    #expect(throws: GzipError.unsupportedCoding("br")) {
      try request("br", []).decodedBody(limit: 100)
    }
    #expect(throws: GzipError.unsupportedCoding("gzip, gzip")) {
      try request("gzip, gzip", []).decodedBody(limit: 100)
    }
    #expect(throws: GzipError.tooLarge(limit: 4)) {
      try request(nil, "plain".bytes).decodedBody(limit: 4)
    }
    #expect(throws: GzipError.tooLarge(limit: 4)) {
      try request("gzip", try Gzip.compress("plain".bytes)).decodedBody(limit: 4)
    }
  }
}
