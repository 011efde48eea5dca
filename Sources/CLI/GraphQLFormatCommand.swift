/// `dbt-metadata graphql format`: prints a document in canonical form.
enum GraphQLFormatCommand: Command {
  static let name = "format"
  static let summary = "Print a GraphQL document in canonical form"
  static let usage = "usage: dbt-metadata graphql format [FILE|-] (not yet implemented)\n"
  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    output.error("graphql format: not yet implemented\n")
    return ExitCode.failure
  }
}
