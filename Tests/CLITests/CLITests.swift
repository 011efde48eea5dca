import Testing

@testable import CLI

@Suite struct CLITests {
  @Test func unknownCommandIsAUsageError() {
    let captured = CapturedOutput()
    let code = CLI.run(["frobnicate"], output: captured.output)
    #expect(code == ExitCode.usage)
    #expect(captured.standardError.contains("unknown command 'frobnicate'"))
  }

  @Test func helpListsEveryCommand() {
    let captured = CapturedOutput()
    #expect(CLI.run(["help"], output: captured.output) == ExitCode.success)
    for command in CLI.commands {
      #expect(captured.standardOutput.contains(command.name))
    }
  }

  @Test func leftoverArgumentsAreRejected() throws {
    var arguments = Arguments(["--db", "x.sqlite", "--bogus"])
    #expect(try arguments.option("--db") == "x.sqlite")
    #expect(throws: UsageError.self) { try arguments.finish() }
  }

  @Test func repeatedOptionsKeepOrder() throws {
    var arguments = Arguments(["--run-results", "a.json", "--run-results=b.json"])
    #expect(try arguments.options("--run-results") == ["a.json", "b.json"])
    try arguments.finish()
  }
}
