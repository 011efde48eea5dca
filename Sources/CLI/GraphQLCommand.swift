/// `dbt-metadata graphql <subcommand>`: tools for GraphQL documents, independent of dbt.
enum GraphQLCommand: Command {
  static let name = "graphql"
  static let summary = "Format and validate GraphQL documents"
  static let subcommands: [any Command.Type] = [
    GraphQLFormatCommand.self,
    GraphQLValidateCommand.self,
  ]

  static var usage: String {
    var text = "usage: dbt-metadata graphql <subcommand> [options]\n\nsubcommands:\n"
    for command in subcommands {
      text += "  " + command.name.padded(to: 10)
      text += command.summary + "\n"
    }
    return text
  }

  /// The named subcommand's usage, so `graphql format --help` shows `format`'s options.
  static func usage(for arguments: Arguments) -> String {
    var arguments = arguments
    guard let name = arguments.positional(),
      let command = subcommands.first(where: { $0.name == name })
    else { return usage }
    return command.usage
  }

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    guard let name = arguments.positional() else { throw UsageError("missing subcommand") }
    guard let command = subcommands.first(where: { $0.name == name }) else {
      throw UsageError("unknown subcommand '\(name)'")
    }
    return try command.run(&arguments, output: output)
  }
}
