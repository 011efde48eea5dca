/// `depends_on`: what a node reads from.
public struct NodeDependencies: Sendable, Hashable {
  /// Upstream unique_ids (models, seeds, snapshots, sources, metrics...).
  public let nodes: [String]
  /// Macro unique_ids.
  public let macros: [String]
  /// Function unique_ids (1.11+ UDFs).
  public let functions: [String]

  public static let empty = NodeDependencies(nodes: [], macros: [], functions: [])
}
