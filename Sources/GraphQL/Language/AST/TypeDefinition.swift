/// A named type definition: scalar, object, interface, union, enum or input object.
///
/// See https://spec.graphql.org/September2025/#sec-Types
public enum TypeDefinition: Node {
  /// `scalar Name`
  case scalar(ScalarTypeDefinition)
  /// `type Name implements I { fields }`
  case object(ObjectTypeDefinition)
  /// `interface Name implements I { fields }`
  case interface(InterfaceTypeDefinition)
  /// `union Name = A | B`
  case union(UnionTypeDefinition)
  /// `enum Name { VALUES }`
  case `enum`(EnumTypeDefinition)
  /// `input Name { fields }`
  case inputObject(InputObjectTypeDefinition)

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

  /// The defined type's name.
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

/// A scalar type definition: `scalar Name @directives`.
///
/// See https://spec.graphql.org/September2025/#sec-Scalars
public struct ScalarTypeDefinition: Node {
  /// The type's description.
  public var description: StringValue?
  /// The type's name.
  public var name: Name
  /// Constant directives.
  public var directives: [Directive]
  public var loc: Location

  /// A scalar type definition node.
  public init(
    description: StringValue? = nil, name: Name, directives: [Directive] = [],
    loc: Location = .none
  ) {
    self.description = description
    self.name = name
    self.directives = directives
    self.loc = loc
  }
}

/// An object type definition: `type Name implements A & B @directives { fields }`.
///
/// See https://spec.graphql.org/September2025/#sec-Objects
public struct ObjectTypeDefinition: Node {
  /// The type's description.
  public var description: StringValue?
  /// The type's name.
  public var name: Name
  /// Implemented interfaces.
  public var interfaces: [NamedType]
  /// Constant directives.
  public var directives: [Directive]
  /// The fields (may be empty in the grammar; validation requires some).
  public var fields: [FieldDefinition]
  public var loc: Location

  /// An object type definition node.
  public init(
    description: StringValue? = nil, name: Name, interfaces: [NamedType] = [],
    directives: [Directive] = [], fields: [FieldDefinition] = [], loc: Location = .none
  ) {
    self.description = description
    self.name = name
    self.interfaces = interfaces
    self.directives = directives
    self.fields = fields
    self.loc = loc
  }
}

/// A field definition: `name(arguments): Type @directives`.
///
/// See https://spec.graphql.org/September2025/#FieldDefinition
public struct FieldDefinition: Node {
  /// The field's description.
  public var description: StringValue?
  /// The field's name.
  public var name: Name
  /// Argument definitions.
  public var arguments: [InputValueDefinition]
  /// The field's type.
  public var type: TypeReference
  /// Constant directives.
  public var directives: [Directive]
  public var loc: Location

  /// A field definition node.
  public init(
    description: StringValue? = nil, name: Name, arguments: [InputValueDefinition] = [],
    type: TypeReference, directives: [Directive] = [], loc: Location = .none
  ) {
    self.description = description
    self.name = name
    self.arguments = arguments
    self.type = type
    self.directives = directives
    self.loc = loc
  }
}

/// An argument or input field definition: `name: Type = default @directives`.
///
/// See https://spec.graphql.org/September2025/#InputValueDefinition
public struct InputValueDefinition: Node {
  /// The description.
  public var description: StringValue?
  /// The argument's or field's name.
  public var name: Name
  /// Its type.
  public var type: TypeReference
  /// A constant default value.
  public var defaultValue: Value?
  /// Constant directives.
  public var directives: [Directive]
  public var loc: Location

  /// An input value definition node.
  public init(
    description: StringValue? = nil, name: Name, type: TypeReference,
    defaultValue: Value? = nil, directives: [Directive] = [], loc: Location = .none
  ) {
    self.description = description
    self.name = name
    self.type = type
    self.defaultValue = defaultValue
    self.directives = directives
    self.loc = loc
  }
}

/// An interface type definition: `interface Name implements A @directives { fields }`.
///
/// See https://spec.graphql.org/September2025/#sec-Interfaces
public struct InterfaceTypeDefinition: Node {
  /// The type's description.
  public var description: StringValue?
  /// The type's name.
  public var name: Name
  /// Implemented interfaces.
  public var interfaces: [NamedType]
  /// Constant directives.
  public var directives: [Directive]
  /// The fields.
  public var fields: [FieldDefinition]
  public var loc: Location

  /// An interface type definition node.
  public init(
    description: StringValue? = nil, name: Name, interfaces: [NamedType] = [],
    directives: [Directive] = [], fields: [FieldDefinition] = [], loc: Location = .none
  ) {
    self.description = description
    self.name = name
    self.interfaces = interfaces
    self.directives = directives
    self.fields = fields
    self.loc = loc
  }
}

/// A union type definition: `union Name @directives = A | B`.
///
/// See https://spec.graphql.org/September2025/#sec-Unions
public struct UnionTypeDefinition: Node {
  /// The type's description.
  public var description: StringValue?
  /// The type's name.
  public var name: Name
  /// Constant directives.
  public var directives: [Directive]
  /// The member types.
  public var types: [NamedType]
  public var loc: Location

  /// A union type definition node.
  public init(
    description: StringValue? = nil, name: Name, directives: [Directive] = [],
    types: [NamedType] = [], loc: Location = .none
  ) {
    self.description = description
    self.name = name
    self.directives = directives
    self.types = types
    self.loc = loc
  }
}

/// An enum type definition: `enum Name @directives { VALUE ... }`.
///
/// See https://spec.graphql.org/September2025/#sec-Enums
public struct EnumTypeDefinition: Node {
  /// The type's description.
  public var description: StringValue?
  /// The type's name.
  public var name: Name
  /// Constant directives.
  public var directives: [Directive]
  /// The values.
  public var values: [EnumValueDefinition]
  public var loc: Location

  /// An enum type definition node.
  public init(
    description: StringValue? = nil, name: Name, directives: [Directive] = [],
    values: [EnumValueDefinition] = [], loc: Location = .none
  ) {
    self.description = description
    self.name = name
    self.directives = directives
    self.values = values
    self.loc = loc
  }
}

/// One enum value definition: `VALUE @directives`.
///
/// See https://spec.graphql.org/September2025/#EnumValueDefinition
public struct EnumValueDefinition: Node {
  /// The value's description.
  public var description: StringValue?
  /// The value's name (never `true`, `false` or `null`).
  public var name: Name
  /// Constant directives.
  public var directives: [Directive]
  public var loc: Location

  /// An enum value definition node.
  public init(
    description: StringValue? = nil, name: Name, directives: [Directive] = [],
    loc: Location = .none
  ) {
    self.description = description
    self.name = name
    self.directives = directives
    self.loc = loc
  }
}

/// An input object type definition: `input Name @directives { fields }`.
///
/// See https://spec.graphql.org/September2025/#sec-Input-Objects
public struct InputObjectTypeDefinition: Node {
  /// The type's description.
  public var description: StringValue?
  /// The type's name.
  public var name: Name
  /// Constant directives.
  public var directives: [Directive]
  /// The input fields.
  public var fields: [InputValueDefinition]
  public var loc: Location

  /// An input object type definition node.
  public init(
    description: StringValue? = nil, name: Name, directives: [Directive] = [],
    fields: [InputValueDefinition] = [], loc: Location = .none
  ) {
    self.description = description
    self.name = name
    self.directives = directives
    self.fields = fields
    self.loc = loc
  }
}
