/// One page of an environment's nodes (a Relay connection's rows), with the size of the
/// whole filtered set.
public struct EnvironmentNodePage: Sendable, Equatable {
  /// The nodes of the page, in sort order.
  public var nodes: [EnvironmentNodeRecord]
  /// The number of nodes matching the filter over all pages; nil when the query did not
  /// ask for it (``EnvironmentNodeQuery/countsTotal``).
  public var totalCount: Int?
  /// Whether nodes follow the page.
  public var hasNextPage: Bool

  public init(nodes: [EnvironmentNodeRecord], totalCount: Int?, hasNextPage: Bool) {
    self.nodes = nodes
    self.totalCount = totalCount
    self.hasNextPage = hasNextPage
  }
}
