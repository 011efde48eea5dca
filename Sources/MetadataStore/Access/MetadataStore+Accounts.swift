import Auth
import Foundation
import SQLite

/// Accounts and users: setting an account up, its metadata API switch, adding users.
///
/// These functions store; they do not decide who may call them. Callers first ask
/// ``MetadataStore/authorize(_:_:accountID:projectID:)`` (which asks
/// ``Auth/Authorization``), then call them with the principal as `actor`, which the audit
/// trail records in the same transaction.
extension MetadataStore {
  static let accountSelect = """
    SELECT a.id, a.name, s.plan, s.metadata_api_enabled, s.created_at
    FROM account a JOIN account_setting s ON s.account_id = a.id
    """

  static func accountRecord(_ row: Statement) -> AccountRecord? {
    guard let plan = Plan(rawValue: row.string(at: 2) ?? "") else { return nil }
    return AccountRecord(
      id: row.int(at: 0), name: row.string(at: 1), plan: plan,
      metadataAPIEnabled: row.int(at: 3) != 0, createdAt: row.string(at: 4) ?? "")
  }

  static let userSelect = "SELECT id, account_id, email, role, created_at FROM account_user"

  static func userRecord(_ row: Statement) -> UserRecord? {
    guard let role = Role(rawValue: row.string(at: 3) ?? "") else { return nil }
    return UserRecord(
      id: row.int(at: 0), accountID: row.int(at: 1), email: row.string(at: 2), role: role,
      createdAt: row.string(at: 4) ?? "")
  }

