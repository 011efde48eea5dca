/// A directive: `@name(arguments)`.
///
/// See https://spec.graphql.org/September2025/#sec-Language.Directives
public struct Directive: Node {
  /// The directive's name without `@`.
  public var name: Name
  /// `(name: value, ...)`.
  public var arguments: [Argument]
  public var loc: Location

  /// A directive node.
  public init(name: Name, arguments: [Argument] = [], loc: Location = .none) {
    self.name = name
    self.arguments = arguments
    self.loc = loc
  }
}
