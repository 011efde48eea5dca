import Foundation
import HTTP
import MetadataStore
import Server

/// `dbt-metadata serve`: the service over HTTP (the metadata API at `/graphql`, the
/// explorer at `/graphiql`, uploads, admin endpoints, `/healthz`, `/metrics`) until SIGINT
/// or SIGTERM, which stop accepting, finish the requests in flight and close the database.
enum ServeCommand: Command {
  static let name = "serve"
  static let summary = "Serve the metadata API over HTTP"
  static let usage = """
    usage: dbt-metadata serve --db FILE [--host HOST] [--port PORT]

    Serves the database over HTTP/1.1 (TLS belongs to a reverse proxy in front):
      POST/GET /graphql (also /beta/graphql)   the metadata API, for service tokens
      GET      /graphiql                       the explorer page
      POST     /api/v1/accounts/ID/runs        upload a run's artifacts (Account Admin token)
      /api/v1/accounts/ID/service-tokens       create (POST), list (GET), revoke (DELETE .../TOKEN_ID)
      /api/v1/accounts/ID/settings             the metadata API switch (GET, PATCH)
      GET      /healthz, /metrics              liveness; Prometheus figures (any valid token)
    One access log line per request goes to standard error.

    options:
      --db FILE       the database (created or migrated when needed)
      --host HOST     the address to listen on (default 127.0.0.1)
      --port PORT     the port (default 8080; 0 picks a free one)

    exit codes: 0 stopped by a signal, 1 failure, 64 usage error

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let database = try arguments.required("--db")
    let host = try arguments.option("--host") ?? "127.0.0.1"
    let port = try port(&arguments)
    try arguments.finish()
    let service = try Service(
      configuration: ServiceConfiguration(databasePath: database, host: host, port: port))
    try serve(service, output: output) { address in
      output.write("dbt-metadata serving \(database) at \(address) (Ctrl+C stops)\n")
    }
    return ExitCode.success
  }

  /// `--port`, a number from 0 to 65535.
  static func port(_ arguments: inout Arguments) throws -> UInt16 {
    guard let text = try arguments.option("--port") else { return 8080 }
    guard let port = UInt16(text) else {
      throw UsageError("--port expects a number from 0 to 65535, found '\(text)'")
    }
    return port
  }

  /// Starts the service's HTTP server, calls `ready` with its base address, and blocks
  /// until SIGINT or SIGTERM has stopped it.
  static func serve(
    _ service: Service, output: CommandOutput, ready: (String) -> Void
  ) throws {
    let server = HTTPServer(
      configuration: service.httpConfiguration { line in output.error(line + "\n") },
      handler: { request in service.handle(request) })
    let port = try server.start()
    server.stopOnSignals()
    ready("http://\(service.configuration.host):\(port)")
    server.waitUntilStopped()
    output.write("stopped\n")
  }
}
