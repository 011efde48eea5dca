/// What every AST node has: the place in the source it was parsed from.
///
/// AST nodes are value types (structs, and enums for the sum types), named as in graphql-js's
/// `ast.ts`, so a reviewer can compare them with the reference implementation.
///
/// See https://spec.graphql.org/September2025/#sec-Language
public protocol Node: Sendable, Hashable {
  /// The byte range of the node's first through last token.
  var loc: Location { get }
}

/// A Name: `[_A-Za-z][_0-9A-Za-z]*`.
///
/// See https://spec.graphql.org/September2025/#Name
public struct Name: Node {
  /// The name's text.
  public var value: String
  public var loc: Location

  /// A name node.
  public init(value: String, loc: Location = .none) {
    self.value = value
    self.loc = loc
  }
}
