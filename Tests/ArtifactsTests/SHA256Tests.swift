import Testing

@testable import Artifacts

/// SHA-256 against the FIPS 180-4 example vectors (NIST CSRC "Examples with intermediate
/// values", SHA256.pdf, SHA256_2.pdf) and the NIST long-message test.
@Suite struct SHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
  ])
  func fipsVectors(message: String, digest: String) {
    #expect(SHA256.hexDigest(of: Array(message.utf8)) == digest)
  }

  @Test func oneMillionA() {
    let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(
      SHA256.hexDigest(of: message)
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Padding edge cases: 55, 56, 63, 64 and 65 bytes (one or two final blocks), checked
  /// against Python's hashlib (`hashlib.sha256(b"a" * n).hexdigest()`).
  @Test(arguments: [
    (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
    (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
    (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
    (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
  ])
  func paddingBoundaries(length: Int, digest: String) {
    #expect(SHA256.hexDigest(of: [UInt8](repeating: UInt8(ascii: "a"), count: length)) == digest)
  }

  /// After `finalize()` the hasher starts a new message; a copy taken before keeps the
  /// old state (value semantics).
  @Test func finalizeStartsOverAndCopiesAreIndependent() {
    var hasher = SHA256()
    hasher.update(Array("ab".utf8))
    var copy = hasher
    hasher.update(Array("c".utf8))
    #expect(
      SHA256.hex(hasher.finalize())
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(hasher.finalize())
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    hasher.update(Array("abc".utf8))
    #expect(
      SHA256.hex(hasher.finalize())
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex(copy.finalize()) == SHA256.hexDigest(of: Array("ab".utf8)))
  }

  @Test func incrementalUpdatesMatchOneShot() {
    let message = Array((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    let expected = SHA256.hexDigest(of: message)
    for chunk in [1, 7, 63, 64, 65, 500] {
      var hasher = SHA256()
      var offset = 0
      while offset < message.count {
        let end = min(offset + chunk, message.count)
        hasher.update(message[offset..<end])
        offset = end
      }
      #expect(SHA256.hex(hasher.finalize()) == expected, "chunk \(chunk)")
    }
  }
}
