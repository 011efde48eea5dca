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

/// The response paths of one vector of values: either given one by one, or a field key
/// under each parent (made only when needed, since most fields never fail).
struct PathSet {
  let parents: [ResponsePath?]
  let key: GraphQLError.PathComponent?
  let ordinal: Int

  /// Explicit paths.
  init(_ paths: [ResponsePath?]) {
    parents = paths
    key = nil
    ordinal = 0
  }

  /// `key` under each parent.
  init(parents: [ResponsePath?], key: GraphQLError.PathComponent, ordinal: Int) {
    self.parents = parents
    self.key = key
    self.ordinal = ordinal
  }

  /// The path of value `index`.
  func path(_ index: Int) -> ResponsePath? {
    guard let key else { return parents[index] }
    return ResponsePath(parent: parents[index], key: key, ordinal: ordinal)
  }
}
