import Foundation
import GraphQL

/// One page of a Relay connection of Part 4's standalone lists (`groups`, `semanticModels`,
/// `savedQueries`, `recentResourceChanges`): the parent value of their `…Connection` types.
///
/// `first` is at most 500 (dbt Cloud's limit; absent means a page of 500), `after` is the
/// `endCursor` of the previous page, `totalCount` counts every page. Cursors are opaque
/// (base64 of a versioned key of the item), and resume after the key, so a page stays
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

  /// The largest `first`.
  static let maxFirst = 500

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
    let first = try CountArgument.value(
      arguments, "first", in: 0...Self.maxFirst, default: Self.maxFirst,
      limit: "the Discovery API's page size limit")
    var start = 0
    if let after = arguments["after"]?.stringValue {
      let key = try Self.key(ofCursor: after)
      start = items.firstIndex { follows($0, key) } ?? items.count
    }
    let end = min(items.count, start + first)
    edges = items[start..<end].map { Edge(cursor: Self.cursor(key($0)), node: $0) }
    pageInfo = PageInfoValue(
      startCursor: edges.first?.cursor, endCursor: edges.last?.cursor,
      hasNextPage: end < items.count, hasPreviousPage: start > 0)
    totalCount = items.count
  }

  static func cursor(_ key: String) -> String {
    Data(("r1:" + key).utf8).base64EncodedString()
  }

  static func key(ofCursor cursor: String) throws -> String {
    guard let data = Data(base64Encoded: cursor),
      let text = String(data: data, encoding: .utf8), text.hasPrefix("r1:")
    else {
      throw GraphQLError(
        message: "Invalid cursor \"\(cursor)\": pass the endCursor of a previous page.")
    }
    return String(text.dropFirst(3))
  }
}

/// The value of `PageInfo` for Part 4's standalone connections; read by the default
/// resolver (`PageInfo` is shared by every connection of the schema).
struct PageInfoValue: Sendable, GraphQLFieldReadable {
  let startCursor: String?
  let endCursor: String?
  let hasNextPage: Bool
  let hasPreviousPage: Bool

  func graphQLField(_ name: String) -> Any? {
    switch name {
    case "startCursor": return startCursor
    case "endCursor": return endCursor
    case "hasNextPage": return hasNextPage
    case "hasPreviousPage": return hasPreviousPage
    default: return nil
    }
  }
}
