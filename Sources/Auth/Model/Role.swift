/// A user's role in an account. A user API token acts with its user's role.
///
/// Owner is the Team plan's administrator role, Account Admin the Enterprise plan's
/// (``Plan/administratorRole``); a Member holds no account-administration rights.
public enum Role: String, Sendable, CaseIterable, Hashable {
  case owner
  case accountAdmin = "account-admin"
  case member

  /// Whether the role administers its account (tokens, users, settings, audit trail).
  public var isAdministrator: Bool { self != .member }

  /// "Owner", "Account Admin" or "Member", for messages.
  public var displayName: String {
    switch self {
    case .owner: "Owner"
    case .accountAdmin: "Account Admin"
    case .member: "Member"
    }
  }
}
