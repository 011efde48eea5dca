import Auth
import Foundation
import MetadataStore

/// `dbt-metadata user add`: adds a user to the token's account and prints the new user's
/// API token once.
enum UserAddCommand: Command {
  static let name = "add"
  static let summary = "Add a user with a role; print the user's token"
  static let usage = """
    usage: dbt-metadata user add --db FILE [--token TOKEN] --email EMAIL
                                 --role owner|account-admin|member [--json]

    Adds a user to the token's account and prints the user's API token, shown only this
    once. Owner is the Team plan's administrator role, Account Admin the Enterprise
    plan's; Member holds no administration rights. User tokens do not query the metadata
    API: that takes a service token (`token create`).

    options:
    \(AccessContext.optionsUsage)
      --email EMAIL   the user's email, unique in the account
      --role ROLE     owner (Team), account-admin (Enterprise) or member
      --json          one JSON object, the token in "token"

    exit codes: 0 added, 1 failure (token refused, role not on the plan...), 64 usage error

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let (database, token) = try AccessContext.options(&arguments, output: output)
    let email = try arguments.required("--email")
    let roleText = try arguments.required("--role")
    let json = arguments.flag("--json")
    try arguments.finish()
    guard let role = Role(rawValue: roleText) else {
      throw UsageError("--role expects owner, account-admin or member, found '\(roleText)'")
    }

    let context = try AccessContext.open(database, token, for: .addUser)
    let created = try context.store.addUser(
      accountID: context.accountID, email: email, role: role, actor: context.principal)
    if json {
      output.write(
        JSONOutput.line([
          "user_id": created.user.id, "account_id": created.user.accountID,
          "email": created.user.email ?? NSNull(), "role": created.user.role.rawValue,
          "token_id": created.token.record.id, "token": created.token.plaintext,
        ]))
    } else {
      output.write(
        """
        user \(created.user.id) (\(email)) added to account \(context.accountID) with role \(role.rawValue); its API token, shown only this once:
        \(created.token.plaintext)

        """)
    }
    return ExitCode.success
  }
}
