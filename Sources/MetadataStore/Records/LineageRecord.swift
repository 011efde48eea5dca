/// A node on the other end of a lineage edge.
public struct LineageRecord: Sendable, Equatable, Hashable {
  public var uniqueID: String
  public var resourceType: String
}
