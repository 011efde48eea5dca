/// A position in the response, as a linked list from the field up to the root.
///
/// Besides the key or index, each step keeps its ordinal (a field's position among its
/// siblings), so errors can be put in the order a depth-first executor such as graphql-js
/// would have met them, although this executor completes a list's items field by field.
final class ResponsePath {
  let parent: ResponsePath?
  let key: GraphQLError.PathComponent
  let ordinal: Int

  init(parent: ResponsePath?, key: GraphQLError.PathComponent, ordinal: Int) {
    self.parent = parent
    self.key = key
    self.ordinal = ordinal
  }

  /// The path from the root, as the error result format writes it.
  var components: [GraphQLError.PathComponent] {
    var result: [GraphQLError.PathComponent] = []
    var node: ResponsePath? = self
    while let current = node {
      result.append(current.key)
      node = current.parent
    }
    return result.reversed()
  }

  /// The ordinals from the root: depth-first order compares these lexicographically.
  var ordinals: [Int] {
    var result: [Int] = []
    var node: ResponsePath? = self
    while let current = node {
      result.append(current.ordinal)
      node = current.parent
    }
    return result.reversed()
  }
}

/// The response paths of one vector of values, made only when needed (most values never
/// fail): each vector refers to the vector it came from (the parents of a field, the lists
/// of some items, a subset of a vector), so completing a value allocates no path; a path
/// is built only for an error, by walking up these references.
struct PathSet {
  private indirect enum Storage {
    /// The operation's root value: no path.
    case root
    /// `key` under each parent.
    case field(parents: PathSet, key: GraphQLError.PathComponent, ordinal: Int)
    /// The items of lists flattened into one vector: list `i` (path `lists.path(i)`) has its
    /// first item at `starts[i]`; the starts do not decrease.
    case items(lists: PathSet, starts: [Int])
    /// The values at `indices` of `parent`, in that order.
    case subset(parent: PathSet, indices: [Int])
  }

  private let storage: Storage

  private init(_ storage: Storage) {
    self.storage = storage
  }

  /// The single root value of an operation.
  static var root: PathSet { PathSet(.root) }

  /// `key` under each parent of `parents`.
  init(parents: PathSet, key: GraphQLError.PathComponent, ordinal: Int) {
    storage = .field(parents: parents, key: key, ordinal: ordinal)
  }

  /// The items of lists flattened into one vector: list `i` has the path `lists.path(i)`
  /// and its first item at `starts[i]` (non-decreasing; an empty list starts where the next
  /// one does).
  init(lists: PathSet, starts: [Int]) {
    storage = .items(lists: lists, starts: starts)
  }

  /// The values at `indices` of this vector, in that order.
  func subset(_ indices: [Int]) -> PathSet {
    PathSet(.subset(parent: self, indices: indices))
  }

  /// The path of value `index`.
  func path(_ index: Int) -> ResponsePath? {
    switch storage {
    case .root:
      return nil
    case .field(let parents, let key, let ordinal):
      return ResponsePath(parent: parents.path(index), key: key, ordinal: ordinal)
    case .items(let lists, let starts):
      // The last list starting at or before `index` (empty lists start where the next
      // one does, so the last is the one holding the item).
      var low = 0
      var high = starts.count
      while high - low > 1 {
        let middle = (low + high) / 2
        if starts[middle] <= index { low = middle } else { high = middle }
      }
      let position = index - starts[low]
      return ResponsePath(parent: lists.path(low), key: .index(position), ordinal: position)
    case .subset(let parent, let indices):
      return parent.path(indices[index])
    }
  }
}
