import Testing

@testable import GraphQL

/// The schema keeps the collected fields of executed documents between executions
/// (``ExecutionPlanCache``). These tests check that what is kept is keyed right: by
/// document (two documents, a changed copy of one), by schema (one document, two schemas)
/// and never across variables that `@skip`/`@include` read.
@Suite struct ExecutionPlanCacheTests {
  static func schema(_ sdl: String, values: [String: String]) throws -> GraphQLSchema {
    let schema = try GraphQLSchema(sdl: sdl)
    for (field, value) in values {
      try schema.setResolver("Query", field) { _, _, _, _ in value }
    }
    return schema
  }

  static func run(
    _ schema: GraphQLSchema, _ document: Document, _ source: Source,
    variables: JSONObject = JSONObject()
  ) -> String {
    execute(schema: schema, document: document, source: source, variables: variables)
      .serialized()
  }

  @Test func twoDocumentsOnOneSchemaEachKeepTheirOwnFields() throws {
    let schema = try Self.schema(
      "type Query { a: String b: String }", values: ["a": "A", "b": "B"])
    let first = Source("{ a }")
    let second = Source("{ b a }")
    let firstDocument = try parse(first)
    let secondDocument = try parse(second)
    for _ in 0..<3 {
      #expect(Self.run(schema, firstDocument, first) == #"{"data":{"a":"A"}}"#)
      #expect(Self.run(schema, secondDocument, second) == #"{"data":{"b":"B","a":"A"}}"#)
    }
    #expect(schema.executionPlans.count == 2)
  }

  @Test func aChangedCopyOfADocumentIsAnotherDocument() throws {
    let schema = try Self.schema(
      "type Query { a: String b: String }", values: ["a": "A", "b": "B"])
    let source = Source("{ a }")
    let document = try parse(source)
    #expect(Self.run(schema, document, source) == #"{"data":{"a":"A"}}"#)
    // The same offsets, another field: a copy changed in place is new storage.
    var changed = document
    guard case .operation(var operation) = changed.definitions[0],
      case .field(var field) = operation.selectionSet.selections[0]
    else {
      Issue.record("unexpected document shape")
      return
    }
    field.name = Name(value: "b", loc: field.name.loc)
    operation.selectionSet.selections[0] = .field(field)
    changed.definitions[0] = .operation(operation)
    #expect(Self.run(schema, changed, source) == #"{"data":{"b":"B"}}"#)
    #expect(Self.run(schema, document, source) == #"{"data":{"a":"A"}}"#)
  }

  @Test func oneDocumentOnTwoSchemasFollowsEachSchema() throws {
    // `Thing` is an object in one schema and an interface in the other: the fragment on
    // `Named` applies to it in the second only.
    let source = Source("{ thing { ... on Named { name } id } }")
    let document = try parse(source)
    let plain = try GraphQLSchema(
      sdl: """
        interface Named { name: String }
        type Thing { id: String name: String }
        type Other implements Named { name: String }
        type Query { thing: Thing other: Other }
        """)
    let named = try GraphQLSchema(
      sdl: """
        interface Named { name: String }
        type Thing implements Named { id: String name: String }
        type Query { thing: Thing }
        """)
    for schema in [plain, named] {
      try schema.setResolver("Query", "thing") { _, _, _, _ in ["id": "1", "name": "n"] }
    }
    for _ in 0..<2 {
      #expect(Self.run(plain, document, source) == #"{"data":{"thing":{"id":"1"}}}"#)
      #expect(
        Self.run(named, document, source) == #"{"data":{"thing":{"name":"n","id":"1"}}}"#)
    }
  }

