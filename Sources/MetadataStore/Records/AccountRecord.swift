import Auth

/// An account set up for access (`account create`): its plan and settings.
public struct AccountRecord: Sendable, Equatable {
  /// The account id (the `--account` of ingest).
  public var id: Int
  /// The account's name, if one was given.
  public var name: String?
  /// Team or Enterprise: names the administrator role.
  public var plan: Plan
  /// Whether the metadata API answers for the account (off by default).
  public var metadataAPIEnabled: Bool
  /// When the account was set up (canonical UTC).
  public var createdAt: String

  /// What ``Auth/Authorization`` needs of the account.
  public var policy: AccountPolicy {
    AccountPolicy(id: id, plan: plan, metadataAPIEnabled: metadataAPIEnabled)
  }
}
