/// What `addUser` made: the user and its user API token (its text shown once).
public struct UserCreation: Sendable {
  /// The user added.
  public var user: UserRecord
  /// Its user API token.
  public var token: CreatedToken
}
