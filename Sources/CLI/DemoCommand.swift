import Auth
import Foundation
import MetadataStore
import Server

/// `dbt-metadata demo`: the service on its embedded default in one command. Loads every run
/// under `sample-runs/` (artifacts written by real dbt, see `sample-runs/README.md`) into a
/// database, sets up account 1 with the metadata API on, creates a Metadata Only service
/// token, prints it with a ready-to-paste `curl` line and the explorer's address, and
/// serves until Ctrl+C.
///
/// Every run's `run.json` is read and checked before the database is touched; each run is
/// then stored in its own transaction, and loading again changes nothing.
enum DemoCommand: Command {
  static let name = "demo"
  static let summary = "Load the sample runs, create a token and serve them"
  static let usage = """
    usage: dbt-metadata demo [--db FILE] [--samples DIR] [--host HOST] [--port PORT]
                             [--no-serve] [--json]

    Ingests every run folder (one holding run.json) under DIR, in run id order, with the
    account, project, environment, job and run ids its run.json names, and lists the runs.
    Then sets up account 1 (Enterprise plan) with the metadata API on, creates a Metadata
    Only service token, prints it with a curl line and the explorer's address, and serves
    (as `dbt-metadata serve`) until Ctrl+C.

    options:
      --db FILE       the database (default .build/dbt-metadata-demo.sqlite; created when missing)
      --samples DIR   the sample runs (default sample-runs, from the repository root)
      --host HOST     the address to listen on (default 127.0.0.1)
      --port PORT     the port (default 8080; 0 picks a free one)
      --no-serve      load and list only: no account, token or server
      --json          list the runs as JSON (with --no-serve)

    exit codes: 0 loaded (and served until stopped), 1 failure, 64 usage error

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let database = try arguments.option("--db") ?? ".build/dbt-metadata-demo.sqlite"
    let samples = try arguments.option("--samples") ?? "sample-runs"
    let host = try arguments.option("--host") ?? "127.0.0.1"
    let port = try ServeCommand.port(&arguments)
    let serve = !arguments.flag("--no-serve")
    let json = arguments.flag("--json")
    try arguments.finish()

    let requests = try SampleRuns.read(under: samples)
    let directory = (database as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
    }
    let store = try MetadataStore(path: database, access: .readWrite)
    let created = try SampleRuns.ingest(requests, into: store)
    if !json {
      output.write(
        "\(database): \(requests.count) sample runs, \(created) stored now, "
          + "\(requests.count - created) already there\n\n")
    }
    let stored = try store.allRuns(jobID: nil)
    output.write(json ? RunsCommand.jsonList(stored) : RunsCommand.table(stored))
    guard serve else { return ExitCode.success }

    let token = try demoToken(store)
    let service = try Service(
      configuration: ServiceConfiguration(databasePath: database, host: host, port: port))
    try ServeCommand.serve(service, output: output) { address in
      output.write(
        """

        Metadata Only service token for account 1 (shown once; create more with
        `dbt-metadata token create`):
          \(token)

        Try it:
          curl -s \(address)/graphql -H 'Authorization: Bearer \(token)' \\
            -H 'Content-Type: application/json' \\
            -d '{"query":"{ models(jobId: 101) { name status executionTime } }"}'

        Explorer: \(address)/graphiql (paste the token into its token field)
        Serving \(database) at \(address); Ctrl+C stops.

        """)
    }
    return ExitCode.success
  }

  /// Sets up account 1 when it is not (Enterprise plan, metadata API on) and creates a
  /// Metadata Only token for it, as the account's first administrator: the demo works on
  /// its own database file, whose operator may act for that user.
  static func demoToken(_ store: MetadataStore) throws -> String {
    let administrator: Principal
    if try store.account(id: 1) == nil {
      let account = try store.createAccount(name: "Demo shop", plan: .enterprise, id: 1)
      administrator = try store.authenticate(account.token.plaintext)
    } else {
      guard let user = try store.users(accountID: 1).first(where: { $0.role.isAdministrator })
      else {
        throw IngestFailure(message: "account 1 has no administrator user to act for")
      }
      administrator = Principal(
        accountID: 1, tokenID: 0, tokenName: "demo (database operator)",
        identity: .user(id: user.id, email: user.email, role: user.role))
    }
    try store.setMetadataAPI(accountID: 1, enabled: true, actor: administrator)
    return try store.createServiceToken(
      accountID: 1, name: "demo", permissionSets: [PermissionSet(.metadataOnly)],
      actor: administrator
    ).plaintext
  }
}
