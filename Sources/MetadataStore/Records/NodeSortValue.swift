/// A sort key value of a node, as a cursor carries it.
public enum NodeSortValue: Sendable, Equatable, Hashable {
  case null
  case text(String)
  case integer(Int)
}
