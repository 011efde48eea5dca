/// A named type of a schema: scalar, object, interface, union, enum or input object.
///
/// One class serves all six kinds (the kind decides which members are meaningful), which
/// keeps the executor's and validator's hot paths free of downcasts. Types are created
/// while a schema is built and are not changed afterwards, except for the resolver hooks
/// (``resolveType``, ``isTypeOf``, scalar coercion and field resolvers) that the service
/// binds once before it starts answering; hence `@unchecked Sendable`.
///
/// See https://spec.graphql.org/September2025/#sec-Types
public final class GraphQLNamedType: @unchecked Sendable {
  /// The type's name, unique in its schema.
  public let name: String
  /// Which of the six kinds this type is.
  public let kind: TypeKind
  /// The description from the SDL, if any.
  public internal(set) var description: String?

  // MARK: - Objects and interfaces

  /// Fields of an object or interface type, in definition order.
  public internal(set) var fields = OrderedDictionary<String, GraphQLField>()
  /// Interfaces an object or interface type implements, in definition order.
  public internal(set) var interfaces: [GraphQLNamedType] = []

  // MARK: - Unions

  /// Member types of a union, in definition order.
  public internal(set) var unionMembers: [GraphQLNamedType] = []

  // MARK: - Enums

  /// Values of an enum type, in definition order.
  public internal(set) var enumValues: [GraphQLEnumValue] = [] {
    didSet {
      enumValueIndex = [:]
      for (index, value) in enumValues.enumerated() { enumValueIndex[value.name] = index }
    }
  }
  private var enumValueIndex: [String: Int] = [:]

  /// The enum value named `name`, if any.
  public func enumValue(named name: String) -> GraphQLEnumValue? {
    guard let index = enumValueIndex[name] else { return nil }
    return enumValues[index]
  }

  // MARK: - Input objects

  /// Fields of an input object type, in definition order.
  public internal(set) var inputFields = OrderedDictionary<String, GraphQLInputValue>()
  /// Whether the input object is a OneOf input object (`@oneOf`): exactly one field must
  /// be given, and it must not be null.
  /// See https://spec.graphql.org/September2025/#sec-OneOf-Input-Objects
  public internal(set) var isOneOf = false

  // MARK: - Scalars

  /// The URL of the scalar's specification (`@specifiedBy(url:)`).
  public internal(set) var specifiedByURL: String?
  /// How the scalar's values are serialized and parsed; built-in scalars come with theirs,
  /// custom scalars default to passing JSON through.
  public var coercion: ScalarCoercion = .passthrough

  // MARK: - Runtime hooks

  /// For interfaces and unions: names the object type of a resolved value.
  /// Without it the executor asks each possible type's ``isTypeOf``, then looks for a
  /// `__typename` member or a ``GraphQLTypeNamed`` conformance.
  public var resolveType: TypeResolver?
  /// For object types: whether a resolved value belongs to this type.
  public var isTypeOf: IsTypeOf?

  /// Creates an empty type of `kind`; schema building fills in the members.
  public init(name: String, kind: TypeKind, description: String? = nil) {
    self.name = name
    self.kind = kind
    self.description = description
  }

  /// The field named `name` (object and interface types).
  public func field(named name: String) -> GraphQLField? { fields[name] }
}
