/// A type reference: `Name`, `[Type]` or `Type!`.
///
/// An indirect enum, because list and non-null types nest.
///
/// See https://spec.graphql.org/September2025/#sec-Type-References
public indirect enum TypeReference: Node {
  /// `Name`
  case named(NamedType)
  /// `[Type]`
  case list(ListType)
  /// `Type!` (the wrapped type is never itself non-null).
  case nonNull(NonNullType)

  public var loc: Location {
    switch self {
    case .named(let node): node.loc
    case .list(let node): node.loc
    case .nonNull(let node): node.loc
    }
  }

  /// The named type at the core of any list and non-null wrappers.
  public var namedType: NamedType {
    switch self {
    case .named(let node): node
    case .list(let node): node.type.namedType
    case .nonNull(let node): node.type.namedType
    }
  }
}

/// A NamedType: a reference to a type by name.
///
/// See https://spec.graphql.org/September2025/#NamedType
public struct NamedType: Node {
  /// The type's name.
  public var name: Name
  public var loc: Location

  /// A named type node.
  public init(name: Name, loc: Location = .none) {
    self.name = name
    self.loc = loc
  }
}

/// A ListType: `[Type]`.
///
/// See https://spec.graphql.org/September2025/#ListType
public struct ListType: Node {
  /// The item type.
  public var type: TypeReference
  public var loc: Location

  /// A list type node.
  public init(type: TypeReference, loc: Location = .none) {
    self.type = type
    self.loc = loc
  }
}

/// A NonNullType: `Type!`.
///
/// See https://spec.graphql.org/September2025/#NonNullType
public struct NonNullType: Node {
  /// The wrapped type: a named or list type.
  public var type: TypeReference
  public var loc: Location

  /// A non-null type node.
  public init(type: TypeReference, loc: Location = .none) {
    self.type = type
    self.loc = loc
  }
}