  /// Sets up an account: its plan (metadata API off), its first user with the plan's
  /// administrator role (Owner on Team, Account Admin on Enterprise), and that user's API
  /// token, whose text is returned once. One transaction, recorded in the audit trail.
  ///
  /// - Parameters:
  ///   - id: the account id to set up: an account that ingest already created (runs were
  ///     loaded under `--account ID` before anyone set it up), or a new one. `nil` takes
  ///     the next free id.
  ///   - email: the first user's email, if known.
  /// - Throws: ``StoreError`` `invalidInput` when the account is already set up or the
  ///   name is empty; ``Auth/AuthError`` when no random bytes are available.
  public func createAccount(
    name: String, plan: Plan, email: String? = nil, id: Int? = nil, now: Date = Date()
  ) throws -> AccountCreation {
    let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !name.isEmpty else { throw StoreError(.invalidInput("the account name is empty")) }
    if let id, id <= 0 {
      throw StoreError(.invalidInput("an account id must be positive, found \(id)"))
    }
    let email = try Self.normalizedEmail(email)
    let issued = try TokenFormat.generate(.user)
    let at = AccessTime.text(now)
    return try wrapping {
      try pool.write { db in
        let accountID: Int
        if let id {
          if try db.scalarInt(
            "SELECT 1 FROM account_setting WHERE account_id = ?", [id.sqliteValue])
            != nil
          {
            throw StoreError(.invalidInput("account \(id) is already set up"))
          }
          accountID = id
        } else {
          accountID = Int(try db.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM account") ?? 1)
        }
        try db.run(
          """
          INSERT INTO account(id, name) VALUES (?, ?)
          ON CONFLICT (id) DO UPDATE SET name = excluded.name
          """, [accountID.sqliteValue, .text(name)])
        try db.run(
          """
          INSERT INTO account_setting(account_id, plan, metadata_api_enabled, created_at)
          VALUES (?, ?, 0, ?)
          """, [accountID.sqliteValue, .text(plan.rawValue), .text(at)])
        let user = try Self.insertUser(
          db, accountID: accountID, email: email, role: plan.administratorRole, at: at)
        let token = try Self.insertToken(
          db, accountID: accountID, issued: issued, name: "user token",
          userID: user.id, permissionSets: [], createdBy: nil, at: at)
        let account = AccountRecord(
          id: accountID, name: name, plan: plan, metadataAPIEnabled: false, createdAt: at)
        let actor = "operator"
        try Self.appendAudit(
          db, accountID: accountID, at: at, actor: actor, actorTokenID: nil,
          action: "account.created",
          subject: "account \(accountID) (\(name)), \(plan.rawValue) plan")
        try Self.appendAudit(
          db, accountID: accountID, at: at, actor: actor, actorTokenID: nil,
          action: "user.added", subject: Self.describe(user))
        try Self.appendAudit(
          db, accountID: accountID, at: at, actor: actor, actorTokenID: nil,
          action: "token.created", subject: Self.describe(token))
        return AccountCreation(
          account: account, user: user,
          token: CreatedToken(record: token, plaintext: issued.plaintext))
      }
    }
  }

  /// The account, if it has been set up (ingest alone creates no settings).
  public func account(id: Int) throws -> AccountRecord? {
    try wrapping {
      try pool.read { db in
        try db.query(Self.accountSelect + " WHERE a.id = ?", [id.sqliteValue]) {
          Self.accountRecord($0)
        }.first ?? nil
      }
    }
  }

  /// Switches the metadata API of an account on or off, recording who did it.
  ///
  /// - Returns: whether the setting changed (switching it to its current value records
  ///   nothing).
  /// - Throws: ``Auth/AuthError`` `notFound` when the account is not set up.
  @discardableResult
  public func setMetadataAPI(
    accountID: Int, enabled: Bool, actor: Principal, now: Date = Date()
  ) throws -> Bool {
    try wrapping {
      try pool.write { db in
        guard
          let current = try db.scalarInt(
            "SELECT metadata_api_enabled FROM account_setting WHERE account_id = ?",
            [accountID.sqliteValue])
        else { throw AuthError(.notFound("account \(accountID) not found")) }
        guard (current != 0) != enabled else { return false }
        try db.run(
          "UPDATE account_setting SET metadata_api_enabled = ? WHERE account_id = ?",
          [enabled.sqliteValue, accountID.sqliteValue])
        try Self.appendAudit(
          db, accountID: accountID, at: AccessTime.text(now), actor: actor,
          action: "setting.changed", subject: "metadata API " + (enabled ? "on" : "off"))
        return true
      }
    }
  }

  /// Adds a user with `role` and makes its user API token (text returned once).
  ///
  /// - Throws: ``Auth/AuthError`` `roleNotOnPlan` (an Owner on Enterprise, an Account
  ///   Admin on Team) or `notFound` (account not set up); ``StoreError`` `invalidInput`
  ///   when the email is empty or already a user of the account.
  public func addUser(
    accountID: Int, email: String, role: Role, actor: Principal, now: Date = Date()
  ) throws -> UserCreation {
    guard let email = try Self.normalizedEmail(email) else {
      throw StoreError(.invalidInput("the user's email is empty"))
    }
    let issued = try TokenFormat.generate(.user)
    let at = AccessTime.text(now)
    return try wrapping {
      try pool.write { db in
        guard
          let planText = try db.scalarString(
            "SELECT plan FROM account_setting WHERE account_id = ?", [accountID.sqliteValue]),
          let plan = Plan(rawValue: planText)
        else { throw AuthError(.notFound("account \(accountID) not found")) }
        guard plan.roles.contains(role) else {
          throw AuthError(.roleNotOnPlan(role: role, plan: plan))
        }
        if try db.scalarInt(
          "SELECT 1 FROM account_user WHERE account_id = ? AND email = ?",
          [accountID.sqliteValue, .text(email)]) != nil
        {
          throw StoreError(
            .invalidInput("\(email) is already a user of account \(accountID)"))
        }
        let user = try Self.insertUser(db, accountID: accountID, email: email, role: role, at: at)
        let token = try Self.insertToken(
          db, accountID: accountID, issued: issued, name: "user token", userID: user.id,
          permissionSets: [], createdBy: actor.userID, at: at)
        try Self.appendAudit(
          db, accountID: accountID, at: at, actor: actor, action: "user.added",
          subject: Self.describe(user))
        try Self.appendAudit(
          db, accountID: accountID, at: at, actor: actor, action: "token.created",
          subject: Self.describe(token))
        return UserCreation(
          user: user, token: CreatedToken(record: token, plaintext: issued.plaintext))
      }
    }
  }

  /// The users of an account, oldest first.
  public func users(accountID: Int) throws -> [UserRecord] {
    try wrapping {
      try pool.read { db in
        try db.query(
          Self.userSelect + " WHERE account_id = ? ORDER BY id", [accountID.sqliteValue]
        ) { Self.userRecord($0) }.compactMap { $0 }
      }
    }
  }

  // MARK: - Helpers

  /// The email trimmed, `nil` when absent; refuses one that is given but empty or has
  /// no `@`.
  static func normalizedEmail(_ email: String?) throws -> String? {
    guard let email else { return nil }
    let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw StoreError(.invalidInput("the user's email is empty")) }
    guard trimmed.contains("@"), !trimmed.contains(where: \.isWhitespace) else {
      throw StoreError(.invalidInput("'\(trimmed)' is not an email address"))
    }
    return trimmed
  }

  static func insertUser(
    _ db: Connection, accountID: Int, email: String?, role: Role, at: String
  ) throws -> UserRecord {
    try db.run(
      "INSERT INTO account_user(account_id, email, role, created_at) VALUES (?, ?, ?, ?)",
      [accountID.sqliteValue, email.sqliteValue, .text(role.rawValue), .text(at)])
    return UserRecord(
      id: Int(db.lastInsertedRowID), accountID: accountID, email: email, role: role,
      createdAt: at)
  }

  /// "user 2 (b@example.com, Member)".
  static func describe(_ user: UserRecord) -> String {
    "user \(user.id) (" + (user.email.map { "\($0), " } ?? "") + "\(user.role.displayName))"
  }
}
