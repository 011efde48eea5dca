import Foundation
import Testing

@testable import GraphQL

/// Examples of the spec's Execution and Response sections, run through the engine.
@Suite struct ExecutionTests {
  static let starWars = """
    enum Episode { NEWHOPE EMPIRE JEDI }
    interface Character { id: ID! name: String friends: [Character] }
    type Human implements Character { id: ID! name: String friends: [Character] homePlanet: String }
    type Droid implements Character { id: ID! name: String friends: [Character] primaryFunction: String! }
    type Query { hero(episode: Episode): Character  droid(id: ID!): Droid }
    type Mutation { likeStory(storyID: ID!): Int }
    """

  struct Character: GraphQLFieldReadable, GraphQLTypeNamed {
    let id: String
    let name: String
    let friendIDs: [String]
    let isDroid: Bool
    let primaryFunction: String?
    var graphQLTypeName: String { isDroid ? "Droid" : "Human" }
    func graphQLField(_ name: String) -> Any? {
      switch name {
      case "id": return id
      case "name": return self.name
      case "homePlanet": return isDroid ? nil : "Tatooine"
      case "primaryFunction": return primaryFunction
      default: return nil
      }
    }
  }

  static let characters: [String: Character] = [
    "1000": Character(
      id: "1000", name: "Luke Skywalker", friendIDs: ["2001", "1003"], isDroid: false,
      primaryFunction: nil),
    "1003": Character(
      id: "1003", name: "Leia Organa", friendIDs: ["1000"], isDroid: false, primaryFunction: nil),
    "2001": Character(
      id: "2001", name: "R2-D2", friendIDs: ["1000"], isDroid: true, primaryFunction: "Astromech"),
    "2002": Character(
      id: "2002", name: "Broken", friendIDs: [], isDroid: true, primaryFunction: nil),
  ]

  static func schema() throws -> GraphQLSchema {
    let schema = try GraphQLSchema(sdl: starWars)
    try schema.setResolver("Query", "hero") { _, arguments, _, _ in
      arguments["episode"] == "EMPIRE" ? characters["1000"] : characters["2001"]
    }
    try schema.setResolver("Query", "droid") { _, arguments, _, _ in
      arguments["id"]?.stringValue.flatMap { characters[$0] }
    }
    for type in ["Human", "Droid"] {
      try schema.setResolver(type, "friends", as: Character.self) { character, _, _, _ in
        character.friendIDs.map { characters[$0] }
      }
    }
    let likes = TestSchema.Counter()
    try schema.setResolver("Mutation", "likeStory") { _, _, _, _ in likes.next() }
    return schema
  }

