import Testing

@testable import GraphQL

/// Request limits: depth, aliases, cost and `first`, each a clear error before execution.
@Suite struct QueryLimitsTests {
  static func serviceSchema() throws -> GraphQLSchema {
    try GraphQLSchema(sdl: try EngineFixtures.metadataSchemaSDL(), scalars: ScalarCoercion.common)
  }

  @Test func standardIntrospectionQueryPassesTheDefaultLimits() throws {
    let schema = try Self.serviceSchema()
    let query = try EngineFixtures.text("Golden/Introspection/introspection-query.graphql")
    let result = graphql(schema: schema, request: query)
    #expect(result.errors.isEmpty, "\(result.errors)")
  }

  @Test func depthLimit() throws {
    let schema = try TestSchema.make()
    func nested(_ depth: Int) -> String {
      "{ dog " + String(repeating: "{ mother ", count: depth - 2) + "{ name }"
        + String(repeating: " }", count: depth - 2) + " }"
    }
    #expect(graphql(schema: schema, request: nested(20)).errors.isEmpty)
    let deep = graphql(schema: schema, request: nested(21))
    #expect(deep.data == nil)
    #expect(deep.errors.map(\.message) == ["Query depth 21 exceeds the maximum depth of 20."])
    #expect(deep.errors.first?.extensions?["code"] == .string("QUERY_TOO_DEEP"))
    #expect(
      graphql(schema: schema, request: nested(21), limits: QueryLimits(maxDepth: 25)).errors.isEmpty
    )
  }

  @Test func depthCountsThroughFragments() throws {
    let schema = try TestSchema.make()
    let request =
      "{ dog { ...A } } fragment A on Dog { mother { ...B } } fragment B on Dog { mother { name } }"
    let result = graphql(schema: schema, request: request, limits: QueryLimits(maxDepth: 3))
    #expect(result.errors.map(\.message) == ["Query depth 4 exceeds the maximum depth of 3."])
  }

  @Test func aliasLimitCountsFragmentsAsExecuted() throws {
    let schema = try TestSchema.make()
    let aliases = (0..<30).map { "a\($0): name" }.joined(separator: " ")
    let request = "{ dog { ...F ...F ...F ...F } } fragment F on Dog { \(aliases) }"
    let result = graphql(schema: schema, request: request)
    #expect(
      result.errors.map(\.message) == ["Query uses 120 aliases, more than the maximum of 100."])
  }

  @Test func costMultipliesListSizes() throws {
    let schema = try Self.serviceSchema()
    let request = """
      { environment(id: 1) { applied { models(first: 500) { edges { node { uniqueId name
        parents { uniqueId name } } } } } } }
      """
    let allowed = graphql(schema: schema, request: request, limits: QueryLimits(maxCost: 20_000))
    #expect(allowed.errors.allSatisfy { !$0.message.hasPrefix("Query cost") })
    let limited = graphql(schema: schema, request: request, limits: QueryLimits(maxCost: 10_000))
    // environment 1 + applied 1 + models 1 + 500 × (edges 1 + node 1 + 2 leaves + parents (1 + 10 × 2)) = 12,503
    #expect(
      limited.errors.first?.message.hasPrefix("Query cost 12503 exceeds the maximum cost of 10000")
        == true)
  }

  @Test func firstIsBounded() throws {
    let schema = try Self.serviceSchema()
    let result = graphql(
      schema: schema,
      request:
        "query ($n: Int) { environment(id: 1) { applied { models(first: $n) { totalCount } } } }",
      variables: JSONObject([("n", 501)]))
    #expect(
      result.errors.map(\.message) == [
        #"Argument "first" of field "models" is 501, more than the maximum of 500."#
      ])
  }

  @Test func tokenLimitIsTheParsers() throws {
    let schema = try TestSchema.make()
    let result = graphql(
      schema: schema, request: "{ dog { " + String(repeating: "name ", count: 20_000) + "} }")
    #expect(result.data == nil)
    #expect(result.errors.first?.message.hasPrefix("Syntax Error:") == true)
  }
}
