/// `dbt-metadata account <subcommand>`: set up an account, change its settings.
enum AccountCommand: Command {
  static let name = "account"
  static let summary = "Set up an account; switch its metadata API on or off"
  static let subcommands: [any Command.Type] = [
    AccountCreateCommand.self,
    AccountSetCommand.self,
  ]

  static var usage: String { Subcommands.usage(of: name, subcommands) }

  static func usage(for arguments: Arguments) -> String {
    Subcommands.usage(of: name, subcommands, for: arguments)
  }

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    try Subcommands.run(subcommands, &arguments, output: output)
  }
}