  @Test func fieldsDecidedByVariablesAreCollectedForEachExecution() throws {
    let schema = try Self.schema(
      "type Query { a: String b: String }", values: ["a": "A", "b": "B"])
    let source = Source(
      "query ($x: Boolean!, $y: Boolean = true) { a @include(if: $x) ... @skip(if: $y) { b } }")
    let document = try parse(source)
    let cases: [(JSONObject, String)] = [
      (["x": true], #"{"data":{"a":"A"}}"#),
      (["x": false, "y": false], #"{"data":{"b":"B"}}"#),
      (["x": true, "y": false], #"{"data":{"a":"A","b":"B"}}"#),
      (["x": false], #"{"data":{}}"#),
      (["x": true], #"{"data":{"a":"A"}}"#),
    ]
    for (variables, expected) in cases {
      #expect(Self.run(schema, document, source, variables: variables) == expected)
    }
    // Nothing was kept for this document: every collection read a variable.
    #expect(schema.executionPlans.count == 0)
  }

  @Test func literalDirectivesAreKeptAndNestedVariablesAreNot() throws {
    let schema = try GraphQLSchema(
      sdl: "type Item { a: String b: String } type Query { item: Item }")
    try schema.setResolver("Query", "item") { _, _, _, _ in ["a": "A", "b": "B"] }
    let source = Source(
      "query ($x: Boolean!) { item { a @skip(if: true) b } again: item { a @include(if: $x) } }"
    )
    let document = try parse(source)
    for flag in [true, false, true] {
      let expected =
        flag
        ? #"{"data":{"item":{"b":"B"},"again":{"a":"A"}}}"#
        : #"{"data":{"item":{"b":"B"},"again":{}}}"#
      #expect(Self.run(schema, document, source, variables: ["x": .bool(flag)]) == expected)
    }
    #expect(schema.executionPlans.count == 1)
  }

  @Test func aFullCacheStartsOverAndLongDocumentsAreNotKept() throws {
    let cache = ExecutionPlanCache(capacity: 2, maxDocumentBytes: 100, maxTotalBytes: 250)
    let documents = try ["{ a }", "{ b }", "{ c }", "{ d }", "{ e }"].map { try parse(Source($0)) }
    let key = ExecutionPlanCache.CollectionKey(type: ObjectIdentifier(cache), nodes: [2])
    func fields(_ name: String) -> ExecutionPlanCache.Collections {
      var fields = OrderedDictionary<String, [Field]>()
      fields[name] = []
      return [key: fields]
    }
    // By count: the third document starts the cache over.
    for (index, document) in documents.prefix(3).enumerated() {
      cache.store(fields("f\(index)"), for: document, bytes: 10)
    }
    #expect(cache.count == 1)
    #expect(cache.collections(for: documents[2])[key]?.keys == ["f2"])
    #expect(cache.collections(for: documents[0]).isEmpty)
    // Too long to keep at all.
    cache.store(fields("long"), for: documents[3], bytes: 101)
    #expect(cache.collections(for: documents[3]).isEmpty)
    #expect(cache.count == 1)
    // By total text: 10 + 100 fit, 10 + 100 + 100 would not, so the cache starts over.
    cache.store(fields("f4"), for: documents[4], bytes: 100)
    #expect(cache.count == 2)
    cache.store(fields("f0"), for: documents[0], bytes: 100)
    #expect(cache.count == 1)
    #expect(cache.collections(for: documents[0])[key]?.keys == ["f0"])
  }

  /// A document that passed the limits without reading a variable is not measured again
  /// under the same limits; other limits, another operation name or `first: $n` are.
  @Test func passedLimitsAreKeptPerLimitsAndNeverAcrossVariables() throws {
    let schema = try GraphQLSchema(
      sdl:
        "type Item { items(first: Int): [Item] name: String } type Query { items(first: Int): [Item] }"
    )
    let literal = Source("query A { items(first: 20) { items(first: 20) { name } } }")
    let literalDocument = try parse(literal)
    let loose = QueryLimits()
    let tight = QueryLimits(maxCost: 100)
    for _ in 0..<2 {
      #expect(loose.check(schema: schema, document: literalDocument, source: literal).isEmpty)
      #expect(
        tight.check(schema: schema, document: literalDocument, source: literal).first?.message
          .hasPrefix("Query cost 421 exceeds the maximum cost of 100") == true)
      #expect(
        loose.check(
          schema: schema, document: literalDocument, source: literal, operationName: "A"
        ).isEmpty)
    }
    #expect(schema.executionPlans.count == 1)
    let variable = Source("query ($n: Int) { items(first: $n) { name } }")
    let variableDocument = try parse(variable)
    for (size, passes) in [(10, true), (501, false), (20, true), (501, false)] {
      let errors = loose.check(
        schema: schema, document: variableDocument, source: variable,
        variables: ["n": .int(size)])
      #expect(errors.isEmpty == passes)
    }
    #expect(schema.executionPlans.count == 1)
  }
}
