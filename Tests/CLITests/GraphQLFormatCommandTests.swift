import Foundation
import Testing

@testable import CLI

/// `dbt-metadata graphql format`: canonical output, syntax errors with FILE:line:column,
/// unreadable files and usage errors.
@Suite struct GraphQLFormatCommandTests {
  /// A fresh temporary directory for one test.
  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("graphql-format-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func formatsAFile() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("query.graphql")
    try Data("query Q($id:ID!){node(id:$id){...on Model{name}}}".utf8).write(to: file)
    let captured = CapturedOutput()
    let code = CLI.run(["graphql", "format", file.path], output: captured.output)
    #expect(code == ExitCode.success)
    #expect(
      captured.standardOutput
        == "query Q($id: ID!) {\n  node(id: $id) {\n    ... on Model {\n      name\n    }\n  }\n}\n"
    )
    #expect(captured.standardError == "")
  }

  @Test func formatsStandardInputForDashOrNoArgument() {
    for arguments in [["graphql", "format", "-"], ["graphql", "format"]] {
      let captured = CapturedOutput(input: Array("type T{a:Int}".utf8))
      #expect(CLI.run(arguments, output: captured.output) == ExitCode.success)
      #expect(captured.standardOutput == "type T {\n  a: Int\n}\n")
    }
  }

  @Test func formatsTheMetadataAPISchema() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let schema = root.appendingPathComponent("../shared/spec/metadata-api.graphql").path
    let captured = CapturedOutput()
    #expect(CLI.run(["graphql", "format", schema], output: captured.output) == ExitCode.success)
    #expect(captured.standardOutput.contains("type Query {"))
    // The output is itself canonical: formatting it again changes nothing.
    let again = CapturedOutput(input: Array(captured.standardOutput.utf8))
    #expect(CLI.run(["graphql", "format", "-"], output: again.output) == ExitCode.success)
    #expect(again.standardOutput == captured.standardOutput)
  }

  @Test func formatsAFileOverTheRequestTokenLimit() throws {
    // 3,000 types of 9 tokens each: 27,000 tokens, where a request stops at 15,000.
    let sdl = (0..<3_000).map { "type T\($0) { id: ID! name: String }" }.joined(separator: "\n")
    let file = try temporaryDirectory().appendingPathComponent("large.graphql")
    try sdl.write(to: file, atomically: true, encoding: .utf8)
    let captured = CapturedOutput()
    #expect(CLI.run(["graphql", "format", file.path], output: captured.output) == ExitCode.success)
    #expect(captured.standardError == "")
    #expect(
      captured.standardOutput.hasPrefix("type T0 {\n  id: ID!\n  name: String\n}\n\ntype T1 {"))
    #expect(captured.standardOutput.hasSuffix("type T2999 {\n  id: ID!\n  name: String\n}\n"))
  }

  @Test func reportsSyntaxErrorsWithFileLineAndColumn() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("bad.graphql")
    try Data("{\n  héllo(a: 1.)\n}".utf8).write(to: file)
    let captured = CapturedOutput()
    #expect(CLI.run(["graphql", "format", file.path], output: captured.output) == ExitCode.failure)
    #expect(
      captured.standardError
        == "\(file.path):2:4: Syntax Error: Unexpected character: U+00E9.\n")
    #expect(captured.standardOutput == "")

    let stdin = CapturedOutput(input: Array("{ a(x: 1.) }".utf8))
    #expect(CLI.run(["graphql", "format"], output: stdin.output) == ExitCode.failure)
    #expect(
      stdin.standardError
        == "<stdin>:1:10: Syntax Error: Invalid number, expected digit but got: \")\".\n")
  }

  @Test func anUnreadableFileFails() {
    let captured = CapturedOutput()
    let code = CLI.run(
      ["graphql", "format", "/nonexistent/dir/query.graphql"], output: captured.output)
    #expect(code == ExitCode.failure)
    #expect(
      captured.standardError.hasPrefix("error: cannot read /nonexistent/dir/query.graphql: "))
  }

  @Test func extraArgumentsAreAUsageError() {
    let captured = CapturedOutput()
    let code = CLI.run(["graphql", "format", "a.graphql", "b.graphql"], output: captured.output)
    #expect(code == ExitCode.usage)
    #expect(captured.standardError.contains("unexpected argument 'b.graphql'"))
    let option = CapturedOutput()
    #expect(CLI.run(["graphql", "format", "--bogus"], output: option.output) == ExitCode.usage)
  }

  @Test func helpDescribesTheSubcommand() {
    let captured = CapturedOutput()
    #expect(CLI.run(["graphql", "format", "--help"], output: captured.output) == ExitCode.success)
    #expect(captured.standardOutput == GraphQLFormatCommand.usage)
    #expect(GraphQLFormatCommand.usage.hasPrefix("usage: dbt-metadata graphql format [FILE|-]"))
    // A usage error after the subcommand shows the subcommand's usage too.
    let option = CapturedOutput()
    #expect(CLI.run(["graphql", "format", "--bogus"], output: option.output) == ExitCode.usage)
    #expect(option.standardError.hasSuffix(GraphQLFormatCommand.usage))
    // Without a subcommand, the `graphql` help lists them.
    let parent = CapturedOutput()
    #expect(CLI.run(["graphql", "--help"], output: parent.output) == ExitCode.success)
    #expect(parent.standardOutput == GraphQLCommand.usage)
  }
}
