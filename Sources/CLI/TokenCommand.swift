/// `dbt-metadata token <subcommand>`: service tokens and their revocation.
enum TokenCommand: Command {
  static let name = "token"
  static let summary = "Create, list and revoke tokens"
  static let subcommands: [any Command.Type] = [
    TokenCreateCommand.self,
    TokenListCommand.self,
    TokenRevokeCommand.self,
  ]

  static var usage: String { Subcommands.usage(of: name, subcommands) }

  static func usage(for arguments: Arguments) -> String {
    Subcommands.usage(of: name, subcommands, for: arguments)
  }

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    try Subcommands.run(subcommands, &arguments, output: output)
  }
}
