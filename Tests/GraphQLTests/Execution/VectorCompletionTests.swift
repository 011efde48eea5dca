import Testing

@testable import GraphQL

/// The executor completes a field for all objects of a list at once, completes leaves as
/// they are resolved, converts lists of leaves list by list and builds response paths only
/// for errors. These tests pin what that must not change: the answers, the errors' paths
/// and their depth-first order, null propagation and the truncation of failed lists, in
/// lists of objects (where values of several objects share one vector).
@Suite struct VectorCompletionTests {
  struct Item: Sendable {
    let name: String?
    let tags: [String?]
    let kind: String
  }

  static let sdl = """
    enum Kind { A B }
    type Item { name: String! label: String tags: [String!] strictTags: [String!]! kind: Kind
      nested: [[String]] }
    type Query { items: [Item] strictItems: [Item!] }
    """

  static func schema(_ items: [Item]) throws -> GraphQLSchema {
    let schema = try GraphQLSchema(sdl: sdl)
    try schema.setResolver("Query", "items") { _, _, _, _ in items }
    try schema.setResolver("Query", "strictItems") { _, _, _, _ in items }
    try schema.setResolver("Item", "name", as: Item.self) { item, _, _, _ in item.name }
    try schema.setResolver("Item", "label", as: Item.self) { item, _, _, _ in
      if item.name == "boom" { throw GraphQLError(message: "no label") }
      return item.name.map { "<\($0)>" }
    }
    try schema.setResolver("Item", "tags", as: Item.self) { item, _, _, _ in item.tags }
    try schema.setResolver("Item", "strictTags", as: Item.self) { item, _, _, _ in item.tags }
    try schema.setResolver("Item", "kind", as: Item.self) { item, _, _, _ in item.kind }
    try schema.setResolver("Item", "nested", as: Item.self) { item, _, _, _ in [item.tags, []] }
    return schema
  }

  /// Each error's path, dotted.
  func paths(_ result: ExecutionResult) -> [String] {
    result.errors.map { $0.path.map(\.description).joined(separator: ".") }
  }

