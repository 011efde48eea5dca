/// An account's plan, which names its administrator role.
///
/// dbt Cloud's Metadata API needs a Team or Enterprise plan; on Team the account's
/// administrators hold the Owner role, on Enterprise the Account Admin role
/// (`../shared/reference/dbt-metadata-api.md`, section 3.3).
public enum Plan: String, Sendable, CaseIterable, Hashable {
  case team
  case enterprise

  /// The role that administers an account on this plan: creates, lists and revokes
  /// service tokens, adds users and switches the metadata API on or off.
  public var administratorRole: Role {
    switch self {
    case .team: .owner
    case .enterprise: .accountAdmin
    }
  }

  /// The roles a user may hold on this plan: its administrator role and Member.
  public var roles: [Role] { [administratorRole, .member] }

  /// "Team" or "Enterprise", for messages.
  public var displayName: String {
    switch self {
    case .team: "Team"
    case .enterprise: "Enterprise"
    }
  }
}
