/// One entry of an account's audit trail: who did what, when.
public struct AuditEventRecord: Sendable, Equatable {
  /// The event id, increasing in time.
  public var id: Int
  /// The account it concerns.
  public var accountID: Int
  /// When (canonical UTC).
  public var at: String
  /// Who: "user 1 (a@example.com, Owner)", or "operator" for the command line's
  /// `account create`.
  public var actor: String
  /// The token the actor used, if any.
  public var actorTokenID: Int?
  /// What: `account.created`, `user.added`, `token.created`, `token.revoked`,
  /// `setting.changed`.
  public var action: String
  /// What it acted on: "token 3 (ci): metadata-only on all projects".
  public var subject: String
}
