/// One `dbt-metadata` command: its name, help, and what it does.
protocol Command: Sendable {
  /// The word typed after `dbt-metadata`.
  static var name: String { get }
  /// One line for the command list.
  static var summary: String { get }
  /// The full help text, ending in a newline.
  static var usage: String { get }
  /// The help text for the given arguments; defaults to ``usage``.
  static func usage(for arguments: Arguments) -> String
  /// Runs with the arguments after the command name; throws ``UsageError`` for bad usage.
  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32
}

extension Command {
  /// The help text for these arguments (after the command name): the command's own usage,
  /// unless a command with subcommands names one.
  static func usage(for arguments: Arguments) -> String { usage }
}
