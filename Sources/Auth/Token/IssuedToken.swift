/// A token just made: its text, shown exactly once and never stored, and its digest.
public struct IssuedToken: Sendable {
  /// User or service token.
  public let kind: TokenKind
  /// The token's text: print it once, then forget it.
  public let plaintext: String
  /// What the store keeps.
  public let digest: TokenDigest
}
