/// Whose a token is, told by its prefix.
public enum TokenKind: String, Sendable, CaseIterable, Hashable {
  /// A service account token: belongs to the account, carries permission sets.
  case service
  /// A user API token: belongs to one user and acts with the user's role.
  case user

  /// The token's recognisable prefix (`dbtm_`, `dbtu_`), which secret scanners match.
  public var prefix: String {
    switch self {
    case .service: "dbtm_"
    case .user: "dbtu_"
    }
  }
}
