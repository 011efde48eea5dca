/// `dbt-metadata graphql validate`: validates a document against a schema.
enum GraphQLValidateCommand: Command {
  static let name = "validate"
  static let summary = "Validate a document against a schema"
  static let usage = "usage: dbt-metadata graphql validate --schema FILE [DOCUMENT|-] (not yet implemented)\n"
  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    output.error("graphql validate: not yet implemented\n")
    return ExitCode.failure
  }
}
