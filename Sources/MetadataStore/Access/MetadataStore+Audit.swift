import Auth
import Foundation
import SQLite

/// The audit trail: who created or revoked a token, changed a setting or added a user,
/// and when. Appended in the same transaction as the change it records, so a change is
/// never stored without its entry.
extension MetadataStore {
  /// The account's audit trail, oldest first (the last `limit` events).
  public func auditEvents(accountID: Int, limit: Int = 1_000) throws -> [AuditEventRecord] {
    try wrapping {
      try pool.read { db in
        try db.query(
          """
          SELECT id, account_id, at, actor, actor_token_id, action, subject FROM (
            SELECT * FROM audit_event WHERE account_id = ? ORDER BY id DESC LIMIT ?
          ) ORDER BY id
          """, [accountID.sqliteValue, limit.sqliteValue]
        ) { row in
          AuditEventRecord(
            id: row.int(at: 0), accountID: row.int(at: 1), at: row.string(at: 2) ?? "",
            actor: row.string(at: 3) ?? "", actorTokenID: row.optionalInt64(at: 4).map(Int.init),
            action: row.string(at: 5) ?? "", subject: row.string(at: 6) ?? "")
        }
      }
    }
  }

  /// Appends an event done by `actor` with its token.
  static func appendAudit(
    _ db: Connection, accountID: Int, at: String, actor: Principal, action: String,
    subject: String
  ) throws {
    try appendAudit(
      db, accountID: accountID, at: at, actor: actor.description, actorTokenID: actor.tokenID,
      action: action, subject: subject)
  }

  /// Appends an event.
  static func appendAudit(
    _ db: Connection, accountID: Int, at: String, actor: String, actorTokenID: Int?,
    action: String, subject: String
  ) throws {
    try db.run(
      """
      INSERT INTO audit_event(account_id, at, actor, actor_token_id, action, subject)
      VALUES (?, ?, ?, ?, ?, ?)
      """,
      [
        accountID.sqliteValue, .text(at), .text(actor), actorTokenID.sqliteValue,
        .text(action), .text(subject),
      ])
  }
}
