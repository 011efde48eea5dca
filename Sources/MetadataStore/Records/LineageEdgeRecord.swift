/// One edge of a manifest's DAG: `child` depends on `parent` (`parent_map`).
public struct LineageEdgeRecord: Sendable, Equatable, Hashable {
  public var child: LineageRecord
  public var parent: LineageRecord
}
