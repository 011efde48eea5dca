import CCrypto

/// Random bytes from libcrypto's CSPRNG (`RAND_bytes`), seeded by the operating system.
/// <https://docs.openssl.org/3.0/man3/RAND_bytes/>
enum SecureRandom {
  /// `count` random bytes.
  ///
  /// - Throws: ``AuthError`` `randomSourceFailed` when libcrypto cannot produce them
  ///   (its generator could not be seeded): a token is never made from weak bytes.
  static func bytes(count: Int) throws(AuthError) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    let status = bytes.withUnsafeMutableBufferPointer { buffer in
      RAND_bytes(buffer.baseAddress, Int32(buffer.count))
    }
    guard status == 1 else { throw AuthError(.randomSourceFailed) }
    return bytes
  }

  /// `count` base62 digits, each uniformly distributed: random bytes of 248 and above are
  /// dropped (248 = 4 x 62), so `byte % 62` has no bias.
  static func base62Digits(count: Int) throws(AuthError) -> [UInt8] {
    var digits: [UInt8] = []
    digits.reserveCapacity(count)
    while digits.count < count {
      for byte in try bytes(count: count + 8) where byte < 248 && digits.count < count {
        digits.append(Base62.digits[Int(byte % 62)])
      }
    }
    return digits
  }
}
