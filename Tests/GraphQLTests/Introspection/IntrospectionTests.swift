import Testing

@testable import GraphQL

/// The introspection round trip: graphql-core's standard introspection query, executed by
/// this engine, equals graphql-core's own result on the same schema (recorded by
/// Golden/Introspection/record.py, which also checks that the result feeds
/// `build_client_schema` and prints as the SDL prints).
@Suite struct IntrospectionTests {
  @Test(arguments: ["metadata-api", "test-schema"])
  func introspectionQueryMatchesGraphQLCore(schemaName: String) throws {
    let sdl =
      schemaName == "metadata-api"
      ? try EngineFixtures.metadataSchemaSDL()
      : try EngineFixtures.text("Fixtures/test-schema.graphql")
    let schema = try GraphQLSchema(sdl: sdl)
    let query = try EngineFixtures.text("Golden/Introspection/introspection-query.graphql")
    let result = try EngineFixtures.run(schema, query)
    #expect(result.errors.isEmpty, "\(result.errors)")
    let expected = try EngineFixtures.json("Golden/Introspection/\(schemaName).result.json")
    let actual = result.toJSON()
    if actual != expected {
      // Point at the first differing type to make a failure readable.
      let actualTypes = actual["data"]?["__schema"]?["types"]?.listValue ?? []
      let expectedTypes = expected["data"]?["__schema"]?["types"]?.listValue ?? []
      for (a, e) in zip(actualTypes, expectedTypes) where a != e {
        Issue.record("first differing type:\n\(a)\nexpected:\n\(e)")
        break
      }
      if actualTypes.count != expectedTypes.count {
        Issue.record("\(actualTypes.count) types, expected \(expectedTypes.count)")
      }
      #expect(
        actual["data"]?["__schema"]?["directives"] == expected["data"]?["__schema"]?["directives"])
    }
    #expect(actual == expected)
  }

  @Test func typeNameAndTypeMetaFields() throws {
    let schema = try GraphQLSchema(
      sdl: """
        "A thing."
        type Query { a: Int @deprecated(reason: "gone")  b(x: Int = 3): String }
        """)
    let result = try EngineFixtures.run(
      schema,
      """
      { __typename t: __type(name: "Query") { name description
          fields(includeDeprecated: true) { name isDeprecated deprecationReason args { name defaultValue } } }
        missing: __type(name: "Nope") { name } }
      """)
    #expect(
      result.serialized()
        == #"{"data":{"__typename":"Query","t":{"name":"Query","description":"A thing.","fields":[{"name":"a","isDeprecated":true,"deprecationReason":"gone","args":[]},{"name":"b","isDeprecated":false,"deprecationReason":null,"args":[{"name":"x","defaultValue":"3"}]}]},"missing":null}}"#
    )
  }
}
