/// The introspection system: the `__Schema`, `__Type`, `__Field`, `__InputValue`,
/// `__EnumValue`, `__Directive`, `__TypeKind` and `__DirectiveLocation` types with their
/// resolvers, and the `__schema`, `__type` and `__typename` meta-fields.
///
/// Descriptions follow graphql-js/graphql-core word for word, so that an introspection
/// result compares equal to theirs.
///
/// See https://spec.graphql.org/September2025/#sec-Schema-Introspection
public enum Introspection {
  /// `__Schema`.
  public static let schemaType = GraphQLNamedType(
    name: "__Schema", kind: .object,
    description:
      "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations."
  )
  /// `__Type`.
  public static let typeType = GraphQLNamedType(
    name: "__Type", kind: .object,
    description:
      "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types."
  )
  /// `__TypeKind`.
  public static let typeKindType = GraphQLNamedType(
    name: "__TypeKind", kind: .enum,
    description: "An enum describing what kind of type a given `__Type` is.")
  /// `__Field`.
  public static let fieldType = GraphQLNamedType(
    name: "__Field", kind: .object,
    description:
      "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type."
  )
  /// `__InputValue`.
  public static let inputValueType = GraphQLNamedType(
    name: "__InputValue", kind: .object,
    description:
      "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value."
  )
  /// `__EnumValue`.
  public static let enumValueType = GraphQLNamedType(
    name: "__EnumValue", kind: .object,
    description:
      "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string."
  )
  /// `__Directive`.
  public static let directiveType = GraphQLNamedType(
    name: "__Directive", kind: .object,
    description:
      "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor."
  )
  /// `__DirectiveLocation`.
  public static let directiveLocationType = GraphQLNamedType(
    name: "__DirectiveLocation", kind: .enum,
    description:
      "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies."
  )

  /// Whether `name` is one of the introspection types.
  public static func isIntrospectionType(_ type: GraphQLNamedType) -> Bool {
    [
      schemaType, typeType, typeKindType, fieldType, inputValueType, enumValueType,
      directiveType, directiveLocationType,
    ].contains { $0 === type }
  }

  /// The `__schema: __Schema!` meta-field of the query root.
  public static let schemaMetaField: GraphQLField = {
    let field = GraphQLField(
      name: "__schema", type: .nonNull(.named(schemaType)),
      description: "Access the current type schema of this server.")
    field.resolve = { _, _, _, info in info.schema }
    return field
  }()

  /// The `__type(name: String!): __Type` meta-field of the query root.
  public static let typeMetaField: GraphQLField = {
    let field = GraphQLField(
      name: "__type", type: .named(typeType),
      arguments: [GraphQLInputValue(name: "name", type: .nonNull(.named(GraphQLNamedType.string)))],
      description: "Request the type information of a single type.")
    field.resolve = { _, arguments, _, info in
      guard let name = arguments["name"]?.stringValue, let type = info.schema.type(named: name)
      else {
        return nil
      }
      return GraphQLType.named(type)
    }
    return field
  }()

  /// The `__typename: String!` meta-field of every composite type.
  public static let typeNameMetaField: GraphQLField = {
    let field = GraphQLField(
      name: "__typename", type: .nonNull(.named(GraphQLNamedType.string)),
      description: "The name of the current Object type at runtime.")
    field.resolve = { _, _, _, info in info.parentType.name }
    return field
  }()
}
