/// Why a request was refused: the module's one error type.
///
/// Each case says what was wrong and, where someone can fix it, how. ``category`` tells a
/// transport how to answer: HTTP 401 for authentication failures, 403 for a valid token
/// without the right, 404 for another account's resources (DESIGN.md, Authorization).
public struct AuthError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public let reason: Reason

  /// An error for `reason`.
  public init(_ reason: Reason) { self.reason = reason }

  /// The kinds of refusal.
  public enum Reason: Sendable, Hashable {
    /// No token was presented.
    case missingToken
    /// The text is not a token: wrong length, unknown prefix or a character outside base62.
    case malformedToken(String)
    /// The token's checksum does not match its body: mistyped, truncated or altered.
    case badChecksum
    /// A well-formed token that no account issued.
    case unknownToken
    /// The token was revoked.
    case revokedToken(id: Int)
    /// A user API token asked the metadata API, which accepts only service tokens.
    case userTokenNotAccepted
    /// The account has the metadata API switched off.
    case metadataAPIDisabled(accountID: Int)
    /// The principal is authenticated but may not do the action.
    case forbidden(String)
    /// The account (or a resource in it) does not exist for this principal: another
    /// account's ids are answered as not found, never as forbidden.
    case notFound(String)
    /// A user role that the account's plan does not have (an Owner on Enterprise).
    case roleNotOnPlan(role: Role, plan: Plan)
    /// libcrypto could not produce random bytes for a new token.
    case randomSourceFailed
  }

  /// How a transport should answer.
  public enum Category: Sendable, Hashable {
    /// No valid token: HTTP 401 with `WWW-Authenticate`.
    case unauthenticated
    /// A valid token without the right: HTTP 403.
    case forbidden
    /// Not visible to this principal: HTTP 404.
    case notFound
    /// A request that cannot be carried out as asked (bad role for the plan): HTTP 400.
    case invalidRequest
    /// The server failed (no random bytes): HTTP 500.
    case internalFailure
  }

  /// How a transport should answer this error.
  public var category: Category {
    switch reason {
    case .missingToken, .malformedToken, .badChecksum, .unknownToken, .revokedToken:
      .unauthenticated
    case .userTokenNotAccepted, .metadataAPIDisabled, .forbidden: .forbidden
    case .notFound: .notFound
    case .roleNotOnPlan: .invalidRequest
    case .randomSourceFailed: .internalFailure
    }
  }

  /// One line saying what was refused and, where it helps, what to do.
  public var description: String {
    switch reason {
    case .missingToken:
      return "no token given"
    case .malformedToken(let detail):
      return "malformed token: \(detail)"
    case .badChecksum:
      return "invalid token: its checksum does not match (mistyped, truncated or altered)"
    case .unknownToken:
      return "invalid token: no such token"
    case .revokedToken(let id):
      return "invalid token: token \(id) was revoked"
    case .userTokenNotAccepted:
      return "user API tokens are not accepted by the metadata API; "
        + "use a service token with the Metadata Only or Account Admin permission set"
    case .metadataAPIDisabled(let accountID):
      return "metadata API disabled for account \(accountID); an Owner/Account Admin can "
        + "switch it on with `dbt-metadata account set --metadata-api on`"
    case .forbidden(let message), .notFound(let message):
      return message
    case .roleNotOnPlan(let role, let plan):
      let roles = plan.roles.map { $0.rawValue }.joined(separator: ", ")
      return "role \(role.rawValue) does not exist on the \(plan.displayName) plan "
        + "(roles: \(roles))"
    case .randomSourceFailed:
      return "libcrypto could not produce random bytes for a token (RAND_bytes failed)"
    }
  }
}
