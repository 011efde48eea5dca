/// What `createAccount` made: the account, its first administrator user and that user's
/// token (its text shown once).
public struct AccountCreation: Sendable {
  public var account: AccountRecord
  public var user: UserRecord
  public var token: CreatedToken
}
