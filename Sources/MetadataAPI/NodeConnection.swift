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
struct NodeEdge {
  let cursor: String
  let node: Any
}
