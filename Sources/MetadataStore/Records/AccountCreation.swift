/// What `createAccount` made: the account, its first administrator user and that user's
/// token (its text shown once).
public struct AccountCreation: Sendable {
  /// The account, set up with its plan, metadata API off.
  public var account: AccountRecord
  /// Its first user, holding the plan's administrator role.
  public var user: UserRecord
  /// That user's API token.
  public var token: CreatedToken
}