  @Test func specExampleQueryWithFragmentsAndTypename() throws {
    let result = graphql(
      schema: try Self.schema(),
      request: """
        query HeroNameAndFriends($episode: Episode = JEDI) {
          hero(episode: $episode) { __typename name ... on Droid { primaryFunction } friends { name } }
        }
        """)
    #expect(
      result.serialized()
        == #"{"data":{"hero":{"__typename":"Droid","name":"R2-D2","primaryFunction":"Astromech","friends":[{"name":"Luke Skywalker"}]}}}"#
    )
  }

  @Test func variablesAndDefaultsFollowTheSpec() throws {
    let schema = try Self.schema()
    let result = graphql(
      schema: schema, request: "query ($e: Episode) { hero(episode: $e) { name } }",
      variables: JSONObject([("e", "EMPIRE")]))
    #expect(result.serialized() == #"{"data":{"hero":{"name":"Luke Skywalker"}}}"#)
  }

  /// Spec, "Handling Execution Errors": a null in a non-null field propagates to the
  /// nearest nullable parent; the error has the path of the field that failed.
  @Test func nonNullErrorPropagatesToNullableParent() throws {
    let result = graphql(
      schema: try Self.schema(), request: #"{ droid(id: "2002") { name primaryFunction } }"#)
    #expect(
      result.serialized()
        == #"{"errors":[{"message":"Cannot return null for non-nullable field Droid.primaryFunction.","locations":[{"line":1,"column":28}],"path":["droid","primaryFunction"]}],"data":{"droid":null}}"#
    )
  }

  @Test func mutationsRunSerially() throws {
    let result = graphql(
      schema: try Self.schema(),
      request:
        #"mutation { a: likeStory(storyID: "1") b: likeStory(storyID: "1") c: likeStory(storyID: "1") }"#
    )
    #expect(result.serialized() == #"{"data":{"a":1,"b":2,"c":3}}"#)
  }

  @Test func requestErrorsHaveNoData() throws {
    let schema = try Self.schema()
    #expect(graphql(schema: schema, request: "{ hero { name }").data == nil)
    let invalid = graphql(schema: schema, request: "{ hero { nme } }")
    #expect(invalid.data == nil)
    #expect(
      invalid.serialized()
        == #"{"errors":[{"message":"Cannot query field \"nme\" on type \"Character\". Did you mean \"name\"?","locations":[{"line":1,"column":10}]}]}"#
    )
    let missing = graphql(schema: schema, request: "query ($id: ID!) { droid(id: $id) { name } }")
    #expect(missing.data == nil)
    #expect(
      missing.errors.map(\.message) == [#"Variable "$id" of required type "ID!" was not provided."#]
    )
  }

  @Test func operationSelection() throws {
    let schema = try Self.schema()
    let document = "query A { hero { name } } query B { hero(episode: EMPIRE) { name } }"
    #expect(
      graphql(schema: schema, request: document, operationName: "B").serialized()
        == #"{"data":{"hero":{"name":"Luke Skywalker"}}}"#)
    #expect(
      graphql(schema: schema, request: document).errors.map(\.message)
        == ["Must provide operation name if query contains multiple operations."])
    #expect(
      graphql(schema: schema, request: document, operationName: "C").errors.map(\.message)
        == [#"Unknown operation named "C"."#])
  }

  @Test func responseKeepsSelectionOrderAndJavaScriptNumbers() throws {
    let schema = try GraphQLSchema(sdl: "type Query { b: Float c: Float a: String z: [Float] }")
    try schema.setResolver("Query", "b") { _, _, _, _ in 1.0 }
    try schema.setResolver("Query", "c") { _, _, _, _ in 1e21 }
    try schema.setResolver("Query", "a") { _, _, _, _ in "é\n\"\u{01}" }
    try schema.setResolver("Query", "z") { _, _, _, _ in [0.1, 1e-7, -2.5] }
    let result = graphql(schema: schema, request: "{ z c a b }")
    #expect(
      result.serialized() == #"{"data":{"z":[0.1,1e-7,-2.5],"c":1e+21,"a":"é\n\"\u0001","b":1}}"#)
  }

  @Test func resolversMayReturnErrorsAndOptionals() throws {
    struct Oops: Error, CustomStringConvertible { var description: String { "oops" } }
    let schema = try GraphQLSchema(sdl: "type Query { a: String b: [Int] c: String d: Int }")
    try schema.setResolver("Query", "a") { _, _, _, _ in Oops() }
    try schema.setResolver("Query", "b") { _, _, _, _ in [1, nil, 3] as [Int?] }
    try schema.setResolver("Query", "c") { _, _, _, _ in Optional<String?>.some(nil) as Any }
    try schema.setResolver("Query", "d") { _, _, _, _ in Int64(7) }
    let result = graphql(schema: schema, request: "{ a b c d }")
    #expect(
      result.serialized()
        == #"{"errors":[{"message":"oops","locations":[{"line":1,"column":3}],"path":["a"]}],"data":{"a":null,"b":[1,null,3],"c":null,"d":7}}"#
    )
  }

  @Test func abstractTypesResolveByHookIsTypeOfOrTypename() throws {
    let schema = try GraphQLSchema(
      sdl:
        "union U = A | B  type A { a: Int } type B { b: Int } type Query { one: U two: U three: U bad: U }"
    )
    try schema.setResolver("Query", "one") { _, _, _, _ in
      ["__typename": "A", "a": 1] as [String: Any]
    }
    try schema.setResolver("Query", "two") { _, _, _, _ in 2 }
    try schema.setResolver("Query", "three") { _, _, _, _ in "three" }
    try schema.setResolver("Query", "bad") { _, _, _, _ in 4.5 }
    try schema.setIsTypeOf("B") { value, _, _ in value is Int }
    try schema.setIsTypeOf("A") { value, _, _ in value is [String: Any] }
    try schema.setResolver("B", "b") { source, _, _, _ in source }
    let result = graphql(
      schema: schema,
      request: "{ one { ... on A { a } } two { ... on B { b } } three { __typename } }")
    #expect(result.errors.count == 1)
    #expect(
      result.errors.first?.message.hasPrefix(
        #"Abstract type "U" must resolve to an Object type at runtime for field "Query.three"."#)
        == true)
    #expect(result.data == ["one": ["a": 1], "two": ["b": 2], "three": nil])
  }

  @Test func skipAndIncludeWithVariables() throws {
    let schema = try GraphQLSchema(sdl: "type Query { a: Int b: Int }")
    try schema.setResolver("Query", "a") { _, _, _, _ in 1 }
    try schema.setResolver("Query", "b") { _, _, _, _ in 2 }
    let result = graphql(
      schema: schema, request: "query ($s: Boolean!) { a @skip(if: $s) b @include(if: $s) }",
      variables: JSONObject([("s", true)]))
    #expect(result.serialized() == #"{"data":{"b":2}}"#)
  }
}
