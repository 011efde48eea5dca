import GraphQL
import MetadataStore

/// A Relay connection of environment nodes (`ModelAppliedStateNodeConnection`,
/// `EnvironmentAppliedNodeConnection`...): one page, its cursors, the count over all pages.
///
/// `pageInfo` is a plain JSON object (`PageInfo` is shared by every connection of the
/// API, and the default resolver reads its members).
struct NodeConnection {
  let edges: [NodeEdge]
  /// Nil when the request does not select `totalCount` (the count is then not read).
  let totalCount: Int?
  let pageInfo: JSONObject
}

/// One edge: the node and the cursor that starts the page after it. The node is an
/// ``EnvironmentNode``, or for semantic models and saved queries in `resources` the value
/// of their own binding (``MetadataAPI/semanticLayerValues(_:scope:context:info:)``).
struct NodeEdge {
  let cursor: String
  let node: Any
}

/// The `first` / `after` arguments of a connection, checked.
struct PageRequest {
  /// At most this many nodes per page (the Discovery API's documented maximum).
  static let maximum = 500
  /// `first` when omitted: the maximum, so a client that leaves it out gets the largest
  /// page dbt Cloud allows rather than a surprise.
  static let defaultSize = 500

  let first: Int
  let after: EnvironmentNodeQuery.Position?

  init(arguments: JSONObject, sort: EnvironmentNodeQuery.Sort) throws {
    self.first = try CountArgument.value(
      arguments, "first", in: 0...Self.maximum, default: Self.defaultSize,
      limit: "the Discovery API's page size limit")
    if let cursor = arguments["after"]?.stringValue {
      after = try NodeCursor.decode(cursor, sort: sort)
    } else {
      after = nil
    }
  }
}
