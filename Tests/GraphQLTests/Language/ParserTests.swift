import Testing

@testable import GraphQL

/// The parser on hand-written documents: structure, locations and graphql-js's error wording.
@Suite struct ParserTests {
  /// Parses `text`, expecting a syntax error, and returns it.
  func syntaxError(_ text: String, options: ParseOptions = ParseOptions()) -> GraphQLError? {
    do {
      _ = try parse(text, options: options)
      return nil
    } catch {
      return error
    }
  }

  @Test func parsesAQueryWithVariablesAliasesAndFragments() throws {
    let document = try parse(
      """
      query Hero($id: ID! = "1000", $first: Int) @live {
        hero(id: $id) { heroName: name ...Friends ... on Droid { primaryFunction } }
      }
      fragment Friends on Character { friends(first: $first) { name } }
      """)
    #expect(document.definitions.count == 2)
    guard case .operation(let operation) = document.definitions[0] else {
      Issue.record("expected an operation")
      return
    }
    #expect(operation.operation == .query)
    #expect(operation.name?.value == "Hero")
    #expect(operation.variableDefinitions.map(\.variable.name.value) == ["id", "first"])
    #expect(
      operation.variableDefinitions[0].defaultValue
        == .string(
          StringValue(
            value: "1000", loc: operation.variableDefinitions[0].defaultValue?.loc ?? .none)))
    #expect(operation.directives.map(\.name.value) == ["live"])
    guard case .field(let hero) = operation.selectionSet.selections[0] else {
      Issue.record("expected a field")
      return
    }
    #expect(
      hero.arguments.first?.value
        == .variable(
          Variable(
            name: Name(value: "id", loc: Location(start: 63, end: 65)),
            loc: Location(start: 62, end: 65))))
    let selections = hero.selectionSet?.selections ?? []
    #expect(selections.count == 3)
    if case .field(let name) = selections[0] {
      #expect(name.alias?.value == "heroName")
      #expect(name.name.value == "name")
    } else {
      Issue.record("expected the aliased field")
    }
    if case .fragmentSpread(let spread) = selections[1] {
      #expect(spread.name.value == "Friends")
    } else {
      Issue.record("expected a fragment spread")
    }
    if case .inlineFragment(let inline) = selections[2] {
      #expect(inline.typeCondition?.name.value == "Droid")
    } else {
      Issue.record("expected an inline fragment")
    }
  }

  @Test func reportsGraphQLJSWording() {
    let error = syntaxError("{ a }}")
    #expect(error?.message == "Syntax Error: Unexpected \"}\".")
    #expect(error?.locations == [SourceLocation(line: 1, column: 6)])
    #expect(syntaxError("{")?.message == "Syntax Error: Expected Name, found <EOF>.")
    #expect(syntaxError("query { a(b: $c) }", options: ParseOptions())?.message == nil)
    #expect(
      syntaxError("type A { f(a: Int = $x): Int }")?.message
        == "Syntax Error: Unexpected variable \"$x\" in constant value.")
  }
}
