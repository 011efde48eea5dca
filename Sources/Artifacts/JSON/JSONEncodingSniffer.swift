/// Names the encoding of a file that is not UTF-8 JSON but looks like JSON in another
/// Unicode encoding, so the error says "UTF-16 (little-endian)" instead of "found byte 0xFF".
///
/// JSON exchanged between systems must be UTF-8 without a byte order mark
/// (RFC 8259 §8.1, <https://www.rfc-editor.org/rfc/rfc8259#section-8.1>); Python's `json`
/// refuses a BOM too. Files saved by Windows editors or PowerShell (`Out-File`) are the
/// usual source. Detection follows RFC 4627 §3: a BOM, or the zero-byte pattern of the
/// first four bytes (the first two characters of JSON text are ASCII).
enum JSONEncodingSniffer {
  /// The encoding's name when `bytes` start like JSON text in another encoding (or with a
  /// UTF-8 BOM), else nil.
  static func foreignEncoding(_ bytes: [UInt8]) -> String? {
    let count = bytes.count
    guard count >= 2 else { return nil }
    let b0 = bytes[0]
    let b1 = bytes[1]
    let b2: UInt8? = count > 2 ? bytes[2] : nil
    let b3: UInt8? = count > 3 ? bytes[3] : nil
    if b0 == 0xEF, b1 == 0xBB, b2 == 0xBF { return "UTF-8 with a byte order mark (BOM)" }
    if b0 == 0x00, b1 == 0x00, b2 == 0xFE, b3 == 0xFF { return "UTF-32 (big-endian, with BOM)" }
    if b0 == 0xFF, b1 == 0xFE, b2 == 0x00, b3 == 0x00 {
      return "UTF-32 (little-endian, with BOM)"
    }
    if b0 == 0xFE, b1 == 0xFF { return "UTF-16 (big-endian, with BOM)" }
    if b0 == 0xFF, b1 == 0xFE { return "UTF-16 (little-endian, with BOM)" }
    guard let b2, let b3 else {
      if b0 == 0x00, b1 != 0x00 { return "UTF-16 (big-endian)" }
      if b0 != 0x00, b1 == 0x00 { return "UTF-16 (little-endian)" }
      return nil
    }
    switch (b0 == 0, b1 == 0, b2 == 0, b3 == 0) {
    case (true, true, true, false): return "UTF-32 (big-endian)"
    case (false, true, true, true): return "UTF-32 (little-endian)"
    case (true, false, true, false): return "UTF-16 (big-endian)"
    case (false, true, false, true): return "UTF-16 (little-endian)"
    default: return nil
    }
  }
}
