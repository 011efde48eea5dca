/// A selection set: `{ field, ...Fragment, ... on Type { ... } }`.
///
/// See https://spec.graphql.org/September2025/#sec-Selection-Sets
public struct SelectionSet: Node {
  /// The selections, never empty in a parsed document.
  public var selections: [Selection]
  public var loc: Location

  /// A selection set node.
  public init(selections: [Selection], loc: Location = .none) {
    self.selections = selections
    self.loc = loc
  }
}

/// One selection: a field, a fragment spread or an inline fragment.
///
/// See https://spec.graphql.org/September2025/#Selection
public enum Selection: Node {
  /// `alias: name(args) @dir { ... }`
  case field(Field)
  /// `...Name @dir`
  case fragmentSpread(FragmentSpread)
  /// `... on Type @dir { ... }`
  case inlineFragment(InlineFragment)

  public var loc: Location {
    switch self {
    case .field(let node): node.loc
    case .fragmentSpread(let node): node.loc
    case .inlineFragment(let node): node.loc
    }
  }
}

/// A field selection: `alias: name(arguments) @directives { selections }`.
///
/// See https://spec.graphql.org/September2025/#sec-Language.Fields
public struct Field: Node {
  /// The response key, if different from the name.
  public var alias: Name?
  /// The field's name.
  public var name: Name
  /// `(name: value, ...)`.
  public var arguments: [Argument]
  /// Directives on the field.
  public var directives: [Directive]
  /// Sub-selections, for fields of composite type.
  public var selectionSet: SelectionSet?
  public var loc: Location

  /// A field node.
  public init(
    alias: Name? = nil, name: Name, arguments: [Argument] = [], directives: [Directive] = [],
    selectionSet: SelectionSet? = nil, loc: Location = .none
  ) {
    self.alias = alias
    self.name = name
    self.arguments = arguments
    self.directives = directives
    self.selectionSet = selectionSet
    self.loc = loc
  }
}

/// An argument: `name: value`.
///
/// See https://spec.graphql.org/September2025/#sec-Language.Arguments
public struct Argument: Node {
  /// The argument's name.
  public var name: Name
  /// Its value (constant where the grammar requires it).
  public var value: Value
  public var loc: Location

  /// An argument node.
  public init(name: Name, value: Value, loc: Location = .none) {
    self.name = name
    self.value = value
    self.loc = loc
  }
}

/// A fragment spread: `...Name @directives`.
///
/// See https://spec.graphql.org/September2025/#FragmentSpread
public struct FragmentSpread: Node {
  /// The fragment's name.
  public var name: Name
  /// Directives on the spread.
  public var directives: [Directive]
  public var loc: Location

  /// A fragment spread node.
  public init(name: Name, directives: [Directive] = [], loc: Location = .none) {
    self.name = name
    self.directives = directives
    self.loc = loc
  }
}

/// An inline fragment: `... on Type @directives { selections }` (type condition optional).
///
/// See https://spec.graphql.org/September2025/#sec-Inline-Fragments
public struct InlineFragment: Node {
  /// `on Type`, if given.
  public var typeCondition: NamedType?
  /// Directives on the fragment.
  public var directives: [Directive]
  /// The fragment's selections.
  public var selectionSet: SelectionSet
  public var loc: Location

  /// An inline fragment node.
  public init(
    typeCondition: NamedType? = nil, directives: [Directive] = [], selectionSet: SelectionSet,
    loc: Location = .none
  ) {
    self.typeCondition = typeCondition
    self.directives = directives
    self.selectionSet = selectionSet
    self.loc = loc
  }
}
