import Testing

@testable import GraphQL

/// The printer's canonical format, including what the differential corpus cannot show.
@Suite struct PrinterTests {
  func printed(_ text: String) throws -> String {
    Printer.print(try parse(text))
  }

  @Test func printsTheCanonicalLayout() throws {
    #expect(try printed("query{a(x:1){b}}") == "{\n  a(x: 1) {\n    b\n  }\n}")
    #expect(try printed("query Q($v:[Int!]!=[1]){a}") == "query Q($v: [Int!]! = [1]) {\n  a\n}")
    #expect(
      try printed("type T implements A&B{f(a:Int=1):[T!]}")
        == "type T implements A & B {\n  f(a: Int = 1): [T!]\n}")
  }

  /// A shorthand query right after a body-less definition gets its `query` keyword, or the
  /// printed text would parse differently (found by the fuzzer).
  @Test func keepsShorthandQueriesAfterBodylessDefinitionsUnambiguous() throws {
    let text = "interface I query { name: String }"
    let document = try parse(text, options: ParseOptions(noLocation: true))
    let output = Printer.print(document)
    #expect(output == "interface I\n\nquery {\n  name: String\n}")
    #expect(try parse(output, options: ParseOptions(noLocation: true)) == document)
    // Elsewhere the shorthand stays as graphql-js prints it.
    #expect(try printed("scalar S { a }") == "scalar S\n\n{\n  a\n}")
  }

  @Test func printsHandBuiltASTsWithoutLocations() {
    let field = Field(
      alias: Name(value: "x"), name: Name(value: "f"),
      arguments: [
        Argument(
          name: Name(value: "s"), value: .string(StringValue(value: "tab\t \u{1} \"q\" \\"))),
        Argument(name: Name(value: "l"), value: .list(ListValue(values: [.null(NullValue())]))),
      ])
    let operation = OperationDefinition(
      operation: .query, selectionSet: SelectionSet(selections: [.field(field)]))
    let document = Document(definitions: [.operation(operation)])
    #expect(
      Printer.print(document) == "{\n  x: f(s: \"tab\\t \\u0001 \\\"q\\\" \\\\\", l: [null])\n}")
  }

  @Test func printsBlockStringsAsGraphQLJS() {
    #expect(BlockString.print("simple") == "\"\"\"simple\"\"\"")
    #expect(BlockString.print("two\nlines") == "\"\"\"\ntwo\nlines\n\"\"\"")
    #expect(BlockString.print(" leading") == "\"\"\" leading\"\"\"")
    #expect(BlockString.print("ends with \"") == "\"\"\"\nends with \"\n\"\"\"")
    #expect(BlockString.print("a \"\"\" b") == "\"\"\"a \\\"\"\" b\"\"\"")
    #expect(BlockString.print(String(repeating: "x", count: 71)).hasPrefix("\"\"\"\n"))
  }

  @Test func printsExecutableDescriptionsOfTheSeptember2025Edition() throws {
    let text = "\"Op\" query Q(\"Var\" $a: Int) { a } \"Frag\" fragment F on T { a }"
    #expect(
      try printed(text)
        == "\"Op\"\nquery Q(\"Var\" $a: Int) {\n  a\n}\n\n\"Frag\"\nfragment F on T {\n  a\n}")
  }
}
