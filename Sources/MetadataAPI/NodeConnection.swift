import GraphQL
import MetadataStore

/// A Relay connection of environment nodes (`ModelAppliedStateNodeConnection`,
/// `EnvironmentAppliedNodeConnection`...): one page, its cursors, the count over all pages.
///
struct NodeConnection {
  let edges: [NodeEdge]
  /// Nil when the request does not select `totalCount` (the count is then not read).
  let totalCount: Int?
  let pageInfo: PageInfoValue
}

/// One edge: the node and the cursor that starts the page after it. The node is an
/// ``EnvironmentNode``, or for semantic models and saved queries in `resources` the value
/// of their own binding (``MetadataAPI/semanticLayerValues(_:scope:context:info:)``).
///
/// The cursor is written when first read: most clients select `pageInfo { endCursor }`
/// and not each edge's cursor (base64 of a small JSON object, a few microseconds each).
final class NodeEdge {
  let node: Any
  private var written: String?
  private let sort: EnvironmentNodeQuery.Sort
  private let position: EnvironmentNodeQuery.Position

  /// The edge of a node at `position` in `sort`.
  init(node: Any, sort: EnvironmentNodeQuery.Sort, position: EnvironmentNodeQuery.Position) {
    self.node = node
    self.sort = sort
    self.position = position
  }

  /// The same edge with another node value (the cursor kept).
  init(_ edge: NodeEdge, node: Any) {
    self.node = node
    self.sort = edge.sort
    self.position = edge.position
    self.written = edge.written
  }

  /// The edge's cursor (``ConnectionCursor``).
  var cursor: String {
    if let written { return written }
    let cursor = ConnectionCursor.encode(sort: sort, position: position)
    written = cursor
    return cursor
  }
}
