import Foundation

/// Turns the token presented with a request into a ``Principal``, or refuses it.
///
/// The order is what makes it cheap and safe:
/// 1. format and checksum (``TokenFormat/parse(_:)``): a missing, malformed or mistyped
///    token is refused before the directory (the database) is touched;
/// 2. one lookup by SHA-256 digest, then a constant-time comparison of the digests;
/// 3. a revoked token is refused: the lookup reads committed state at each request, so a
///    revocation holds from the next request on (nothing is cached);
/// 4. the last use is recorded at most once a minute per token (``touchInterval``), so
///    reads stay reads.
///
/// For example:
/// ```swift
/// let principal = try Authenticator.authenticate(header, in: store)
/// try Authorization.authorize(principal, .metadataQuery(.job), account: policy, projectID: 1)
/// ```
public enum Authenticator {
  /// A token's last use is written at most this often (seconds).
  public static let touchInterval: TimeInterval = 60

  /// The principal of the token `plaintext`.
  ///
  /// - Parameters:
  ///   - plaintext: the token as presented; `nil` or empty when none was.
  ///   - directory: where tokens are looked up.
  ///   - now: the time of the request (for the last-use record).
  /// - Throws: ``AuthError`` (`missingToken`, `malformedToken`, `badChecksum`,
  ///   `unknownToken`, `revokedToken`), or the directory's own error when it fails.
  public static func authenticate<Directory: CredentialDirectory>(
    _ plaintext: String?, in directory: Directory, now: Date = Date()
  ) throws -> Principal {
    guard let plaintext, !plaintext.isEmpty else { throw AuthError(.missingToken) }
    let presented = try TokenFormat.parse(plaintext)
    guard let credential = try directory.credential(digest: presented.digest),
      credential.digest == presented.digest, credential.kind == presented.kind
    else {
      throw AuthError(.unknownToken)
    }
    if credential.revokedAt != nil {
      throw AuthError(.revokedToken(id: credential.tokenID))
    }
    let since = now.addingTimeInterval(-touchInterval)
    if credential.lastUsedAt.map({ $0 <= since }) ?? true {
      try directory.recordUse(tokenID: credential.tokenID, at: now, unlessUsedAfter: since)
    }
    return Principal(
      accountID: credential.accountID, tokenID: credential.tokenID, tokenName: credential.name,
      identity: credential.identity)
  }
}
