import Auth
import Foundation
import GraphQL
import MetadataStore
import Server

/// `dbt-metadata token list`: the account's tokens, revoked ones included (never their
/// text, which is not stored).
enum TokenListCommand: Command {
  static let name = "list"
  static let summary = "List the account's tokens"
  static let usage = """
    usage: dbt-metadata token list --db FILE [--token TOKEN] [--json]

    Lists the tokens of the token's account, user and service, oldest first: id, kind,
    name, permission sets or user, created, last used (recorded at most once a minute)
    and revoked.

    options:
    \(AccessContext.optionsUsage)
      --json          one JSON array of objects

    exit codes: 0 success, 1 failure (token refused...), 64 usage error

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let (database, token) = try AccessContext.options(&arguments, output: output)
    let json = arguments.flag("--json")
    try arguments.finish()

    let context = try AccessContext.open(database, token, for: .listTokens)
    let tokens = try context.store.tokens(accountID: context.accountID)
    output.write(json ? jsonList(tokens) : table(tokens))
    return ExitCode.success
  }

  static func table(_ tokens: [TokenRecord]) -> String {
    var rows = [["id", "kind", "name", "access", "created", "last_used", "revoked"]]
    for token in tokens {
      let access =
        token.kind == .user
        ? "user \(token.userID.map(String.init) ?? "-")"
        : token.permissionSets.map(\.description).joined(separator: "; ")
      rows.append([
        String(token.id), token.kind.rawValue, token.name, access, token.createdAt,
        token.lastUsedAt ?? "-", token.revokedAt ?? "-",
      ])
    }
    return TextTable.render(rows)
  }

  /// The tokens as the admin endpoint lists them (``Server/Service/json(_:)``).
  static func jsonList(_ tokens: [TokenRecord]) -> String {
    GraphQL.JSONValue.list(tokens.map(Service.json)).serialized() + "\n"
  }
}
