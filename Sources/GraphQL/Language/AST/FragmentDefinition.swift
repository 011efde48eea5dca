/// A fragment definition: `fragment Name on Type @directives { selections }`.
///
/// See https://spec.graphql.org/September2025/#FragmentDefinition
public struct FragmentDefinition: Node {
  /// A description (September 2025 edition: descriptions on executable definitions).
  public var description: StringValue?
  /// The fragment's name (never `on`).
  public var name: Name
  /// The type the fragment applies to.
  public var typeCondition: NamedType
  /// Directives on the fragment.
  public var directives: [Directive]
  /// The fragment's selections.
  public var selectionSet: SelectionSet
  public var loc: Location

  /// A fragment definition node.
  public init(
    description: StringValue? = nil, name: Name, typeCondition: NamedType,
    directives: [Directive] = [], selectionSet: SelectionSet, loc: Location = .none
  ) {
    self.description = description
    self.name = name
    self.typeCondition = typeCondition
    self.directives = directives
    self.selectionSet = selectionSet
    self.loc = loc
  }
}
