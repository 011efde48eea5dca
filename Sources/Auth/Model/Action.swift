/// What a principal asks to do; ``Authorization/authorize(_:_:account:projectID:)``
/// decides whether it may.
public enum Action: Sendable, Hashable {
  /// Store a run's artifacts (write).
  case ingest
  /// Ask the metadata API (read-only).
  case metadataQuery(MetadataQueryKind)
  /// Create a service token.
  case createToken
  /// List the account's tokens.
  case listTokens
  /// Revoke a token.
  case revokeToken
  /// Add a user to the account.
  case addUser
  /// Change an account setting (the metadata API switch).
  case changeSettings
  /// Read the audit trail.
  case readAudit

  /// Every action, each query kind included: the rows of the permission matrix.
  public static let all: [Action] =
    [.ingest] + MetadataQueryKind.allCases.map { .metadataQuery($0) }
    + [.createToken, .listTokens, .revokeToken, .addUser, .changeSettings, .readAudit]

  /// Whether only the account's administrator users may do it.
  public var isAccountAdministration: Bool {
    switch self {
    case .ingest, .metadataQuery: false
    case .createToken, .listTokens, .revokeToken, .addUser, .changeSettings, .readAudit: true
    }
  }

  /// "create service tokens", "query the metadata API (job-scoped)", for messages.
  public var description: String {
    switch self {
    case .ingest: "ingest runs"
    case .metadataQuery(let kind): "query the metadata API (\(kind.rawValue))"
    case .createToken: "create service tokens"
    case .listTokens: "list tokens"
    case .revokeToken: "revoke tokens"
    case .addUser: "add users"
    case .changeSettings: "change account settings"
    case .readAudit: "read the audit trail"
    }
  }
}

/// The kinds of metadata query, by API family (`../shared/reference/dbt-metadata-api.md`):
/// all read-only, all under the same rule, listed so each is checked.
public enum MetadataQueryKind: String, Sendable, CaseIterable, Hashable {
  /// The legacy job-scoped API: a job's run (section 1).
  case job = "job-scoped"
  /// The Discovery API's environment state: applied and definition nodes (section 2).
  case environment = "environment-scoped"
  /// History across runs: a node's past executions (section 2.5).
  case history
}
