import Auth
import Foundation
import MetadataStore

/// `dbt-metadata account create`: the bootstrap of a new installation. Sets up an
/// account with its plan and its first administrator user, and prints that user's API
/// token once. Needs no token: whoever may write the database file is its operator.
enum AccountCreateCommand: Command {
  static let name = "create"
  static let summary = "Set up an account and its first administrator; print the user's token"
  static let usage = """
    usage: dbt-metadata account create --db FILE --name NAME --plan team|enterprise
                                       [--email EMAIL] [--id ID] [--json]

    Sets up an account (metadata API off) with a first user holding the plan's
    administrator role (Owner on Team, Account Admin on Enterprise), and prints that
    user's API token. The token is shown only this once and stored only as a digest.

    options:
      --db FILE                 the dbt-metadata database (created when missing)
      --name NAME               the account's name
      --plan team|enterprise    the plan, which names the administrator role
      --email EMAIL             the first user's email
      --id ID                   the account id: one that ingest already created (its runs
                                become the account's), or a new one; default the next free id
      --json                    one JSON object, the token in "token"

    exit codes: 0 created, 1 failure (already set up...), 64 usage error

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let database = try arguments.required("--db")
    let name = try arguments.required("--name")
    let planText = try arguments.required("--plan")
    let email = try arguments.option("--email")
    let id = try arguments.int("--id")
    let json = arguments.flag("--json")
    try arguments.finish()
    guard let plan = Plan(rawValue: planText) else {
      throw UsageError("--plan expects team or enterprise, found '\(planText)'")
    }

    let store = try MetadataStore(path: database)
    let created = try store.createAccount(name: name, plan: plan, email: email, id: id)
    let account = created.account
    if json {
      output.write(
        JSONOutput.line([
          "account_id": account.id, "name": account.name ?? NSNull(), "plan": plan.rawValue,
          "metadata_api_enabled": account.metadataAPIEnabled, "user_id": created.user.id,
          "email": created.user.email ?? NSNull(), "role": created.user.role.rawValue,
          "token_id": created.token.record.id, "token": created.token.plaintext,
        ]))
    } else {
      output.write(
        """
        account \(account.id) created: \(name) (\(plan.displayName) plan), metadata API off
        user \(created.user.id) created with role \(created.user.role.rawValue); its API token, shown only this once:
        \(created.token.plaintext)

        """)
    }
    return ExitCode.success
  }
}
