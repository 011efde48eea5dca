/// An environment's whole current state in one read: every node of its current manifest
/// with its applied-state pointers and the values the Discovery API's filters and sorts
/// read from other rows, and every parent edge of those nodes. What the API's applied-state
/// cache builds from (``MetadataStore/environmentState(accountID:environmentID:)``), so
/// that pages, filters, sorts and relatives of a kept state need no statement.
public struct EnvironmentStateRecord: Sendable, Equatable {
  /// One node of the current manifest.
  public struct Node: Sendable, Equatable {
    /// The node as a page reads it (every column but the manifest JSON; ``EnvironmentNodeRecord/sortValue``
    /// is `.null`).
    public var record: EnvironmentNodeRecord
    /// An exposure's manifest `type` (`dashboard`, `notebook`...); nil for other resources.
    public var exposureType: String?
    /// The latest execution's `status` and `execute_completed_at` (the `lastRunStatus`
    /// filter and the `executeCompletedAt` sort), if any.
    public var lastRunStatus: String?
    public var executeCompletedAt: String?
    /// The latest freshness result's `status` (sources), if any.
    public var freshnessStatus: String?
    /// The latest catalog entry's `row_count` (the `rowCount` sort), if any.
    public var rowCount: Int?
  }

  /// A parent edge of a node's definition (`parent_map`).
  public struct Edge: Sendable, Equatable {
    /// The definition's row id (``EnvironmentNodeRecord/definitionID``).
    public var definitionID: Int64
    /// The parent's node id; a parent outside the current manifest is included (readers
    /// keep only parents that are nodes of it, as the relatives statements do).
    public var parentNodeID: Int64
  }

  /// The nodes, in no particular order.
  public var nodes: [Node]
  /// Every parent edge of the nodes' definitions.
  public var edges: [Edge]
}
