/// `dbt-metadata user <subcommand>`: add users.
enum UserCommand: Command {
  static let name = "user"
  static let summary = "Add users to the token's account"
  static let subcommands: [any Command.Type] = [
    UserAddCommand.self
  ]

  static var usage: String { Subcommands.usage(of: name, subcommands) }

  static func usage(for arguments: Arguments) -> String {
    Subcommands.usage(of: name, subcommands, for: arguments)
  }

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    try Subcommands.run(subcommands, &arguments, output: output)
  }
}
