import Auth

/// A user of an account, with the role its user API tokens act with.
public struct UserRecord: Sendable, Equatable {
  /// The user id (unique across accounts).
  public var id: Int
  /// The account the user belongs to.
  public var accountID: Int
  /// The user's email, unique in the account, if one was given.
  public var email: String?
  /// Owner (Team), Account Admin (Enterprise) or Member.
  public var role: Role
  /// When the user was added (canonical UTC).
  public var createdAt: String
}
