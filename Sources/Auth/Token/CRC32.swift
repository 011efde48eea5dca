/// CRC-32 (IEEE 802.3, the polynomial of zlib, gzip and PNG), the checksum at the end of
/// every token: it detects every single-character change and every burst of up to 32 bits,
/// so a mistyped token is refused without a database lookup (as GitHub's token format
/// does: https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/).
///
/// For example: `CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926`.
enum CRC32 {
  /// The checksum of `bytes`.
  static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    return crc ^ 0xFFFF_FFFF
  }

  /// The byte-at-a-time table of the reflected polynomial 0xEDB88320.
  private static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 {
      value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
    }
    return value
  }
}
