import Foundation

/// A stored token as authentication sees it: the record a ``CredentialDirectory`` finds
/// by digest.
public struct Credential: Sendable, Hashable {
  /// The token's id.
  public var tokenID: Int
  /// The account the token belongs to.
  public var accountID: Int
  /// The token's name.
  public var name: String
  /// The digest stored for it, compared again (in constant time) with the presented one.
  public var digest: TokenDigest
  /// User token (with its user) or service token (with its permission sets).
  public var identity: Principal.Identity
  /// When it was revoked, if it was.
  public var revokedAt: Date?
  /// When it was last used, as recorded (at most once a minute).
  public var lastUsedAt: Date?

  /// A credential as the directory read it.
  public init(
    tokenID: Int, accountID: Int, name: String, digest: TokenDigest,
    identity: Principal.Identity, revokedAt: Date? = nil, lastUsedAt: Date? = nil
  ) {
    self.tokenID = tokenID
    self.accountID = accountID
    self.name = name
    self.digest = digest
    self.identity = identity
    self.revokedAt = revokedAt
    self.lastUsedAt = lastUsedAt
  }

  /// The token's kind.
  public var kind: TokenKind {
    if case .user = identity { return .user }
    return .service
  }
}
