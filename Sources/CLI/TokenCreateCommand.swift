import Auth
import Foundation
import GraphQL
import MetadataStore
import Server

/// `dbt-metadata token create`: creates a service token of the token's account and
/// prints it once.
enum TokenCreateCommand: Command {
  static let name = "create"
  static let summary = "Create a service token; print it once"
  static let usage = """
    usage: dbt-metadata token create --db FILE [--token TOKEN]
                                     --kind account-admin|metadata-only --name NAME
                                     [--project ID]... [--json]

    Creates a service token for the account and prints it, shown only this once (only
    its SHA-256 digest is stored). Only an Owner (Team) or Account Admin (Enterprise)
    user can; a service token cannot create tokens.

    options:
    \(AccessContext.optionsUsage)
      --kind KIND     the permission set: account-admin (ingest and metadata queries) or
                      metadata-only (metadata queries, read-only)
      --name NAME     what the token is for (shown in listings and the audit trail)
      --project ID    limit the set to this project (repeatable); default all projects
      --json          one JSON object, the token in "token"

    exit codes: 0 created, 1 failure (token refused...), 64 usage error

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let (database, token) = try AccessContext.options(&arguments, output: output)
    let kindText = try arguments.required("--kind")
    let name = try arguments.required("--name")
    let projectTexts = try arguments.options("--project")
    let json = arguments.flag("--json")
    try arguments.finish()
    guard let kind = PermissionSet.Kind(rawValue: kindText) else {
      throw UsageError("--kind expects account-admin or metadata-only, found '\(kindText)'")
    }
    let projects = try projectTexts.map { text in
      guard let id = Int(text), id > 0 else {
        throw UsageError("--project expects a positive integer, found '\(text)'")
      }
      return id
    }
    let set = PermissionSet(kind, scope: ProjectScope(projects: projects))

    let context = try AccessContext.open(database, token, for: .createToken)
    let created = try context.store.createServiceToken(
      accountID: context.accountID, name: name, permissionSets: [set], actor: context.principal)
    let record = created.record
    if json {
      var object = Service.jsonObject(record)
      object.append("token", .string(created.plaintext))
      output.write(GraphQL.JSONValue.object(object).serialized() + "\n")
    } else {
      output.write(
        """
        service token \(record.id) (\(record.name)) created: \(set.description); shown only this once:
        \(created.plaintext)

        """)
    }
    return ExitCode.success
  }
}
