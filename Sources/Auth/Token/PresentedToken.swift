/// A token presented with a request that passed the format and checksum checks.
public struct PresentedToken: Sendable, Hashable {
  /// The kind its prefix names.
  public let kind: TokenKind
  /// The digest to look up.
  public let digest: TokenDigest
}
