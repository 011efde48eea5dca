/// An environment's whole DAG as its current manifest has it: every node with the fields
/// lineage answers and selectors match on, its parents, and its applied run and freshness
/// status, read in one call so that a lineage request needs no query per node.
public struct LineageGraphRecord: Sendable, Equatable {
  /// The project of the environment (`LineageNode.projectId`).
  public var projectID: Int
  /// The nodes of the environment's latest manifest, ordered by unique id.
  public var nodes: [LineageGraphNodeRecord]
}
