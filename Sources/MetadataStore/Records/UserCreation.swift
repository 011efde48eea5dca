/// What `addUser` made: the user and its user API token (its text shown once).
public struct UserCreation: Sendable {
  public var user: UserRecord
  public var token: CreatedToken
}
