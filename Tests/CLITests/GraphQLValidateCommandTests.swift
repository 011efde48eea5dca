import Foundation
import Testing

@testable import CLI

/// `dbt-metadata graphql validate`: JSON lines for errors, exit codes 0, 1 and 64.
@Suite struct GraphQLValidateCommandTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let serviceSchema = repositoryRoot.appendingPathComponent(
    "../shared/spec/metadata-api.graphql"
  )
  .standardized.path

  static func temporaryFile(_ contents: String) throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("validate-\(UUID().uuidString).graphql")
    try contents.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func validDocumentPrintsNothingAndExitsZero() throws {
    let document = try Self.temporaryFile(
      "query ($id: BigInt!) { job(id: $id) { models { uniqueId name parentsModels { uniqueId } } } }"
    )
    let captured = CapturedOutput()
    let code = CLI.run(
      ["graphql", "validate", "--schema", Self.serviceSchema, document], output: captured.output)
    #expect(code == ExitCode.success)
    #expect(captured.standardOutput == "")
  }

  @Test func errorsAreJSONLinesWithLocations() throws {
    let captured = CapturedOutput(
      input: Array("{ job(id: 1) { modls { name } } environment }".utf8))
    let code = CLI.run(
      ["graphql", "validate", "--schema", Self.serviceSchema, "-"], output: captured.output)
    #expect(code == ExitCode.failure)
    #expect(
      captured.standardOutput == """
        {"message":"Cannot query field \\"modls\\" on type \\"JobNode\\". Did you mean \\"models\\" or \\"model\\"?","locations":[{"line":1,"column":16}]}
        {"message":"Field \\"environment\\" of type \\"Environment!\\" must have a selection of subfields. Did you mean \\"environment { ... }\\"?","locations":[{"line":1,"column":33}]}
        {"message":"Field \\"environment\\" argument \\"id\\" of type \\"BigInt!\\" is required, but it was not provided.","locations":[{"line":1,"column":33}]}

        """)
  }

  @Test func customScalarsOfOnesOwnSchemaAcceptAnyLiteral() throws {
    // A schema of one's own that happens to name a scalar DateTime: no coercion is applied
    // by name, so every literal is accepted, as graphql-js's buildSchema does.
    let schema = try Self.temporaryFile(
      "scalar DateTime\nscalar BigInt\ntype Query { at(when: DateTime, id: BigInt): Int }")
    let captured = CapturedOutput(
      input: Array(
        """
        { a: at(when: 1.5) b: at(when: "SOME_ENUM_LIKE") c: at(when: {seconds: 12})
          d: at(when: SOME_ENUM, id: "not a number") e: at(when: [true, null]) }
        """.utf8))
    let code = CLI.run(["graphql", "validate", "--schema", schema, "-"], output: captured.output)
    #expect(captured.standardOutput == "")
    #expect(code == ExitCode.success)
  }

  @Test func syntaxErrorIsReportedAsAnError() throws {
    let captured = CapturedOutput(input: Array("{ job(id: 1) {".utf8))
    let code = CLI.run(
      ["graphql", "validate", "--schema", Self.serviceSchema], output: captured.output)
    #expect(code == ExitCode.failure)
    #expect(
      captured.standardOutput
        == #"{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":15}]}"#
        + "\n")
  }

  @Test func invalidSchemaNamesFileLineAndColumn() throws {
    let schema = try Self.temporaryFile("type Query {\n  a: Missing\n}\n")
    let captured = CapturedOutput(input: Array("{ a }".utf8))
    let code = CLI.run(["graphql", "validate", "--schema", schema, "-"], output: captured.output)
    #expect(code == ExitCode.failure)
    #expect(captured.standardError == "\(schema):2:6: Unknown type \"Missing\".\n")
  }

  @Test func missingSchemaOptionIsAUsageError() {
    let captured = CapturedOutput()
    #expect(
      CLI.run(["graphql", "validate", "doc.graphql"], output: captured.output) == ExitCode.usage)
    #expect(captured.standardError.contains("missing --schema"))
  }

  @Test func unreadableFilesFail() {
    let captured = CapturedOutput()
    let code = CLI.run(
      ["graphql", "validate", "--schema", "/nonexistent/schema.graphql", "-"],
      output: captured.output)
    #expect(code == ExitCode.failure)
    #expect(captured.standardError.contains("cannot read /nonexistent/schema.graphql"))
  }
}