  /// A resolver may answer a list of strings with a JSON list: one of strings only is
  /// taken as it is, anything else is completed item by item as any list is (a number
  /// becomes its string, a null item of a non-null list is an error).
  @Test func jsonListsOfStringsCompleteAsListsOfStrings() throws {
    let schema = try GraphQLSchema(sdl: Self.sdl)
    let answers: [JSONValue] = [
      ["x", "y"], [], ["z", 1], ["p", nil],
    ]
    try schema.setResolver("Query", "items") { _, _, _, _ in Array(answers.indices) }
    try schema.setResolver("Item", "tags", as: Int.self) { index, _, _, _ in answers[index] }
    try schema.setResolver("Item", "strictTags", as: Int.self) { index, _, _, _ in
      answers[index]
    }
    let result = graphql(schema: schema, request: "{ items { tags strictTags } }")
    #expect(
      result.serialized()
        == #"{"errors":[{"message":"Cannot return null for non-nullable field Item.tags.","locations":[{"line":1,"column":11}],"path":["items",3,"tags",1]},{"message":"Cannot return null for non-nullable field Item.strictTags.","locations":[{"line":1,"column":16}],"path":["items",3,"strictTags",1]}],"data":{"items":[{"tags":["x","y"],"strictTags":["x","y"]},{"tags":[],"strictTags":[]},{"tags":["z","1"],"strictTags":["z","1"]},null]}}"#
    )
  }

  static let items = [
    Item(name: "a", tags: ["x", "y"], kind: "A"),
    Item(name: nil, tags: ["z"], kind: "B"),
    Item(name: "boom", tags: ["p", nil, "q", nil], kind: "C"),
    Item(name: "d", tags: [], kind: "A"),
  ]

  @Test func leavesOfEveryObjectKeepTheirPathsAndNullsPropagateToTheObject() throws {
    let result = graphql(
      schema: try Self.schema(Self.items), request: "{ items { label name kind tags } }")
    #expect(
      result.serialized()
        == #"{"errors":[{"message":"Cannot return null for non-nullable field Item.name.","locations":[{"line":1,"column":17}],"path":["items",1,"name"]},{"message":"no label","locations":[{"line":1,"column":11}],"path":["items",2,"label"]},{"message":"Enum \"Kind\" cannot represent value: \"C\"","locations":[{"line":1,"column":22}],"path":["items",2,"kind"]},{"message":"Cannot return null for non-nullable field Item.tags.","locations":[{"line":1,"column":27}],"path":["items",2,"tags",1]}],"data":{"items":[{"label":"<a>","name":"a","kind":"A","tags":["x","y"]},null,{"label":null,"name":"boom","kind":null,"tags":null},{"label":"<d>","name":"d","kind":"A","tags":[]}]}}"#
    )
  }

  @Test func aFailedListItemStopsItsListAndLaterItemsReportNothing() throws {
    // Item 2's tags fail at index 1 (and again at 3, which a depth-first executor never
    // reaches); the non-null list makes the item null, and the nullable list of items
    // keeps the others.
    let result = graphql(
      schema: try Self.schema(Self.items), request: "{ items { strictTags } }")
    #expect(paths(result) == ["items.2.strictTags.1"])
    #expect(
      result.data
        == ["items": [["strictTags": ["x", "y"]], ["strictTags": ["z"]], nil, ["strictTags": []]]]
    )
  }

  @Test func aNullInANonNullListOfObjectsNullsTheWholeList() throws {
    let result = graphql(
      schema: try Self.schema(Self.items), request: "{ strictItems { name } }")
    #expect(paths(result) == ["strictItems.1.name"])
    #expect(result.data == ["strictItems": nil])
  }

  @Test func listsOfListsOfLeavesArePathedAtBothLevels() throws {
    let result = graphql(
      schema: try Self.schema(Self.items), request: "{ items { nested } }")
    #expect(result.errors.isEmpty)
    #expect(result.data?["items"]?.listValue?[2] == ["nested": [["p", nil, "q", nil], []]])
  }

  /// A `[String]` of the built-in `String` is converted whole; a serializer of one's own
  /// on a copy of the coercion turns that off, so it is called for every element.
  @Test func onlyTheEnginesOwnStringSerializerIsSkippedForStringLists() throws {
    #expect(GraphQLNamedType.string.coercion.serializesStringsAsThemselves)
    #expect(GraphQLNamedType.id.coercion.serializesStringsAsThemselves)
    #expect(!GraphQLNamedType.int.coercion.serializesStringsAsThemselves)
    var coercion = GraphQLNamedType.string.coercion
    coercion.serialize = { value in .string("[\(value)]") }
    #expect(!coercion.serializesStringsAsThemselves)
    let schema = try GraphQLSchema(
      sdl: "scalar Upper type Query { a: [Upper] b: [String] }",
      scalars: [
        "Upper": ScalarCoercion(
          serialize: { value in .string(String(describing: value).uppercased()) },
          parseValue: { $0 })
      ])
    try schema.setResolver("Query", "a") { _, _, _, _ in ["x", "y"] }
    try schema.setResolver("Query", "b") { _, _, _, _ in ["x", "y"] }
    #expect(
      graphql(schema: schema, request: "{ a b }").serialized()
        == #"{"data":{"a":["X","Y"],"b":["x","y"]}}"#)
  }

  /// Values of an abstract type resolve to several object types in turn; a name that is
  /// not a possible type is an error for that value only, whatever came before.
  @Test func abstractValuesResolvingToSeveralTypesAreEachChecked() throws {
    let schema = try GraphQLSchema(
      sdl: """
        interface Named { name: String }
        type Cat implements Named { name: String }
        type Dog implements Named { name: String }
        type Rock { name: String }
        type Query { all: [Named] rock: Rock }
        """)
    let names = ["Cat", "Cat", "Dog", "Rock", "Dog", "Cat", "Nothing"]
    try schema.setResolver("Query", "all") { _, _, _, _ in names.map { ["kind": $0] } }
    try schema.setTypeResolver("Named") { value, _, _ in
      (value as? [String: String])?["kind"]
    }
    for type in ["Cat", "Dog"] {
      try schema.setResolver(type, "name") { value, _, _, _ in
        (value as? [String: String])?["kind"]
      }
    }
    let result = graphql(schema: schema, request: "{ all { __typename name } }")
    #expect(
      result.errors.map(\.message) == [
        #"Runtime Object type "Rock" is not a possible type for "Named"."#,
        #"Abstract type "Named" was resolved to a type "Nothing" that does not exist inside the schema."#,
      ])
    #expect(paths(result) == ["all.3", "all.6"])
    #expect(
      result.data?["all"]?.listValue?.map { $0["__typename"]?.stringValue ?? "null" }
        == ["Cat", "Cat", "Dog", "null", "Dog", "Cat", "null"])
  }

  class Animal: @unchecked Sendable {
    var name: String { "animal" }
  }
  final class Cat: Animal, @unchecked Sendable {
    override var name: String { "cat" }
  }

  /// Parents and leaves are cast by comparing types first (`exactCast`); a value of
  /// another dynamic type still gets the runtime's cast: a subclass is its superclass, an
  /// optional holding the type is the type, and anything else is refused as before.
  @Test func castsAcceptSubclassesAndOptionalsAndRefuseOtherTypes() throws {
    #expect(exactCast(Cat(), to: Animal.self)?.name == "cat")
    #expect(exactCast(Optional("x") as Any, to: String.self) == "x")
    #expect(exactCast(12, to: String.self) == nil)
    #expect(exactCast(12, to: Int.self) == 12)
    let schema = try GraphQLSchema(
      sdl: "type Animal { name: String } type Query { animals: [Animal] count: Int label: String }")
    try schema.setResolver("Query", "animals") { _, _, _, _ in
      [Animal(), Cat(), Optional(Cat()) as Any, "not an animal"] as [Any]
    }
    try schema.setResolver("Animal", "name", as: Animal.self) { animal, _, _, _ in animal.name }
    try schema.setResolver("Query", "count") { _, _, _, _ in Optional(Int32(7)) as Any }
    try schema.setResolver("Query", "label") { _, _, _, _ in Substring("sub") }
    let result = graphql(schema: schema, request: "{ animals { name } count label }")
    #expect(
      result.serialized()
        == #"{"errors":[{"message":"Resolver for Animal.name expected a Animal parent, got String.","locations":[{"line":1,"column":13}],"path":["animals",3,"name"]}],"data":{"animals":[{"name":"animal"},{"name":"cat"},{"name":"cat"},{"name":null}],"count":7,"label":"sub"}}"#
    )
  }
}
