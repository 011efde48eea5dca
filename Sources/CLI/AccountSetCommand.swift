import Auth
import MetadataStore

/// `dbt-metadata account set --metadata-api on|off`: switches the token's account's
/// metadata API (off by default); for its Owner or Account Admin users only.
enum AccountSetCommand: Command {
  static let name = "set"
  static let summary = "Switch the account's metadata API on or off"
  static let usage = """
    usage: dbt-metadata account set --db FILE [--token TOKEN] --metadata-api on|off

    Changes a setting of the token's account, recorded in the audit trail. Metadata
    queries are answered only while the metadata API is on.

    options:
    \(AccessContext.optionsUsage)
      --metadata-api on|off   answer metadata queries for the account, or not

    exit codes: 0 done, 1 failure (token refused...), 64 usage error

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let (database, token) = try AccessContext.options(&arguments, output: output)
    let value = try arguments.required("--metadata-api")
    try arguments.finish()
    let enabled: Bool
    switch value {
    case "on": enabled = true
    case "off": enabled = false
    default: throw UsageError("--metadata-api expects on or off, found '\(value)'")
    }

    let context = try AccessContext.open(database, token, for: .changeSettings)
    let changed = try context.store.setMetadataAPI(
      accountID: context.accountID, enabled: enabled, actor: context.principal)
    output.write(
      "metadata API " + (changed ? "" : "already ") + "\(value) for account \(context.accountID)\n")
    return ExitCode.success
  }
}
