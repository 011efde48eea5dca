import Foundation
import Testing

@testable import GraphQL

/// GraphQLError: the spec's error result format and locations from nodes.
@Suite struct GraphQLErrorTests {
  func json(_ error: GraphQLError) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(error), as: UTF8.self)
  }

  @Test func encodesOnlyWhatIsPresent() throws {
    #expect(try json(GraphQLError(message: "boom")) == #"{"message":"boom"}"#)
    let full = GraphQLError(
      message: "Cannot return null", locations: [SourceLocation(line: 2, column: 3)],
      path: [.key("hero"), .index(0), .key("name")],
      extensions: ["code": .string("INTERNAL"), "retry": .bool(false), "n": .int(1)])
    #expect(
      try json(full)
        == #"{"extensions":{"code":"INTERNAL","n":1,"retry":false},"locations":[{"column":3,"line":2}],"message":"Cannot return null","path":["hero",0,"name"]}"#
    )
  }

  @Test func locatesNodesInTheirSource() throws {
    let source = Source("query {\n  hello: a(x: \"é😀\") b\n}")
    let document = try parse(source)
    guard case .operation(let operation) = document.definitions.first,
      case .field(let first) = operation.selectionSet.selections[0],
      case .field(let second) = operation.selectionSet.selections[1]
    else {
      Issue.record("unexpected document shape")
      return
    }
    let error = GraphQLError(message: "two fields", nodes: [first, second.name], source: source)
    #expect(
      error.locations == [SourceLocation(line: 2, column: 3), SourceLocation(line: 2, column: 21)])
    #expect(error.positions == [first.loc.start, second.name.loc.start])
    #expect(error.sourceName == "GraphQL request")
    #expect(error.description == "two fields (2:3, 2:21)")
  }

  @Test func syntaxErrorsCarryThePrefixAndTheirPosition() {
    let source = Source("{ a }\n  }", name: "doc.graphql")
    do {
      _ = try parse(source)
      Issue.record("expected a syntax error")
    } catch {
      #expect(error.message == "Syntax Error: Unexpected \"}\".")
      #expect(error.locations == [SourceLocation(line: 2, column: 3)])
      #expect(error.positions == [8])
      #expect(error.sourceName == "doc.graphql")
    }
  }
}
