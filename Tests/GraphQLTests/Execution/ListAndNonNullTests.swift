import Testing

@testable import GraphQL

/// The spec's tables for lists and non-null types: result coercion (Value Completion) and
/// input coercion of list values.
///
/// See https://spec.graphql.org/September2025/#sec-List.Result-Coercion,
/// https://spec.graphql.org/September2025/#sec-List.Input-Coercion and
/// https://spec.graphql.org/September2025/#sec-Non-Null.Result-Coercion
@Suite struct ListAndNonNullTests {
  /// A field of `type` resolving to `value`, queried at the root.
  static func complete(_ type: String, _ value: (any Sendable)?) throws -> ExecutionResult {
    let schema = try GraphQLSchema(sdl: "type Query { f: \(type) }")
    try schema.setResolver("Query", "f") { _, _, _, _ in value }
    return graphql(schema: schema, request: "{ f }")
  }

  @Test(
    arguments: [
      ("[Int]", [1, 2, 3] as (any Sendable)?, #"{"data":{"f":[1,2,3]}}"#),
      ("[Int]", nil, #"{"data":{"f":null}}"#),
      ("[Int]", [1, nil, 3] as [Int?], #"{"data":{"f":[1,null,3]}}"#),
      (
        "[Int]!", nil,
        #"{"errors":[{"message":"Cannot return null for non-nullable field Query.f.","locations":[{"line":1,"column":3}],"path":["f"]}],"data":null}"#
      ),
      (
        "[Int!]", [1, nil, 3] as [Int?],
        #"{"errors":[{"message":"Cannot return null for non-nullable field Query.f.","locations":[{"line":1,"column":3}],"path":["f",1]}],"data":{"f":null}}"#
      ),
      (
        "[Int!]!", [1, nil, 3] as [Int?],
        #"{"errors":[{"message":"Cannot return null for non-nullable field Query.f.","locations":[{"line":1,"column":3}],"path":["f",1]}],"data":null}"#
      ),
      ("[[Int]]", [[1], [nil, 2]] as [[Int?]], #"{"data":{"f":[[1],[null,2]]}}"#),
      (
        "[Int]", 5,
        #"{"errors":[{"message":"Expected Iterable, but did not find one for field \"Query.f\".","locations":[{"line":1,"column":3}],"path":["f"]}],"data":{"f":null}}"#
      ),
      (
        "[Int]", ["a"],
        #"{"errors":[{"message":"Int cannot represent non-integer value: \"a\"","locations":[{"line":1,"column":3}],"path":["f",0]}],"data":{"f":[null]}}"#
      ),
      (
        "Int", 2_147_483_648,
        #"{"errors":[{"message":"Int cannot represent non 32-bit signed integer value: 2147483648","locations":[{"line":1,"column":3}],"path":["f"]}],"data":{"f":null}}"#
      ),
      ("String", true, #"{"data":{"f":"true"}}"#),
      ("ID", 12, #"{"data":{"f":"12"}}"#),
      ("Float", 3, #"{"data":{"f":3}}"#),
      (
        "Boolean", "yes",
        #"{"errors":[{"message":"Boolean cannot represent a non boolean value: \"yes\"","locations":[{"line":1,"column":3}],"path":["f"]}],"data":{"f":null}}"#
      ),
    ] as [(String, (any Sendable)?, String)])
  func resultCoercion(type: String, value: (any Sendable)?, expected: String) throws {
    #expect(try Self.complete(type, value).serialized() == expected)
  }

  @Test(arguments: [
    ("[Int]", "[1, 2, 3]", #"[1,2,3]"#),
    ("[Int]", "[1, \"b\", true]", #"error"#),
    ("[Int]", "1", #"[1]"#),
    ("[Int]", "null", #"null"#),
    ("[[Int]]", "[[1], [2, 3]]", #"[[1],[2,3]]"#),
    ("[[Int]]", "[1, 2, 3]", #"[[1],[2],[3]]"#),
    ("[[Int]]", "1", #"[[1]]"#),
    ("[[Int]]", "null", #"null"#),
    ("[Int!]", "[1, null]", #"error"#),
  ])
  func inputCoercionOfVariables(type: String, variable: String, expected: String) throws {
    let schema = try GraphQLSchema(
      sdl: "scalar JSON type Query { f(x: \(type)): JSON }", scalars: ScalarCoercion.common)
    try schema.setResolver("Query", "f") { _, arguments, _, _ in arguments["x"] }
    let variables: JSONObject = ["x": try JSONParser.parse(variable)]
    let result = graphql(
      schema: schema, request: "query ($x: \(type)) { f(x: $x) }", variables: variables)
    if expected == "error" {
      #expect(result.data == nil)
      #expect(result.errors.first?.message.hasPrefix(#"Variable "$x" got invalid value"#) == true)
    } else {
      #expect(result.errors.isEmpty, "\(result.errors)")
      #expect(result.data?["f"] == (try JSONParser.parse(expected)))
    }
  }
}
