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
/// fail): given one by one, as a field key under each parent, or as the items of lists.
struct PathSet {
  private enum Storage {
    case explicit([ResponsePath?])
    case field(parents: [ResponsePath?], key: GraphQLError.PathComponent, ordinal: Int)
    case items(lists: [ResponsePath?], owners: [Int32], starts: [Int])
  }

  private let storage: Storage

  /// Explicit paths.
  init(_ paths: [ResponsePath?]) {
    storage = .explicit(paths)
  }

  /// `key` under each parent.
  init(parents: [ResponsePath?], key: GraphQLError.PathComponent, ordinal: Int) {
    storage = .field(parents: parents, key: key, ordinal: ordinal)
  }

  /// The items of lists flattened into one vector: item `i` belongs to list `owners[i]`,
  /// whose first item is at `starts[owners[i]]`.
  init(lists: [ResponsePath?], owners: [Int32], starts: [Int]) {
    storage = .items(lists: lists, owners: owners, starts: starts)
  }

  /// The path of value `index`.
  func path(_ index: Int) -> ResponsePath? {
    switch storage {
    case .explicit(let paths):
      return paths[index]
    case .field(let parents, let key, let ordinal):
      return ResponsePath(parent: parents[index], key: key, ordinal: ordinal)
    case .items(let lists, let owners, let starts):
      let owner = Int(owners[index])
      let position = index - starts[owner]
      return ResponsePath(parent: lists[owner], key: .index(position), ordinal: position)
    }
  }
}
