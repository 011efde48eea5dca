/// One permission set of a service token: what it grants, over which projects.
///
/// A service token carries one or more sets (dbt Cloud's granular permission sets,
/// `../shared/reference/dbt-metadata-api.md`, sections 3.3 and 3.4).
public struct PermissionSet: Sendable, Hashable {
  /// What a permission set grants.
  public enum Kind: String, Sendable, CaseIterable, Hashable {
    /// Full read and write on the account's projects: ingest runs and query metadata.
    case accountAdmin = "account-admin"
    /// Metadata API queries only, read-only; nothing else.
    case metadataOnly = "metadata-only"

    /// "Account Admin" or "Metadata Only", for messages.
    public var displayName: String {
      switch self {
      case .accountAdmin: "Account Admin"
      case .metadataOnly: "Metadata Only"
      }
    }
  }

  /// What the set grants.
  public var kind: Kind
  /// Where it grants it.
  public var scope: ProjectScope

  /// A set granting `kind` over `scope` (every project unless given).
  public init(_ kind: Kind, scope: ProjectScope = .allProjects) {
    self.kind = kind
    self.scope = scope
  }

  /// "metadata-only on all projects", for listings.
  public var description: String { "\(kind.rawValue) on \(scope.description)" }
}
