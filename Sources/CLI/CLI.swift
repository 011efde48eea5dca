/// The `dbt-metadata` command line: dispatches to one command per file.
///
/// Tests call ``CLI/run(_:output:)`` with arguments and read what was printed, so every
/// command writes through ``CommandOutput`` rather than to the process streams.
public enum CLI {
  /// Every top-level command, in the order `help` lists them.
  static let commands: [any Command.Type] = [
    IngestCommand.self,
    RunsCommand.self,
    QueryCommand.self,
    ServeCommand.self,
    UploadCommand.self,
    DemoCommand.self,
    GraphQLCommand.self,
    AccountCommand.self,
    UserCommand.self,
    TokenCommand.self,
    AuditCommand.self,
  ]

  /// Runs the command line and returns the process exit code
  /// (0 success, 1 failure, 64 usage error, as in sysexits.h).
  public static func run(_ arguments: [String], output: CommandOutput) -> Int32 {
    guard let name = arguments.first else {
      output.error(usage)
      return ExitCode.usage
    }
    if name == "help" || name == "--help" || name == "-h" {
      output.write(usage)
      return ExitCode.success
    }
    guard let command = commands.first(where: { $0.name == name }) else {
      output.error("error: unknown command '\(name)'\n\n" + usage)
      return ExitCode.usage
    }
    let given = Arguments(Array(arguments.dropFirst()))
    if given.contains("--help") || given.contains("-h") {
      output.write(command.usage(for: given))
      return ExitCode.success
    }
    var rest = given
    do {
      return try command.run(&rest, output: output)
    } catch let error as UsageError {
      output.error("error: \(error.message)\n\n\(command.usage(for: given))")
      return ExitCode.usage
    } catch {
      output.error("error: \(error)\n")
      return ExitCode.failure
    }
  }

  /// The `help` text: every command with its one-line summary.
  static var usage: String {
    var text = "usage: dbt-metadata <command> [options]\n\ncommands:\n"
    for command in commands {
      text += "  " + command.name.padded(to: 10)
      text += command.summary + "\n"
    }
    text += "\nRun 'dbt-metadata <command> --help' for a command's options.\n"
    return text
  }
}
