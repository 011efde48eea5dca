import Auth

/// A token as listed: everything kept about it except its digest (and never its text,
/// which is not kept at all).
public struct TokenRecord: Sendable, Equatable {
  /// The token id (unique across accounts); `token revoke ID` takes it.
  public var id: Int
  /// The account the token belongs to.
  public var accountID: Int
  /// Service token or user API token.
  public var kind: TokenKind
  /// The token's name.
  public var name: String
  /// A user token's user.
  public var userID: Int?
  /// A service token's permission sets, in the order given (empty for a user token).
  public var permissionSets: [PermissionSet]
  /// The user who created it (`nil` when the operator did, with `account create`).
  public var createdByUserID: Int?
  /// When it was created (canonical UTC).
  public var createdAt: String
  /// When it was last used, recorded at most once a minute; `nil` if never.
  public var lastUsedAt: String?
  /// When it was revoked; `nil` while it is valid.
  public var revokedAt: String?
}
