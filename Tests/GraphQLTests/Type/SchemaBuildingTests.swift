import Foundation
import Testing

@testable import GraphQL

/// Building schemas from SDL: the spec's type system rules, extensions, built-in directives
/// and custom scalars; every invalid schema is a clear error.
@Suite struct SchemaBuildingTests {
  @Test func buildsTheServiceSchema() throws {
    let schema = try GraphQLSchema(
      sdl: try EngineFixtures.metadataSchemaSDL(), scalars: ScalarCoercion.common)
    #expect(schema.queryType?.name == "Query")
    #expect(
      schema.type(named: "ModelNode")?.interfaces.map(\.name) == [
        "CloudArtifactInterface", "NodeInterface",
      ])
    #expect(schema.possibleTypes(of: try #require(schema.type(named: "LineageNode"))).count == 10)
  }

  @Test func extensionsDeprecationSpecifiedByAndOneOf() throws {
    let schema = try GraphQLSchema(
      sdl: """
        scalar Url @specifiedBy(url: "https://example.com/url")
        type Query { a: Int @deprecated b(x: Int @deprecated(reason: "no")): String }
        extend type Query { c: Url }
        enum E { X Y @deprecated(reason: "use X") }
        extend enum E { Z }
        input In @oneOf { p: Int q: String }
        interface I { id: ID }
        interface J implements I { id: ID }
        type T implements J & I { id: ID }
        extend union U = T
        union U
        """)
    let query = try #require(schema.queryType)
    #expect(query.fields.keys == ["a", "b", "c"])
    #expect(query.fields["a"]?.deprecationReason == "No longer supported")
    #expect(query.fields["b"]?.arguments.first?.deprecationReason == "no")
    #expect(schema.type(named: "Url")?.specifiedByURL == "https://example.com/url")
    #expect(schema.type(named: "E")?.enumValues.map(\.name) == ["X", "Y", "Z"])
    #expect(schema.type(named: "In")?.isOneOf == true)
    #expect(schema.type(named: "U")?.unionMembers.map(\.name) == ["T"])
    #expect(
      schema.isSubType(try #require(schema.type(named: "I")), try #require(schema.type(named: "J")))
    )
  }

  @Test(arguments: [
    ("type Query { a: Nope }", #"Unknown type "Nope"."#),
    ("type Query { a: Int } type Query { b: Int }", #"There can be only one type named "Query"."#),
    ("type Query { a: Int a: Int }", #"Field "Query.a" can only be defined once."#),
    ("type Foo { a: Int }", "Query root type must be provided."),
    (
      "type Query { a: In } input In { x: Int }",
      "The type of Query.a must be Output Type but got: In."
    ),
    (
      "type Query { a(x: Query): Int }",
      "The type of Query.a(x:) must be Input Type but got: Query."
    ),
    (
      "interface I { a: Int } type Query implements I { b: Int }",
      "Interface field I.a expected but Query does not provide it."
    ),
    (
      "interface I { a: Int } type Query implements I { a: String }",
      "Interface field I.a expects type Int but Query.a is type String."
    ),
    (
      "interface I { a(x: Int): Int } type Query implements I { a: Int }",
      "Interface field argument I.a(x:) expected but Query.a does not provide it."
    ),
    (
      "interface I { a: Int } interface J implements I { a: Int } type Query implements J { a: Int }",
      "Type Query must implement I because it is implemented by J."
    ),
    (
      "type Query { a: U } union U = Query | Int",
      "Union type U can only include Object types, it cannot include Int."
    ),
    (
      "type Query { a(i: In): Int } input In { self: In! }",
      #"Cannot reference Input Object "In" within itself through a series of non-null fields: "self"."#
    ),
    (
      "type Query { a(i: In): Int } input In @oneOf { x: Int! }",
      "OneOf input field In.x must be nullable."
    ),
    (
      "type Query { a: E } enum E { true }",
      #"Name "true" is reserved and cannot be used for an enum value."#
    ),
    (
      "type Query { __a: Int }",
      #"Name "__a" must not begin with "__", which is reserved by GraphQL introspection."#
    ),
    (
      "type Query { a: Int } extend type Nope { b: Int }",
      #"Cannot extend type "Nope" because it is not defined."#
    ),
    ("type Query { a: Int @unknown }", #"Unknown directive "@unknown"."#),
    (
      "type Query { a: Int @specifiedBy(url: \"x\") }",
      #"Directive "@specifiedBy" may not be used on FIELD_DEFINITION."#
    ),
    ("type Query { a: Int } extend enum Query { X }", #"Cannot extend non-enum type "Query"."#),
    ("type Query { a: Int } type Empty", "Type Empty must define one or more fields."),
    (
      "scalar Url @specifiedBy type Query { a: Url }",
      #"Directive "@specifiedBy" argument "url" of type "String!" is required, but it was not provided."#
    ),
    (
      "type Query { a: Int @deprecated @deprecated }",
      #"The directive "@deprecated" can only be used once at this location."#
    ),
    (
      "type Query { a: Int @deprecated(reasn: \"x\") }",
      #"Unknown argument "reasn" on directive "@deprecated". Did you mean "reason"?"#
    ),
  ])
  func invalidSchemasAreRejected(sdl: String, message: String) {
    do {
      _ = try GraphQLSchema(sdl: sdl)
      Issue.record("expected an error for \(sdl)")
    } catch {
      #expect(error.message.contains(message), "\(error.message)")
    }
  }

  @Test func schemaErrorsCarryTheLocation() {
    do {
      _ = try GraphQLSchema(sdl: "type Query {\n  a: Nope\n}", name: "bad.graphql")
      Issue.record("expected an error")
    } catch {
      #expect(error.locations == [SourceLocation(line: 2, column: 6)])
      #expect(error.sourceName == "bad.graphql")
    }
  }

  @Test func syntaxErrorsInSDLAreReported() {
    #expect(throws: GraphQLError.self) { _ = try GraphQLSchema(sdl: "type Query {") }
  }

  @Test func customScalarsCoerceBothWays() throws {
    let schema = try GraphQLSchema(
      sdl: """
        scalar DateTime scalar Date scalar JSON scalar JSONObject scalar AnyScalar scalar BigInt
        type Query {
          now: DateTime day: Date meta: JSON obj: JSONObject any: AnyScalar id: BigInt
          echoTime(t: DateTime): DateTime echoId(id: BigInt!): BigInt echoObj(o: JSONObject): JSONObject
          badObj: JSONObject
        }
        """, scalars: ScalarCoercion.common)
    try schema.setResolver("Query", "now") { _, _, _, _ in
      Date(timeIntervalSince1970: 1_678_122_121.216)
    }
    try schema.setResolver("Query", "day") { _, _, _, _ in
      Date(timeIntervalSince1970: 1_678_122_121)
    }
    try schema.setResolver("Query", "meta") { _, _, _, _ in
      ["b": [1, 2], "a": "x"] as [String: Any]
    }
    try schema.setResolver("Query", "obj") { _, _, _, _ in JSONValue.object(JSONObject([("k", 1)]))
    }
    try schema.setResolver("Query", "any") { _, _, _, _ in 2.5 }
    try schema.setResolver("Query", "id") { _, _, _, _ in "9007199254740993" }
    try schema.setResolver("Query", "echoTime") { _, a, _, _ in a["t"] }
    try schema.setResolver("Query", "echoId") { _, a, _, _ in a["id"] }
    try schema.setResolver("Query", "echoObj") { _, a, _, _ in a["o"] }
    try schema.setResolver("Query", "badObj") { _, _, _, _ in [1] }
    let result = graphql(
      schema: schema,
      request: """
        { now day meta obj any id echoTime(t: "2023-03-06T18:02:01.5+01:00")
          a: echoId(id: 12) b: echoId(id: "123456789012") echoObj(o: {x: [1, {y: null}]}) badObj }
        """)
    #expect(
      result.data
        == [
          "now": "2023-03-06T17:02:01.216Z", "day": "2023-03-06", "meta": ["a": "x", "b": [1, 2]],
          "obj": ["k": 1], "any": 2.5, "id": 9_007_199_254_740_993,
          "echoTime": "2023-03-06T17:02:01.500Z", "a": 12, "b": 123_456_789_012,
          "echoObj": ["x": [1, ["y": nil]]], "badObj": nil,
        ])
    #expect(result.errors.map(\.message) == ["JSONObject cannot represent non-object value: [1]"])
    let invalid = graphql(schema: schema, request: #"{ echoTime(t: "yesterday") }"#)
    #expect(
      invalid.errors.map(\.message) == [
        #"DateTime cannot represent an invalid date-time string: "yesterday""#
      ])
    let badVariable = graphql(
      schema: schema, request: "query ($id: BigInt!) { echoId(id: $id) }",
      variables: JSONObject([("id", "x1")]))
    #expect(
      badVariable.errors.map(\.message) == [
        #"Variable "$id" got invalid value "x1"; BigInt cannot represent non-integer value: "x1""#
      ])
  }
}
