import CCrypto

/// The SHA-256 digest of a token's text: the only form in which a token is stored.
///
/// A token carries 190 random bits, so an unsalted fast hash is enough (no password
/// hashing needed): the digest cannot be reversed, and a database leak reveals no token.
/// Equality compares in constant time with `CRYPTO_memcmp`, so comparing a stored digest
/// leaks nothing through timing.
/// <https://docs.openssl.org/3.0/man3/CRYPTO_memcmp/>
public struct TokenDigest: Sendable, Hashable, CustomStringConvertible {
  /// The 32 bytes of the digest.
  public let bytes: [UInt8]

  /// The digest of `plaintext`'s UTF-8 bytes.
  public init(of plaintext: String) {
    bytes = TokenDigest.sha256(Array(plaintext.utf8))
  }

  /// A stored digest, if `bytes` has the 32 bytes of a SHA-256 digest.
  public init?(bytes: [UInt8]) {
    guard bytes.count == 32 else { return nil }
    self.bytes = bytes
  }

  /// Constant-time comparison of the 32 bytes.
  public static func == (lhs: TokenDigest, rhs: TokenDigest) -> Bool {
    guard lhs.bytes.count == rhs.bytes.count else { return false }
    return lhs.bytes.withUnsafeBytes { left in
      rhs.bytes.withUnsafeBytes { right in
        CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
      }
    }
  }

  /// Hashes the digest bytes (for sets and dictionaries keyed by digest).
  public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }

  /// Lowercase hex, for diagnostics (never the token itself).
  public var description: String {
    bytes.map { byte in
      let text = String(byte, radix: 16)
      return byte < 16 ? "0" + text : text
    }.joined()
  }

  /// One-shot SHA-256 through libcrypto's EVP interface (FIPS 180-4).
  /// <https://docs.openssl.org/3.0/man3/EVP_DigestInit/>
  private static func sha256(_ message: [UInt8]) -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    let status = message.withUnsafeBytes { input in
      digest.withUnsafeMutableBufferPointer { output in
        EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil)
      }
    }
    // EVP_Digest of SHA-256 fails only without memory or a SHA-256 provider, which no
    // input can cause.
    precondition(status == 1 && length == 32, "libcrypto: EVP_Digest(SHA-256) failed")
    return digest
  }
}
