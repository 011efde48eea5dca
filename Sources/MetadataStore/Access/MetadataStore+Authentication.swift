import Auth
import Foundation
import SQLite

/// The two questions every caller asks before touching an account's data: who is this
/// token (``authenticate(_:now:)``), and may it do this (``authorize(_:_:accountID:projectID:)``).
/// The decisions are ``Auth``'s; the store supplies the records.
///
/// For example, an HTTP route serving a metadata query:
/// ```swift
/// let principal = try store.authenticate(bearerToken)           // 401 on failure
/// try store.authorize(principal, .metadataQuery(.job),
///                     accountID: principal.accountID, projectID: run.projectID)  // 403/404
/// ```
extension MetadataStore: CredentialDirectory {
  /// The principal of a token: format and checksum first (a malformed or mistyped token
  /// is refused before any statement runs), then one lookup by digest, revoked tokens
  /// refused, last use recorded at most once a minute. See ``Auth/Authenticator``.
  ///
  /// - Throws: ``Auth/AuthError`` (category `unauthenticated`) or ``StoreError``.
  public func authenticate(_ plaintext: String?, now: Date = Date()) throws -> Principal {
    try Authenticator.authenticate(plaintext, in: self, now: now)
  }

  /// Returns when `principal` may do `action` on account `accountID` (and project
  /// `projectID`); the decision is ``Auth/Authorization``'s, over the account's plan and
  /// metadata API setting as stored now.
  ///
  /// - Returns: the account's policy the decision was made on, so that a request making
  ///   further decisions (one per root field, say) makes them on the same policy without
  ///   reading it again.
  /// - Throws: ``Auth/AuthError``: `notFound` for an account that is not the principal's
  ///   or not set up, else `forbidden`, `userTokenNotAccepted` or `metadataAPIDisabled`.
  @discardableResult
  public func authorize(
    _ principal: Principal, _ action: Action, accountID: Int, projectID: Int?
  ) throws -> AccountPolicy {
    guard principal.accountID == accountID, let account = try account(id: accountID) else {
      throw AuthError(.notFound("account \(accountID) not found"))
    }
    try Authorization.authorize(principal, action, account: account.policy, projectID: projectID)
    return account.policy
  }

  /// The token whose digest is `digest`, with its user's role or its permission sets.
  public func credential(digest: TokenDigest) throws -> Credential? {
    try wrapping {
      try pool.read { db -> Credential? in
        let rows = try db.query(
          """
          SELECT t.id, t.account_id, t.kind, t.name, t.digest, t.revoked_at, t.last_used_at,
            u.id, u.email, u.role
          FROM token t LEFT JOIN account_user u ON u.id = t.user_id
          WHERE t.digest = ?
          """, [.blob(digest.bytes)]
        ) { row -> Credential? in
          guard let kind = TokenKind(rawValue: row.string(at: 2) ?? ""),
            let stored = row.blob(at: 4).flatMap(TokenDigest.init(bytes:))
          else { return nil }
          let identity: Principal.Identity
          switch kind {
          case .user:
            guard !row.isNull(at: 7), let role = Role(rawValue: row.string(at: 9) ?? "") else {
              return nil
            }
            identity = .user(id: row.int(at: 7), email: row.string(at: 8), role: role)
          case .service:
            identity = .service(permissionSets: [])
          }
          return Credential(
            tokenID: row.int(at: 0), accountID: row.int(at: 1), name: row.string(at: 3) ?? "",
            digest: stored, identity: identity, revokedAt: AccessTime.date(row.string(at: 5)),
            lastUsedAt: AccessTime.date(row.string(at: 6)))
        }
        guard var credential = rows.first ?? nil else { return nil }
        if case .service = credential.identity {
          let sets = try Self.permissionSets(db, tokenID: Int64(credential.tokenID))
          credential.identity = .service(permissionSets: sets[credential.tokenID] ?? [])
        }
        return credential
      }
    }
  }

  /// Records the token's use at `date` unless one after `unlessUsedAfter` is recorded:
  /// one guarded `UPDATE`, so concurrent requests write it once a minute at most. Skipped
  /// while another write of this store is under way (an ingest): the request never waits
  /// for it, and a later request records the use.
  public func recordUse(tokenID: Int, at date: Date, unlessUsedAfter: Date) throws {
    try wrapping {
      try pool.writeIfIdle { db in
        try db.run(
          """
          UPDATE token SET last_used_at = ?
          WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)
          """,
          [
            .text(AccessTime.text(date)), tokenID.sqliteValue,
            .text(AccessTime.text(unlessUsedAfter)),
          ])
      }
    }
  }
}
