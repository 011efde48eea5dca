import Auth
import MetadataStore

/// `dbt-metadata token revoke ID|TOKEN`: revokes a token of the account, by id or by its
/// text (a lost or leaked token); refused from the next request on.
enum TokenRevokeCommand: Command {
  static let name = "revoke"
  static let summary = "Revoke a token by id or by its text"
  static let usage = """
    usage: dbt-metadata token revoke --db FILE [--token TOKEN] ID|TOKEN

    Revokes a token of the token's account, given by its id (see `token list`) or by its
    text; every request from then on is refused. Recorded in the audit trail.

    options:
    \(AccessContext.optionsUsage)

    exit codes: 0 revoked (or already revoked), 1 failure (no such token...), 64 usage error

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let (database, token) = try AccessContext.options(&arguments, output: output)
    guard let target = arguments.positional() else {
      throw UsageError("give the id or the text of the token to revoke")
    }
    try arguments.finish()
    let id = Int(target)
    if id == nil && !TokenFormat.looksLikeToken(target) {
      throw UsageError("expected a token id or a token (dbtm_... or dbtu_...), found '\(target)'")
    }

    let context = try AccessContext.open(database, token, for: .revokeToken)
    let before = try context.store.tokens(accountID: context.accountID)
    let record =
      if let id {
        try context.store.revokeToken(
          accountID: context.accountID, id: id, actor: context.principal)
      } else {
        try context.store.revokeToken(
          accountID: context.accountID, plaintext: target, actor: context.principal)
      }
    let wasRevoked = before.first { $0.id == record.id }?.revokedAt
    if let wasRevoked {
      output.write("token \(record.id) (\(record.name)) was already revoked at \(wasRevoked)\n")
    } else {
      output.write("token \(record.id) (\(record.name)) revoked\n")
    }
    return ExitCode.success
  }
}
