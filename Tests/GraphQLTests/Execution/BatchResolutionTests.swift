import Synchronization
import Testing

@testable import GraphQL

/// Batch resolution: a list of parents asking for one field costs one resolver call per
/// list, at every depth, instead of one per parent.
@Suite struct BatchResolutionTests {
  struct Node: Sendable {
    let id: Int
    let parentIDs: [Int]
  }

  final class Calls: Sendable {
    let batches = Mutex<[Int]>([])
  }

  static func schema(nodes: [Node], calls: Calls) throws -> GraphQLSchema {
    let schema = try GraphQLSchema(
      sdl: "type Node { id: Int! parents: [Node!]! } type Query { nodes: [Node!]! }")
    try schema.setResolver("Query", "nodes") { _, _, _, _ in nodes }
    try schema.setResolver("Node", "id", as: Node.self) { node, _, _, _ in node.id }
    try schema.setBatchResolver("Node", "parents", as: Node.self) { parents, _, _, _ in
      calls.batches.withLock { $0.append(parents.count) }
      return parents.map { node in node.parentIDs.map { nodes[$0] } }
    }
    return schema
  }

  @Test func fiveHundredNodesAskingForParentsCostOneCallPerLevel() throws {
    let nodes = (0..<500).map { Node(id: $0, parentIDs: $0 == 0 ? [] : [$0 - 1, 0]) }
    let calls = Calls()
    let result = graphql(
      schema: try Self.schema(nodes: nodes, calls: calls),
      request: "{ nodes { id parents { id parents { id } } } }")
    #expect(result.errors.isEmpty)
    // Level 1: the 500 nodes; level 2: all their parents (998) in one call.
    #expect(calls.batches.withLock { $0 } == [500, 998])
    let second = result.data?["nodes"]?.listValue?[1]
    #expect(
      second == ["id": 1, "parents": [["id": 0, "parents": []], ["id": 0, "parents": []]]])
  }

  @Test func batchResolverReturningTheWrongCountIsAFieldError() throws {
    let schema = try GraphQLSchema(sdl: "type Item { x: Int } type Query { items: [Item] }")
    try schema.setResolver("Query", "items") { _, _, _, _ in [1, 2, 3] }
    try schema.setBatchResolver("Item", "x") { _, _, _, _ in [1] }
    let result = graphql(schema: schema, request: "{ items { x } }")
    #expect(result.errors.count == 3)
    #expect(
      result.errors.first?.message == "Batch resolver for Item.x returned 1 values for 3 parents.")
    #expect(result.data == ["items": [["x": nil], ["x": nil], ["x": nil]]])
  }

  @Test func batchResolverMayFailOneParent() throws {
    struct Missing: Error {}
    let schema = try GraphQLSchema(sdl: "type Item { x: Int! } type Query { items: [Item] }")
    try schema.setResolver("Query", "items") { _, _, _, _ in [1, 2, 3] }
    try schema.setBatchResolver("Item", "x") { sources, _, _, _ in
      sources.map { ($0 as? Int) == 2 ? Missing() : $0 }
    }
    let result = graphql(schema: schema, request: "{ items { x } }")
    #expect(result.errors.map(\.path) == [[.key("items"), .index(1), .key("x")]])
    #expect(result.data == ["items": [["x": 1], nil, ["x": 3]]])
  }

  @Test func typedResolverRejectsAnotherParentType() throws {
    let schema = try GraphQLSchema(sdl: "type Item { x: Int } type Query { item: Item }")
    try schema.setResolver("Query", "item") { _, _, _, _ in "not a node" }
    try schema.setResolver("Item", "x", as: Node.self) { node, _, _, _ in node.id }
    let result = graphql(schema: schema, request: "{ item { x } }")
    #expect(
      result.errors.first?.message == "Resolver for Item.x expected a Node parent, got String.")
  }

  @Test func bindingAnUnknownFieldIsAnError() throws {
    let schema = try GraphQLSchema(sdl: "type Query { a: Int }")
    #expect(throws: GraphQLError.self) {
      try schema.setResolver("Query", "b") { _, _, _, _ in nil }
    }
    #expect(throws: GraphQLError.self) { try schema.setResolver("Nope", "a") { _, _, _, _ in nil } }
    #expect(throws: GraphQLError.self) { try schema.setTypeResolver("Query") { _, _, _ in nil } }
  }

  /// Typed batch resolvers of one object type share one cast of their sources
  /// (``BatchParents``); the next field over a subset of them (after an object failed), or
  /// another list of as many objects (the children), gets its own parents, never the kept
  /// ones.
  @Test func typedBatchResolversGetTheirOwnSourcesParents() throws {
    struct Missing: Error {}
    let schema = try GraphQLSchema(
      sdl: """
        type Item { id: Int! double: Int! label: String children: [Item!] }
        type Query { items: [Item] }
        """)
    try schema.setResolver("Query", "items") { _, _, _, _ in
      [1, 2, 3, 4].map { Node(id: $0, parentIDs: []) }
    }
    try schema.setBatchResolver("Item", "id", as: Node.self) { nodes, _, _, _ in
      nodes.map { node -> Any? in node.id == 2 ? Missing() : node.id }
    }
    try schema.setBatchResolver("Item", "double", as: Node.self) { nodes, _, _, _ in
      nodes.map { $0.id * 2 }
    }
    try schema.setBatchResolver("Item", "label", as: Node.self) { nodes, _, _, _ in
      nodes.map { "item \($0.id)" }
    }
    try schema.setBatchResolver("Item", "children", as: Node.self) { nodes, _, _, _ in
      nodes.map { node in
        [Node(id: node.id * 10, parentIDs: [])]
      }
    }
    let result = graphql(
      schema: schema, request: "{ items { id double label children { id label } } }")
    #expect(result.errors.count == 1)
    let items = result.data?["items"]?.listValue ?? []
    #expect(items.count == 4)
    #expect(items[1] == .null)
    #expect(
      items[2]
        == [
          "id": 3, "double": 6, "label": "item 3",
          "children": [["id": 30, "label": "item 30"]],
        ])
    #expect(
      items[3]
        == [
          "id": 4, "double": 8, "label": "item 4",
          "children": [["id": 40, "label": "item 40"]],
        ])
  }
}
