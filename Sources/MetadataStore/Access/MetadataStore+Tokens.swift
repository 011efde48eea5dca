import Auth
import Foundation
import SQLite

/// Tokens: creating service tokens, listing and revoking tokens. Only digests are stored;
/// the text of a new token is returned once and never written anywhere.
extension MetadataStore {
  static let tokenSelect = """
    SELECT id, account_id, kind, name, user_id, created_by_user_id, created_at, last_used_at,
      revoked_at
    FROM token
    """

  static func tokenRecord(_ row: Statement, permissionSets: [Int: [PermissionSet]])
    -> TokenRecord?
  {
    guard let kind = TokenKind(rawValue: row.string(at: 2) ?? "") else { return nil }
    let id = row.int(at: 0)
    return TokenRecord(
      id: id, accountID: row.int(at: 1), kind: kind, name: row.string(at: 3) ?? "",
      userID: row.optionalInt64(at: 4).map(Int.init), permissionSets: permissionSets[id] ?? [],
      createdByUserID: row.optionalInt64(at: 5).map(Int.init),
      createdAt: row.string(at: 6) ?? "", lastUsedAt: row.string(at: 7),
      revokedAt: row.string(at: 8))
  }

  /// Creates a service token with `permissionSets` and returns it with its text (once).
  ///
  /// - Parameters:
  ///   - permissionSets: at least one; a listed project must not belong to another
  ///     account (a project not ingested yet may be listed).
  ///   - actor: the administrator user creating it (recorded as creator and in the audit
  ///     trail).
  /// - Throws: ``StoreError`` `invalidInput` (empty name, no permission set);
  ///   ``Auth/AuthError`` `notFound` (account not set up, or a project of another account).
  public func createServiceToken(
    accountID: Int, name: String, permissionSets: [PermissionSet], actor: Principal,
    now: Date = Date()
  ) throws -> CreatedToken {
    let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !name.isEmpty else { throw StoreError(.invalidInput("the token name is empty")) }
    guard !permissionSets.isEmpty else {
      throw StoreError(.invalidInput("a service token needs at least one permission set"))
    }
    if permissionSets.contains(where: { $0.scope == .projects([]) }) {
      throw StoreError(.invalidInput("a permission set lists no project"))
    }
    let issued = try TokenFormat.generate(.service)
    let at = AccessTime.text(now)
    return try wrapping {
      try pool.write { db in
        try Self.requireAccount(db, accountID)
        for set in permissionSets {
          guard case .projects(let projects) = set.scope else { continue }
          for project in projects {
            let owner = try db.scalarInt(
              "SELECT account_id FROM project WHERE id = ?", [project.sqliteValue])
            if let owner, owner != Int64(accountID) {
              throw AuthError(.notFound("project \(project) not found in account \(accountID)"))
            }
          }
        }
        let record = try Self.insertToken(
          db, accountID: accountID, issued: issued, name: name, userID: nil,
          permissionSets: permissionSets, createdBy: actor.userID, at: at)
        try Self.appendAudit(
          db, accountID: accountID, at: at, actor: actor, action: "token.created",
          subject: Self.describe(record))
        return CreatedToken(record: record, plaintext: issued.plaintext)
      }
    }
  }

  /// The account's tokens, user and service, revoked ones included, oldest first.
  public func tokens(accountID: Int) throws -> [TokenRecord] {
    try wrapping {
      try pool.read { db in
        let sets = try Self.permissionSets(db, accountID: accountID)
        return try db.query(
          Self.tokenSelect + " WHERE account_id = ? ORDER BY id", [accountID.sqliteValue]
        ) { Self.tokenRecord($0, permissionSets: sets) }.compactMap { $0 }
      }
    }
  }

  /// Revokes the account's token `id`; it is refused from the next request on.
  ///
  /// - Returns: the token's record; a token already revoked is returned unchanged (its
  ///   `revokedAt` says when) and nothing is recorded again.
  /// - Throws: ``Auth/AuthError`` `notFound` when the account has no such token (a token
  ///   of another account is not found either).
  public func revokeToken(accountID: Int, id: Int, actor: Principal, now: Date = Date()) throws
    -> TokenRecord
  {
    try revoke(accountID: accountID, actor: actor, now: now, described: "token \(id)") { db in
      try db.scalarInt(
        "SELECT id FROM token WHERE account_id = ? AND id = ?",
        [accountID.sqliteValue, id.sqliteValue])
    }
  }

  /// Revokes the account's token whose text is `plaintext` (a lost or leaked token):
  /// its format and checksum are checked, then it is found by digest.
  ///
  /// - Throws: ``Auth/AuthError`` `malformedToken` or `badChecksum` for text that is not
  ///   a token; `notFound` when the account has no such token.
  public func revokeToken(
    accountID: Int, plaintext: String, actor: Principal, now: Date = Date()
  ) throws -> TokenRecord {
    let presented = try TokenFormat.parse(plaintext)
    return try revoke(accountID: accountID, actor: actor, now: now, described: "that token") {
      db in
      try db.scalarInt(
        "SELECT id FROM token WHERE account_id = ? AND digest = ?",
        [accountID.sqliteValue, .blob(presented.digest.bytes)])
    }
  }

