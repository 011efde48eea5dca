/// The fields and resolvers of the introspection types.
///
/// Resolvers read the schema's own structures: `__Schema` resolves on ``GraphQLSchema``,
/// `__Type` on ``GraphQLType`` (so wrappers appear as `LIST` and `NON_NULL`), `__Field` on
/// ``GraphQLField``, `__InputValue` on ``GraphQLInputValue``, `__EnumValue` on
/// ``GraphQLEnumValue`` and `__Directive` on ``GraphQLDirective``.
///
/// See https://spec.graphql.org/September2025/#sec-Schema-Introspection.Schema-Introspection-Schema
extension Introspection {
  /// Installs the fields once, before the first schema uses the types.
  static let installed: Void = {
    let string = GraphQLType.named(GraphQLNamedType.string)
    let boolean = GraphQLType.named(GraphQLNamedType.boolean)
    let type = GraphQLType.named(typeType)
    let includeDeprecated = [
      GraphQLInputValue(name: "includeDeprecated", type: boolean, defaultValue: .bool(false))
    ]
    func nonNullList(_ named: GraphQLNamedType) -> GraphQLType {
      .nonNull(.list(.nonNull(.named(named))))
    }
    func listOf(_ named: GraphQLNamedType) -> GraphQLType { .list(.nonNull(.named(named))) }
    func add(
      _ owner: GraphQLNamedType, _ name: String, _ type: GraphQLType,
      arguments: [GraphQLInputValue] = [], description: String? = nil,
      _ resolve: @escaping @Sendable (Any, JSONObject, ResolveInfo) -> Any?
    ) {
      let field = GraphQLField(
        name: name, type: type, arguments: arguments, description: description)
      field.resolve = { source, arguments, _, info in resolve(source, arguments, info) }
      owner.fields[name] = field
    }
    @Sendable func wantsDeprecated(_ arguments: JSONObject) -> Bool {
      arguments["includeDeprecated"]?.boolValue ?? false
    }

    // MARK: - __Schema
    add(schemaType, "description", string) { source, _, _ in (source as? GraphQLSchema)?.description
    }
    add(
      schemaType, "types", nonNullList(typeType),
      description: "A list of all types supported by this server."
    ) { source, _, _ in
      (source as? GraphQLSchema)?.types.values.map { GraphQLType.named($0) }
    }
    add(
      schemaType, "queryType", .nonNull(type),
      description: "The type that query operations will be rooted at."
    ) { source, _, _ in
      (source as? GraphQLSchema)?.queryType.map { GraphQLType.named($0) }
    }
    add(
      schemaType, "mutationType", type,
      description:
        "If this server supports mutation, the type that mutation operations will be rooted at."
    ) { source, _, _ in
      (source as? GraphQLSchema)?.mutationType.map { GraphQLType.named($0) }
    }
    add(
      schemaType, "subscriptionType", type,
      description:
        "If this server supports subscription, the type that subscription operations will be rooted at."
    ) { source, _, _ in
      (source as? GraphQLSchema)?.subscriptionType.map { GraphQLType.named($0) }
    }
    add(
      schemaType, "directives", nonNullList(directiveType),
      description: "A list of all directives supported by this server."
    ) { source, _, _ in (source as? GraphQLSchema)?.directives }

    // MARK: - __Type
    add(typeType, "kind", .nonNull(.named(typeKindType))) { source, _, _ in
      switch source as? GraphQLType {
      case .named(let named): return named.kind.rawValue
      case .list: return "LIST"
      case .nonNull: return "NON_NULL"
      case nil: return nil
      }
    }
    add(typeType, "name", string) { source, _, _ in
      if case .named(let named) = source as? GraphQLType { return named.name }
      return nil
    }
    add(typeType, "description", string) { source, _, _ in
      if case .named(let named) = source as? GraphQLType { return named.description }
      return nil
    }
    add(typeType, "specifiedByURL", string) { source, _, _ in
      if case .named(let named) = source as? GraphQLType { return named.specifiedByURL }
      return nil
    }
    add(typeType, "fields", listOf(fieldType), arguments: includeDeprecated) {
      source, arguments, _ in
      guard case .named(let named) = source as? GraphQLType,
        named.kind == .object || named.kind == .interface
      else { return nil }
      let all = wantsDeprecated(arguments)
      return named.fields.values.filter { all || $0.deprecationReason == nil }
    }
    add(typeType, "interfaces", listOf(typeType)) { source, _, _ in
      guard case .named(let named) = source as? GraphQLType,
        named.kind == .object || named.kind == .interface
      else { return nil }
      return named.interfaces.map { GraphQLType.named($0) }
    }
    add(typeType, "possibleTypes", listOf(typeType)) { source, _, info in
      guard case .named(let named) = source as? GraphQLType, named.kind.isAbstract else {
        return nil
      }
      return info.schema.possibleTypes(of: named).map { GraphQLType.named($0) }
    }
    add(typeType, "enumValues", listOf(enumValueType), arguments: includeDeprecated) {
      source, arguments, _ in
      guard case .named(let named) = source as? GraphQLType, named.kind == .enum else { return nil }
      let all = wantsDeprecated(arguments)
      return named.enumValues.filter { all || $0.deprecationReason == nil }
    }
    add(typeType, "inputFields", listOf(inputValueType), arguments: includeDeprecated) {
      source, arguments, _ in
      guard case .named(let named) = source as? GraphQLType, named.kind == .inputObject else {
        return nil
      }
      let all = wantsDeprecated(arguments)
      return named.inputFields.values.filter { all || $0.deprecationReason == nil }
    }
    add(typeType, "ofType", type) { source, _, _ in
      switch source as? GraphQLType {
      case .list(let inner), .nonNull(let inner): return inner
      default: return nil
      }
    }
    add(typeType, "isOneOf", boolean) { source, _, _ in
      guard case .named(let named) = source as? GraphQLType, named.kind == .inputObject else {
        return nil
      }
      return named.isOneOf
    }

    // MARK: - __TypeKind
    typeKindType.enumValues = [
      GraphQLEnumValue(name: "SCALAR", description: "Indicates this type is a scalar."),
      GraphQLEnumValue(
        name: "OBJECT",
        description: "Indicates this type is an object. `fields` and `interfaces` are valid fields."
      ),
      GraphQLEnumValue(
        name: "INTERFACE",
        description:
          "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."
      ),
      GraphQLEnumValue(
        name: "UNION",
        description: "Indicates this type is a union. `possibleTypes` is a valid field."),
      GraphQLEnumValue(
        name: "ENUM", description: "Indicates this type is an enum. `enumValues` is a valid field."),
      GraphQLEnumValue(
        name: "INPUT_OBJECT",
        description: "Indicates this type is an input object. `inputFields` is a valid field."),
      GraphQLEnumValue(
        name: "LIST", description: "Indicates this type is a list. `ofType` is a valid field."),
      GraphQLEnumValue(
        name: "NON_NULL",
        description: "Indicates this type is a non-null. `ofType` is a valid field."),
    ]

    // MARK: - __Field
    add(fieldType, "name", .nonNull(string)) { source, _, _ in (source as? GraphQLField)?.name }
    add(fieldType, "description", string) { source, _, _ in (source as? GraphQLField)?.description }
    add(fieldType, "args", nonNullList(inputValueType), arguments: includeDeprecated) {
      source, arguments, _ in
      let all = wantsDeprecated(arguments)
      return (source as? GraphQLField)?.arguments.filter { all || $0.deprecationReason == nil }
    }
    add(fieldType, "type", .nonNull(type)) { source, _, _ in (source as? GraphQLField)?.type }
    add(fieldType, "isDeprecated", .nonNull(boolean)) { source, _, _ in
      (source as? GraphQLField).map { $0.deprecationReason != nil }
    }
    add(fieldType, "deprecationReason", string) { source, _, _ in
      (source as? GraphQLField)?.deprecationReason
    }

    // MARK: - __InputValue
    add(inputValueType, "name", .nonNull(string)) { source, _, _ in
      (source as? GraphQLInputValue)?.name
    }
    add(inputValueType, "description", string) { source, _, _ in
      (source as? GraphQLInputValue)?.description
    }
    add(inputValueType, "type", .nonNull(type)) { source, _, _ in
      (source as? GraphQLInputValue)?.type
    }
    add(
      inputValueType, "defaultValue", string,
      description: "A GraphQL-formatted string representing the default value for this input value."
    ) { source, _, _ in
      guard let input = source as? GraphQLInputValue, let value = input.defaultValue else {
        return nil
      }
      return printLiteral(value, type: input.type)
    }
    add(inputValueType, "isDeprecated", .nonNull(boolean)) { source, _, _ in
      (source as? GraphQLInputValue).map { $0.deprecationReason != nil }
    }
    add(inputValueType, "deprecationReason", string) { source, _, _ in
      (source as? GraphQLInputValue)?.deprecationReason
    }

    // MARK: - __EnumValue
    add(enumValueType, "name", .nonNull(string)) { source, _, _ in
      (source as? GraphQLEnumValue)?.name
    }
    add(enumValueType, "description", string) { source, _, _ in
      (source as? GraphQLEnumValue)?.description
    }
    add(enumValueType, "isDeprecated", .nonNull(boolean)) { source, _, _ in
      (source as? GraphQLEnumValue).map { $0.deprecationReason != nil }
    }
    add(enumValueType, "deprecationReason", string) { source, _, _ in
      (source as? GraphQLEnumValue)?.deprecationReason
    }

    // MARK: - __Directive
    add(directiveType, "name", .nonNull(string)) { source, _, _ in
      (source as? GraphQLDirective)?.name
    }
    add(directiveType, "description", string) { source, _, _ in
      (source as? GraphQLDirective)?.description
    }
    add(directiveType, "isRepeatable", .nonNull(boolean)) { source, _, _ in
      (source as? GraphQLDirective)?.isRepeatable
    }
    add(directiveType, "locations", nonNullList(directiveLocationType)) { source, _, _ in
      (source as? GraphQLDirective)?.locations.map { $0.rawValue }
    }
    add(directiveType, "args", nonNullList(inputValueType), arguments: includeDeprecated) {
      source, arguments, _ in
      let all = wantsDeprecated(arguments)
      return (source as? GraphQLDirective)?.arguments.filter { all || $0.deprecationReason == nil }
    }

    // MARK: - __DirectiveLocation
    let locationDescriptions: [DirectiveLocation: String] = [
      .query: "Location adjacent to a query operation.",
      .mutation: "Location adjacent to a mutation operation.",
      .subscription: "Location adjacent to a subscription operation.",
      .field: "Location adjacent to a field.",
      .fragmentDefinition: "Location adjacent to a fragment definition.",
      .fragmentSpread: "Location adjacent to a fragment spread.",
      .inlineFragment: "Location adjacent to an inline fragment.",
      .variableDefinition: "Location adjacent to a variable definition.",
      .schema: "Location adjacent to a schema definition.",
      .scalar: "Location adjacent to a scalar definition.",
      .object: "Location adjacent to an object type definition.",
      .fieldDefinition: "Location adjacent to a field definition.",
      .argumentDefinition: "Location adjacent to an argument definition.",
      .interface: "Location adjacent to an interface definition.",
      .union: "Location adjacent to a union definition.",
      .enum: "Location adjacent to an enum definition.",
      .enumValue: "Location adjacent to an enum value definition.",
      .inputObject: "Location adjacent to an input object type definition.",
      .inputFieldDefinition: "Location adjacent to an input object field definition.",
    ]
    directiveLocationType.enumValues = DirectiveLocation.allCases.map {
      GraphQLEnumValue(name: $0.rawValue, description: locationDescriptions[$0])
    }
  }()
}
