import GraphQL

/// One page of a Relay connection of Part 4's standalone lists (`groups`, `semanticModels`,
/// `savedQueries`, `recentResourceChanges`): the parent value of their `…Connection` types.
///
/// `first` is at most 500 (dbt Cloud's limit; absent means a page of 500), `after` is the
/// `endCursor` of the previous page, `totalCount` counts every page. Cursors are opaque
/// (``ConnectionCursor``, in the order of the items' keys), and resume after the key, so a page stays
/// correct when items before it were added or removed.
/// See https://relay.dev/graphql/connections.htm
struct ResourcePage: Sendable {
  /// One edge: the item's cursor and the item.
  struct Edge: @unchecked Sendable {
    let cursor: String
    let node: Any
  }

  let edges: [Edge]
  let pageInfo: PageInfoValue
  let totalCount: Int

  /// The page of `items` (already in the connection's order) that `arguments` ask for.
  ///
  /// - Parameters:
  ///   - key: the item's cursor key, unique in the list.
  ///   - follows: whether an item comes after the item whose key is given, in the order.
  /// - Throws: ``GraphQL/GraphQLError`` for a negative or too large `first`, or a cursor
  ///   this service did not write.
  init<Item>(
    _ items: [Item], arguments: JSONObject, key: (Item) -> String,
    follows: (Item, String) -> Bool
  ) throws {
    let first = try PageRequest.first(arguments)
    var start = 0
    if let after = arguments["after"]?.stringValue {
      let key = try ConnectionCursor.decode(after, order: ConnectionCursor.keyOrder).key
      start = items.firstIndex { follows($0, key) } ?? items.count
    }
    let end = min(items.count, start + first)
    edges = items[start..<end].map {
      Edge(
        cursor: ConnectionCursor.encode(order: ConnectionCursor.keyOrder, key: key($0)), node: $0)
    }
    pageInfo = PageInfoValue(
      startCursor: edges.first?.cursor, endCursor: edges.last?.cursor,
      hasNextPage: end < items.count, hasPreviousPage: start > 0)
    totalCount = items.count
  }
}