  private func revoke(
    accountID: Int, actor: Principal, now: Date, described: String,
    find: (Connection) throws -> Int64?
  ) throws -> TokenRecord {
    let at = AccessTime.text(now)
    return try wrapping {
      try pool.write { db in
        guard let id = try find(db) else {
          throw AuthError(.notFound("\(described) not found in account \(accountID)"))
        }
        try db.run(
          """
          UPDATE token SET revoked_at = ?, revoked_by_user_id = ?
          WHERE id = ? AND revoked_at IS NULL
          """, [.text(at), actor.userID.sqliteValue, .integer(id)])
        let changed = db.changes > 0
        let sets = try Self.permissionSets(db, accountID: accountID)
        guard
          let record = try db.query(
            Self.tokenSelect + " WHERE id = ?", [.integer(id)],
            row: {
              Self.tokenRecord($0, permissionSets: sets)
            }
          ).first ?? nil
        else { throw AuthError(.notFound("\(described) not found in account \(accountID)")) }
        if changed {
          try Self.appendAudit(
            db, accountID: accountID, at: at, actor: actor, action: "token.revoked",
            subject: Self.describe(record))
        }
        return record
      }
    }
  }

  // MARK: - Helpers

  /// Throws `notFound` unless the account is set up.
  static func requireAccount(_ db: Connection, _ accountID: Int) throws {
    guard
      try db.scalarInt(
        "SELECT 1 FROM account_setting WHERE account_id = ?", [accountID.sqliteValue]) != nil
    else { throw AuthError(.notFound("account \(accountID) not found")) }
  }

  static func insertToken(
    _ db: Connection, accountID: Int, issued: IssuedToken, name: String, userID: Int?,
    permissionSets: [PermissionSet], createdBy: Int?, at: String
  ) throws -> TokenRecord {
    try db.run(
      """
      INSERT INTO token(account_id, kind, name, user_id, created_by_user_id, created_at, digest)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """,
      [
        accountID.sqliteValue, .text(issued.kind.rawValue), .text(name), userID.sqliteValue,
        createdBy.sqliteValue, .text(at), .blob(issued.digest.bytes),
      ])
    let id = db.lastInsertedRowID
    for (index, set) in permissionSets.enumerated() {
      let projects: [Int?] =
        switch set.scope {
        case .allProjects: [nil]
        case .projects(let list): list.map { $0 }
        }
      for project in projects {
        try db.run(
          """
          INSERT INTO token_permission(token_id, set_index, permission_set, project_id)
          VALUES (?, ?, ?, ?)
          """, [.integer(id), index.sqliteValue, .text(set.kind.rawValue), project.sqliteValue])
      }
    }
    return TokenRecord(
      id: Int(id), accountID: accountID, kind: issued.kind, name: name, userID: userID,
      permissionSets: permissionSets, createdByUserID: createdBy, createdAt: at,
      lastUsedAt: nil, revokedAt: nil)
  }

  /// The permission sets of the account's tokens (or of one token), by token id.
  static func permissionSets(_ db: Connection, accountID: Int? = nil, tokenID: Int64? = nil)
    throws -> [Int: [PermissionSet]]
  {
    let rows = try db.query(
      """
      SELECT p.token_id, p.set_index, p.permission_set, p.project_id
      FROM token_permission p JOIN token t ON t.id = p.token_id
      WHERE (? IS NULL OR t.account_id = ?) AND (? IS NULL OR p.token_id = ?)
      ORDER BY p.token_id, p.set_index, p.project_id
      """,
      [accountID.sqliteValue, accountID.sqliteValue, tokenID.sqliteValue, tokenID.sqliteValue]
    ) { row in
      (
        token: row.int(at: 0), index: row.int(at: 1), kind: row.string(at: 2) ?? "",
        project: row.optionalInt64(at: 3).map(Int.init)
      )
    }
    var result: [Int: [PermissionSet]] = [:]
    var current: (token: Int, index: Int, kind: PermissionSet.Kind, projects: [Int])?
    func flush() {
      guard let set = current else { return }
      result[set.token, default: []].append(
        PermissionSet(
          set.kind, scope: set.projects.isEmpty ? .allProjects : .projects(set.projects)))
    }
    for row in rows {
      // A set name this binary does not know grants nothing: skipped.
      guard let kind = PermissionSet.Kind(rawValue: row.kind) else { continue }
      if let set = current, set.token == row.token, set.index == row.index {
        if let project = row.project { current?.projects.append(project) }
        continue
      }
      flush()
      current = (row.token, row.index, kind, row.project.map { [$0] } ?? [])
    }
    flush()
    return result
  }

  /// "service token 3 (ci): metadata-only on all projects" or "user token 1 of user 1".
  static func describe(_ token: TokenRecord) -> String {
    switch token.kind {
    case .service:
      return "service token \(token.id) (\(token.name)): "
        + token.permissionSets.map(\.description).joined(separator: "; ")
    case .user:
      return "user token \(token.id)" + (token.userID.map { " of user \($0)" } ?? "")
    }
  }
}
