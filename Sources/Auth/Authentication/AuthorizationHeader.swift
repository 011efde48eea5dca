/// The token in an HTTP `Authorization` header, for the server's routes.
///
/// dbt Cloud accepts `Authorization: Token <token>` and `Authorization: Bearer <token>`,
/// equivalently (`../shared/reference/dbt-metadata-api.md`, section 3.1); the scheme is
/// case-insensitive (RFC 9110, section 11.1). A missing header, another scheme or a bare
/// token is refused, which the server answers with 401 and `WWW-Authenticate`.
public enum AuthorizationHeader {
  /// The schemes accepted, lowercased.
  static let schemes: Set<String> = ["bearer", "token"]

  /// The token of a header value (`nil` when the request has no `Authorization` header).
  ///
  /// - Throws: ``AuthError`` `missingToken` (no header, or no token after the scheme) or
  ///   `malformedToken` (another scheme, or a bare token).
  public static func token(from value: String?) throws(AuthError) -> String {
    guard let value else { throw AuthError(.missingToken) }
    let parts = value.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard let scheme = parts.first else { throw AuthError(.missingToken) }
    guard schemes.contains(scheme.lowercased()) else {
      throw AuthError(
        .malformedToken("expected an Authorization header 'Bearer <token>' or 'Token <token>'"))
    }
    guard parts.count == 2 else {
      if parts.count == 1 { throw AuthError(.missingToken) }
      throw AuthError(.malformedToken("expected one token after '\(scheme)'"))
    }
    return String(parts[1])
  }
}
