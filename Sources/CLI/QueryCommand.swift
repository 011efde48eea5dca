import Foundation
import GraphQL
import MetadataAPI
import MetadataStore

/// `dbt-metadata query --db FILE --account ID [--variables JSON] [--operation NAME]
/// [QUERY_FILE|-]`: answers one metadata API query from a database file, locally.
///
/// Operator access, like `ingest`: whoever can read the file may query any account in it,
/// so no token is asked for; the answer is still scoped to `--account` exactly as a
/// request with that account's token would be. The token limit is lifted (the query is the
/// operator's own file) while depth, aliases, cost and `first` keep the request limits.
/// Prints the JSON response (`{"data":...}` and/or `{"errors":[...]}`) and exits 1 when it
/// has errors.
enum QueryCommand: Command {
  static let name = "query"
  static let summary = "Run a metadata API query on a database"
  static let usage = """
    usage: dbt-metadata query --db FILE --account ID [--variables JSON] [--operation NAME] [QUERY_FILE|-]

    Runs a GraphQL query of the metadata API (spec/metadata-api.graphql) on the database,
    as account ID, and prints the JSON response. Reads the query from standard input when
    QUERY_FILE is '-' or missing.

    options:
      --db FILE          the dbt-metadata database (must exist; opened read-only, so an ingest never blocks it)
      --account ID       the account whose data the query reads
      --variables JSON   the variables, a JSON object
      --operation NAME   the operation to run when the document has several

    exit codes: 0 a response without errors, 1 a response with errors (or a failure),
    64 usage error

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let database = try arguments.required("--db")
    let accountID = try arguments.requiredInt("--account")
    let variablesText = try arguments.option("--variables")
    let operationName = try arguments.option("--operation")
    let path = arguments.positional() ?? "-"
    try arguments.finish()

    var variables = JSONObject()
    if let variablesText {
      guard case .object(let object)? = try? JSONParser.parse(variablesText) else {
        throw UsageError("--variables expects a JSON object, found '\(variablesText)'")
      }
      variables = object
    }
    let bytes: [UInt8]
    if path == "-" {
      bytes = output.readInput()
    } else {
      do {
        bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
      } catch {
        output.error(
          "error: cannot read \(path): \((error as NSError).localizedDescription)\n")
        return ExitCode.failure
      }
    }
    guard let query = String(validating: bytes, as: UTF8.self) else {
      output.error("error: \(path == "-" ? "standard input" : path) is not UTF-8 text\n")
      return ExitCode.failure
    }
    let store = try MetadataStore(path: database, access: .readOnly)
    // One request per process: building an environment's applied state would only add
    // its cost to the one answer (or be thrown away at exit).
    let api = try MetadataAPI(store: store, appliedStateBuilding: .never)
    var limits = QueryLimits()
    limits.maxTokens = Int.max
    let result = api.execute(
      query: query, variables: variables, operationName: operationName, accountID: accountID,
      limits: limits)
    output.write(result.serialized() + "\n")
    return result.errors.isEmpty ? ExitCode.success : ExitCode.failure
  }
}
