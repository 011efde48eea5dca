/// A directive definition: `directive @name(arguments) repeatable on LOCATION | ...`.
///
/// See https://spec.graphql.org/September2025/#sec-Type-System.Directives
public struct DirectiveDefinition: Node {
  /// The directive's description.
  public var description: StringValue?
  /// The directive's name without `@`.
  public var name: Name
  /// Argument definitions.
  public var arguments: [InputValueDefinition]
  /// Whether the directive may appear more than once at a location.
  public var repeatable: Bool
  /// Where it may appear (`FIELD`, `OBJECT`, ...), as written; the parser accepts only the
  /// spec's DirectiveLocation names.
  public var locations: [Name]
  public var loc: Location

  /// A directive definition node.
  public init(
    description: StringValue? = nil, name: Name, arguments: [InputValueDefinition] = [],
    repeatable: Bool = false, locations: [Name], loc: Location = .none
  ) {
    self.description = description
    self.name = name
    self.arguments = arguments
    self.repeatable = repeatable
    self.locations = locations
    self.loc = loc
  }
}
