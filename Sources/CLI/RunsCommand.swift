/// `dbt-metadata runs`: lists ingested runs.
enum RunsCommand: Command {
  static let name = "runs"
  static let summary = "List ingested runs"
  static let usage = "usage: dbt-metadata runs --db FILE (not yet implemented)\n"
  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    output.error("runs: not yet implemented\n")
    return ExitCode.failure
  }
}
