/// `dbt-metadata ingest`: loads one run's artifacts into the database.
enum IngestCommand: Command {
  static let name = "ingest"
  static let summary = "Ingest a dbt run's artifacts into the database"
  static let usage = "usage: dbt-metadata ingest --db FILE ... (not yet implemented)\n"
  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    output.error("ingest: not yet implemented\n")
    return ExitCode.failure
  }
}
