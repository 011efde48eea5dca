import Foundation
import Testing

@testable import GraphQL

/// Hostile documents: each is answered with an error or a result, with bounded work.
/// Times are printed, not asserted (the release-build timings are in benchmarks/).
@Suite struct DenialOfServiceTests {
  static func timed<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    let start = ContinuousClock.now
    let value = try body()
    print("DoS \(label): \(ContinuousClock.now - start)")
    return value
  }

  static func validationErrors(_ document: String) throws -> [GraphQLError] {
    let schema = try TestSchema.make()
    let source = Source(document)
    let parsed = try parse(source, options: ParseOptions(maxTokens: nil))
    return validate(schema: schema, document: parsed, source: source)
  }

  @Test func twoThousandRepeatedFields() throws {
    let document = "{ dog { " + String(repeating: "name ", count: 2000) + "} }"
    let errors = try Self.timed("2000 repeated fields") { try Self.validationErrors(document) }
    #expect(errors.isEmpty)
  }

  @Test func twoHundredFragmentsOfAHundredInlineFragments() throws {
    let inline = String(repeating: "... on Dog { name } ", count: 100)
    let fragments = (0..<200).map { "fragment F\($0) on Dog { \(inline) }" }.joined(separator: "\n")
    let spreads = (0..<200).map { "...F\($0)" }.joined(separator: " ")
    let document = "{ dog { \(spreads) } }\n" + fragments
    let errors = try Self.timed("200 fragments x 100 inline fragments") {
      try Self.validationErrors(document)
    }
    #expect(errors.isEmpty)
    // Through the request path the token limit answers first.
    let result = graphql(schema: try TestSchema.make(), request: document)
    #expect(
      result.errors.first?.message.hasPrefix("Syntax Error: Document contains more than") == true)
  }

  @Test func conflictingAliasesAreBoundedByTheBudget() throws {
    let fields = (0..<3000).map { $0 % 2 == 0 ? "x: name" : "x: nickname" }.joined(separator: " ")
    let errors = try Self.timed("3000 conflicting aliases") {
      try Self.validationErrors("{ dog { \(fields) } }")
    }
    #expect(errors.count <= 101)
    #expect(!errors.isEmpty)
  }

  @Test func fragmentCycles() throws {
    let count = 1000
    let fragments = (0..<count).map { "fragment F\($0) on Dog { name ...F\(($0 + 1) % count) }" }
      .joined(separator: "\n")
    let errors = try Self.timed("1000-fragment cycle") {
      try Self.validationErrors("{ dog { ...F0 } }\n" + fragments)
    }
    #expect(
      errors.map(\.message).contains {
        $0.hasPrefix(#"Cannot spread fragment "F0" within itself via"#)
      })
  }

  @Test func exponentialFragmentReuse() throws {
    let schema = try TestSchema.make()
    // Each fragment spreads the next twice: 2^40 expansions if anything walked it naively.
    var fragments = (0..<40).map {
      "fragment F\($0) on Dog { mother { ...F\($0 + 1) ...F\($0 + 1) } }"
    }
    fragments.append("fragment F40 on Dog { name }")
    let document = "{ dog { ...F0 } }\n" + fragments.joined(separator: "\n")
    let result = Self.timed("exponential fragments") {
      graphql(schema: schema, request: document)
    }
    #expect(result.data == nil)
    #expect(result.errors.map(\.message) == ["Query depth 42 exceeds the maximum depth of 20."])
  }

  @Test func depthTenThousand() throws {
    let schema = try TestSchema.make()
    let document =
      String(repeating: "{ dog ", count: 10_000) + String(repeating: "}", count: 10_000)
    let result = Self.timed("depth 10,000") {
      graphql(
        schema: schema, request: document, limits: QueryLimits(maxTokens: 1_000_000)
      )
    }
    #expect(result.data == nil)
    #expect(result.errors.first?.message.hasPrefix("Syntax Error:") == true)
  }

  @Test func hundredThousandTokens() throws {
    let schema = try TestSchema.make()
    let document = "{ dog { " + String(repeating: "name ", count: 100_000) + "} }"
    let result = Self.timed("100,000 tokens") {
      graphql(schema: schema, request: document)
    }
    #expect(result.data == nil)
    #expect(
      result.errors.first?.message.hasPrefix(
        "Syntax Error: Document contains more than 15000 tokens") == true)
  }

  @Test func aliasBomb() throws {
    let schema = try TestSchema.make()
    let aliases = (0..<1000).map { "a\($0): dog { name }" }.joined(separator: " ")
    let result = Self.timed("alias bomb") {
      graphql(schema: schema, request: "{ \(aliases) }")
    }
    #expect(
      result.errors.map(\.message) == ["Query uses 1000 aliases, more than the maximum of 100."])
  }

  @Test func hugeVariableList() throws {
    let schema = try TestSchema.make()
    let values = JSONValue.list((0..<200_000).map { .int($0) })
    let result = Self.timed("200,000-element variable") {
      graphql(
        schema: schema, request: "query ($v: [Int]) { echoList(values: $v) }",
        variables: JSONObject([("v", values)]))
    }
    #expect(result.errors.isEmpty)
    #expect(result.data?["echoList"]?.listValue?.count == 200_000)
    let definitions = (0..<3000).map { "$v\($0): Int" }.joined(separator: ", ")
    let many = Self.timed("3000 variable definitions") {
      graphql(schema: schema, request: "query (\(definitions)) { dog { name } }")
    }
    #expect(many.data == nil)
    #expect(!many.errors.isEmpty)
  }
}
