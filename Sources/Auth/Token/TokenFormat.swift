/// The text of a token: a recognisable prefix, 32 random base62 digits and a six-digit
/// base62 CRC-32 of the prefix and digits, for example
/// `dbtm_4Qz0...` (43 characters).
///
/// Why this shape (GitHub's, https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/):
/// - the prefix (`dbtm_` service, `dbtu_` user) lets secret scanners find a leaked token
///   and tells a reader what it is;
/// - 32 digits drawn uniformly from `RAND_bytes` carry 32 x log2(62) = 190 bits (at least
///   160 required);
/// - the checksum refuses a mistyped, truncated or altered token before any database
///   access: CRC-32 detects every single-character change.
public enum TokenFormat {
  /// Random digits after the prefix.
  static let secretLength = 32
  /// Digits of the checksum.
  static let checksumLength = 6
  /// Characters of a whole token: prefix (5), secret (32), checksum (6).
  public static let length = 5 + secretLength + checksumLength

  /// A new random token of `kind`: its text (to show once) and its digest (to store).
  ///
  /// - Throws: ``AuthError`` `randomSourceFailed` when libcrypto has no random bytes.
  public static func generate(_ kind: TokenKind) throws(AuthError) -> IssuedToken {
    var text = Array(kind.prefix.utf8)
    text += try SecureRandom.base62Digits(count: secretLength)
    text += Base62.encode(CRC32.checksum(text), width: checksumLength)
    let plaintext = String(decoding: text, as: UTF8.self)
    return IssuedToken(kind: kind, plaintext: plaintext, digest: TokenDigest(of: plaintext))
  }

  /// Checks that `text` is a well-formed token with a matching checksum, without any
  /// lookup, and returns its kind and digest.
  ///
  /// - Throws: ``AuthError`` `missingToken` (empty), `malformedToken` (length, prefix or
  ///   alphabet) or `badChecksum`.
  public static func parse(_ text: String) throws(AuthError) -> PresentedToken {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty else { throw AuthError(.missingToken) }
    let prefixes = TokenKind.allCases.map(\.prefix).joined(separator: " or ")
    guard
      let kind = TokenKind.allCases.first(where: { bytes.starts(with: Array($0.prefix.utf8)) })
    else {
      throw AuthError(.malformedToken("expected a token starting with \(prefixes)"))
    }
    guard bytes.count == length else {
      throw AuthError(
        .malformedToken(
          "expected \(length) characters (\(kind.prefix) and \(length - 5) base62 digits), "
            + "found \(text.count)"))
    }
    let body = bytes[5...]
    guard body.allSatisfy({ Base62.value(of: $0) != nil }) else {
      throw AuthError(.malformedToken("a character outside 0-9, A-Z, a-z after \(kind.prefix)"))
    }
    let checksummed = bytes[..<(length - checksumLength)]
    guard let stated = Base62.decode(bytes[(length - checksumLength)...]),
      stated == UInt64(CRC32.checksum(checksummed))
    else {
      throw AuthError(.badChecksum)
    }
    return PresentedToken(kind: kind, digest: TokenDigest(of: text))
  }

  /// Whether `text` has a token's shape (prefix and length), checksum aside: tells a
  /// token from an id where a command accepts either.
  public static func looksLikeToken(_ text: String) -> Bool {
    TokenKind.allCases.contains { text.hasPrefix($0.prefix) }
  }
}
