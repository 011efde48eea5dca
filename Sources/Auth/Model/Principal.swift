/// Who is asking: the holder of an authenticated token, user or service account.
///
/// Made only by ``Authenticator`` from a valid, unrevoked token; ``Authorization``
/// decides what it may do.
public struct Principal: Sendable, Hashable {
  /// Whose token it is.
  public enum Identity: Sendable, Hashable {
    /// A user API token: acts with the user's role.
    case user(id: Int, email: String?, role: Role)
    /// A service account token: acts with its permission sets.
    case service(permissionSets: [PermissionSet])
  }

  /// The account the token belongs to; every request is scoped by it.
  public var accountID: Int
  /// The token's id (for audit records and revocation).
  public var tokenID: Int
  /// The token's name.
  public var tokenName: String
  /// User or service token, with its role or permission sets.
  public var identity: Identity

  /// A principal; made by ``Authenticator`` from a stored credential.
  public init(accountID: Int, tokenID: Int, tokenName: String, identity: Identity) {
    self.accountID = accountID
    self.tokenID = tokenID
    self.tokenName = tokenName
    self.identity = identity
  }

  /// The user id of a user token, `nil` for a service token.
  public var userID: Int? {
    if case .user(let id, _, _) = identity { return id }
    return nil
  }

  /// The token's kind.
  public var tokenKind: TokenKind {
    if case .user = identity { return .user }
    return .service
  }

  /// "user 1 (a@example.com, Owner)" or "service token 3 (ci)", for messages and the audit
  /// trail.
  public var description: String {
    switch identity {
    case .user(let id, let email, let role):
      return "user \(id) (" + (email.map { "\($0), " } ?? "") + "\(role.displayName))"
    case .service:
      return "service token \(tokenID) (\(tokenName))"
    }
  }
}
