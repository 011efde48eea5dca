/// What authorization needs to know of an account: its id, plan and whether the
/// metadata API is switched on. The store keeps it; ``Authorization`` reads it.
public struct AccountPolicy: Sendable, Hashable {
  /// The account id.
  public var id: Int
  /// The plan, which names the administrator role.
  public var plan: Plan
  /// Whether metadata queries are answered for the account (off by default, as dbt
  /// Cloud's 2021 "Enable Metadata API" account setting).
  public var metadataAPIEnabled: Bool

  /// The policy of account `id`.
  public init(id: Int, plan: Plan, metadataAPIEnabled: Bool) {
    self.id = id
    self.plan = plan
    self.metadataAPIEnabled = metadataAPIEnabled
  }
}
