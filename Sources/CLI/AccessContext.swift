import Auth
import Foundation
import MetadataStore

/// What the commands that manage users, tokens and settings share: the database, and the
/// user token from `--token` or `DBT_METADATA_TOKEN`, authenticated and authorized for
/// the command's action on the token's own account.
///
/// The command line works on the database file directly, so whoever may write the file
/// is its operator: `ingest`, `runs` and `demo` need no token. These commands take one
/// anyway, so that roles hold on the command line as they will over HTTP and every
/// change is recorded in the audit trail under a user's name.
struct AccessContext {
  /// The environment variable read when `--token` is not given.
  static let tokenVariable = "DBT_METADATA_TOKEN"

  /// The options every such command takes, for its usage text.
  static let optionsUsage = """
      --db FILE       the dbt-metadata database (must exist)
      --token TOKEN   a user API token of an Owner (Team) or Account Admin (Enterprise)
                      user; default: the DBT_METADATA_TOKEN environment variable
    """

  let store: MetadataStore
  let principal: Principal
  var accountID: Int { principal.accountID }

  /// Reads `--db` and `--token` from `arguments`: call before ``open(_:_:for:)`` and
  /// before `finish()`.
  static func options(_ arguments: inout Arguments, output: CommandOutput) throws -> (
    database: String, token: String?
  ) {
    let database = try arguments.required("--db")
    let given = try arguments.option("--token") ?? output.environment[tokenVariable]
    let token = given?.trimmingCharacters(in: .whitespacesAndNewlines)
    return (database, token)
  }

  /// Opens the database, authenticates the token and checks that it may do `action` on
  /// its account.
  ///
  /// - Throws: ``AccessFailure`` when no token was given; ``Auth/AuthError`` when it is
  ///   refused; ``MetadataStore/StoreError`` for the database.
  static func open(_ database: String, _ token: String?, for action: Action) throws
    -> AccessContext
  {
    guard let token, !token.isEmpty else {
      throw AccessFailure(
        message: "no token given: pass --token TOKEN or set \(tokenVariable) "
          + "(a user API token, printed by `account create` or `user add`)")
    }
    let store = try MetadataStore(path: database, create: false)
    let principal = try store.authenticate(token)
    try store.authorize(principal, action, accountID: principal.accountID, projectID: nil)
    return AccessContext(store: store, principal: principal)
  }
}

/// A command refused before reaching the store (exit code 1).
struct AccessFailure: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
