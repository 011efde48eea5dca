/// A field of an object or interface type: its arguments, its type, and how it resolves.
///
/// A field resolves one parent at a time with ``resolve``, or all parents of a list at
/// once with ``batchResolve`` (so that 500 nodes asking for their parents cost one call,
/// not 500). When both are unset the executor's default resolver reads the member of the
/// same name from a `[String: Any]`, a ``JSONValue`` object or a ``GraphQLFieldReadable``.
///
/// See https://spec.graphql.org/September2025/#sec-Objects and
/// https://spec.graphql.org/September2025/#sec-Value-Resolution
public final class GraphQLField: @unchecked Sendable {
  /// The field's name.
  public let name: String
  /// The description from the SDL, if any.
  public internal(set) var description: String?
  /// The field's type.
  public internal(set) var type: GraphQLType
  /// The field's arguments, in definition order.
  public internal(set) var arguments: [GraphQLInputValue]
  /// Why the field is deprecated (`@deprecated(reason:)`), or `nil` when it is not.
  public internal(set) var deprecationReason: String?
  /// Resolves the field for one parent value.
  public var resolve: FieldResolver?
  /// Resolves the field for all parent values of one list at once; takes precedence over
  /// ``resolve``. It must return exactly one value per parent, in the same order.
  public var batchResolve: BatchFieldResolver?

  /// Creates a field.
  public init(
    name: String, type: GraphQLType, arguments: [GraphQLInputValue] = [],
    description: String? = nil, deprecationReason: String? = nil
  ) {
    self.name = name
    self.type = type
    self.arguments = arguments
    self.description = description
    self.deprecationReason = deprecationReason
  }

  /// The argument named `name`, if any.
  public func argument(named name: String) -> GraphQLInputValue? {
    arguments.first { $0.name == name }
  }
}

/// An argument of a field or directive, or a field of an input object type.
///
/// See https://spec.graphql.org/September2025/#sec-Field-Arguments and
/// https://spec.graphql.org/September2025/#sec-Input-Objects
public struct GraphQLInputValue: Sendable {
  /// The name.
  public let name: String
  /// The description from the SDL, if any.
  public var description: String?
  /// The input type.
  public var type: GraphQLType
  /// The default value, already coerced to ``type``; `nil` when there is none
  /// (an explicit `= null` default is `.null`).
  public var defaultValue: JSONValue?
  /// Why the argument or input field is deprecated, or `nil`.
  public var deprecationReason: String?

  /// Creates an input value.
  public init(
    name: String, type: GraphQLType, defaultValue: JSONValue? = nil, description: String? = nil,
    deprecationReason: String? = nil
  ) {
    self.name = name
    self.type = type
    self.defaultValue = defaultValue
    self.description = description
    self.deprecationReason = deprecationReason
  }
}

/// One value of an enum type.
///
/// Internally an enum value is its name: resolvers return the name (a `String` or a
/// `RawRepresentable` with a `String` raw value) and receive the name in arguments.
///
/// See https://spec.graphql.org/September2025/#sec-Enums
public struct GraphQLEnumValue: Sendable {
  /// The value's name.
  public let name: String
  /// The description from the SDL, if any.
  public var description: String?
  /// Why the value is deprecated, or `nil`.
  public var deprecationReason: String?

  /// Creates an enum value.
  public init(name: String, description: String? = nil, deprecationReason: String? = nil) {
    self.name = name
    self.description = description
    self.deprecationReason = deprecationReason
  }
}
