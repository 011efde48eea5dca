/// A type extension: `extend scalar|type|interface|union|enum|input Name ...`.
///
/// See https://spec.graphql.org/September2025/#TypeExtension
public enum TypeExtension: Node {
  /// `extend scalar Name @directives`
  case scalar(ScalarTypeExtension)
  /// `extend type Name implements I @directives { fields }`
  case object(ObjectTypeExtension)
  /// `extend interface Name implements I @directives { fields }`
  case interface(InterfaceTypeExtension)
  /// `extend union Name @directives = A | B`
  case union(UnionTypeExtension)
  /// `extend enum Name @directives { VALUES }`
  case `enum`(EnumTypeExtension)
  /// `extend input Name @directives { fields }`
  case inputObject(InputObjectTypeExtension)

  public var loc: Location {
    switch self {
    case .scalar(let node): node.loc
    case .object(let node): node.loc
    case .interface(let node): node.loc
    case .union(let node): node.loc
    case .enum(let node): node.loc
    case .inputObject(let node): node.loc
    }
  }

  /// The extended type's name.
  public var name: Name {
    switch self {
    case .scalar(let node): node.name
    case .object(let node): node.name
    case .interface(let node): node.name
    case .union(let node): node.name
    case .enum(let node): node.name
    case .inputObject(let node): node.name
    }
  }
}

/// `extend scalar Name @directives`.
///
/// See https://spec.graphql.org/September2025/#sec-Scalar-Extensions
public struct ScalarTypeExtension: Node {
  /// The extended type's name.
  public var name: Name
  /// Added constant directives (at least one).
  public var directives: [Directive]
  public var loc: Location

  /// A scalar type extension node.
  public init(name: Name, directives: [Directive] = [], loc: Location = .none) {
    self.name = name
    self.directives = directives
    self.loc = loc
  }
}

/// `extend type Name implements A @directives { fields }`.
///
/// See https://spec.graphql.org/September2025/#sec-Object-Extensions
public struct ObjectTypeExtension: Node {
  /// The extended type's name.
  public var name: Name
  /// Added interfaces.
  public var interfaces: [NamedType]
  /// Added constant directives.
  public var directives: [Directive]
  /// Added fields.
  public var fields: [FieldDefinition]
  public var loc: Location

  /// An object type extension node.
  public init(
    name: Name, interfaces: [NamedType] = [], directives: [Directive] = [],
    fields: [FieldDefinition] = [], loc: Location = .none
  ) {
    self.name = name
    self.interfaces = interfaces
    self.directives = directives
    self.fields = fields
    self.loc = loc
  }
}

/// `extend interface Name implements A @directives { fields }`.
///
/// See https://spec.graphql.org/September2025/#sec-Interface-Extensions
public struct InterfaceTypeExtension: Node {
  /// The extended type's name.
  public var name: Name
  /// Added interfaces.
  public var interfaces: [NamedType]
  /// Added constant directives.
  public var directives: [Directive]
  /// Added fields.
  public var fields: [FieldDefinition]
  public var loc: Location

  /// An interface type extension node.
  public init(
    name: Name, interfaces: [NamedType] = [], directives: [Directive] = [],
    fields: [FieldDefinition] = [], loc: Location = .none
  ) {
    self.name = name
    self.interfaces = interfaces
    self.directives = directives
    self.fields = fields
    self.loc = loc
  }
}

/// `extend union Name @directives = A | B`.
///
/// See https://spec.graphql.org/September2025/#sec-Union-Extensions
public struct UnionTypeExtension: Node {
  /// The extended type's name.
  public var name: Name
  /// Added constant directives.
  public var directives: [Directive]
  /// Added member types.
  public var types: [NamedType]
  public var loc: Location

  /// A union type extension node.
  public init(
    name: Name, directives: [Directive] = [], types: [NamedType] = [], loc: Location = .none
  ) {
    self.name = name
    self.directives = directives
    self.types = types
    self.loc = loc
  }
}

/// `extend enum Name @directives { VALUES }`.
///
/// See https://spec.graphql.org/September2025/#sec-Enum-Extensions
public struct EnumTypeExtension: Node {
  /// The extended type's name.
  public var name: Name
  /// Added constant directives.
  public var directives: [Directive]
  /// Added values.
  public var values: [EnumValueDefinition]
  public var loc: Location

  /// An enum type extension node.
  public init(
    name: Name, directives: [Directive] = [], values: [EnumValueDefinition] = [],
    loc: Location = .none
  ) {
    self.name = name
    self.directives = directives
    self.values = values
    self.loc = loc
  }
}

/// `extend input Name @directives { fields }`.
///
/// See https://spec.graphql.org/September2025/#sec-Input-Object-Extensions
public struct InputObjectTypeExtension: Node {
  /// The extended type's name.
  public var name: Name
  /// Added constant directives.
  public var directives: [Directive]
  /// Added input fields.
  public var fields: [InputValueDefinition]
  public var loc: Location

  /// An input object type extension node.
  public init(
    name: Name, directives: [Directive] = [], fields: [InputValueDefinition] = [],
    loc: Location = .none
  ) {
    self.name = name
    self.directives = directives
    self.fields = fields
    self.loc = loc
  }
}
