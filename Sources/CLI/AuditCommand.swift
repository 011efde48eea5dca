import Auth
import Foundation
import MetadataStore

/// `dbt-metadata audit`: the account's audit trail: who created or revoked a token,
/// changed a setting or added a user, and when.
enum AuditCommand: Command {
  static let name = "audit"
  static let summary = "Show the account's audit trail"
  static let usage = """
    usage: dbt-metadata audit --db FILE [--token TOKEN] [--limit N] [--json]

    Lists the audit trail of the token's account, oldest first: when, who, what and on
    what. For Owner (Team) and Account Admin (Enterprise) users.

    options:
    \(AccessContext.optionsUsage)
      --limit N       only the last N events (default 1000)
      --json          one JSON array of objects

    exit codes: 0 success, 1 failure (token refused...), 64 usage error

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let (database, token) = try AccessContext.options(&arguments, output: output)
    let limit = try arguments.int("--limit") ?? 1_000
    let json = arguments.flag("--json")
    try arguments.finish()
    guard limit > 0 else { throw UsageError("--limit must be positive, found \(limit)") }

    let context = try AccessContext.open(database, token, for: .readAudit)
    let events = try context.store.auditEvents(accountID: context.accountID, limit: limit)
    if json {
      output.write(
        JSONOutput.line(
          events.map { event -> [String: Any] in
            [
              "id": event.id, "at": event.at, "actor": event.actor,
              "actor_token_id": event.actorTokenID ?? NSNull(),
              "action": event.action, "subject": event.subject,
            ]
          }))
    } else {
      var rows = [["at", "actor", "action", "subject"]]
      for event in events { rows.append([event.at, event.actor, event.action, event.subject]) }
      output.write(TextTable.render(rows))
    }
    return ExitCode.success
  }
}
