/// Dispatch for commands made of subcommands (`account create`, `token list`...).
enum Subcommands {
  /// The command's usage: its subcommands with their summaries.
  static func usage(of name: String, _ subcommands: [any Command.Type]) -> String {
    var text = "usage: dbt-metadata \(name) <subcommand> [options]\n\nsubcommands:\n"
    for command in subcommands {
      text += "  " + command.name.padded(to: 10) + command.summary + "\n"
    }
    return text
  }

  /// The named subcommand's usage, so `token create --help` shows `create`'s options.
  static func usage(
    of name: String, _ subcommands: [any Command.Type], for arguments: Arguments
  ) -> String {
    var arguments = arguments
    guard let word = arguments.positional(),
      let command = subcommands.first(where: { $0.name == word })
    else { return usage(of: name, subcommands) }
    return command.usage
  }

  /// Runs the subcommand named by the first positional argument.
  static func run(
    _ subcommands: [any Command.Type], _ arguments: inout Arguments, output: CommandOutput
  ) throws -> Int32 {
    guard let word = arguments.positional() else { throw UsageError("missing subcommand") }
    guard let command = subcommands.first(where: { $0.name == word }) else {
      throw UsageError("unknown subcommand '\(word)'")
    }
    return try command.run(&arguments, output: output)
  }
}
