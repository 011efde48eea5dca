/// Builds a ``GraphQLSchema`` from a type system document (graphql-js's `buildASTSchema`
/// with its `extendSchemaImpl`): definitions, extensions, descriptions, `@deprecated`,
/// `@specifiedBy` and `@oneOf`.
///
/// See https://spec.graphql.org/September2025/#sec-Type-System and
/// https://spec.graphql.org/September2025/#sec-Type-System-Extensions
struct SchemaBuilder {
  let document: Document
  let source: Source
  let scalars: [String: ScalarCoercion]

  private var types = OrderedDictionary<String, GraphQLNamedType>()
  private var typeNodes: [String: TypeDefinition] = [:]
  private var extensionNodes: [String: [TypeExtension]] = [:]
  private var errors: [GraphQLError] = []

  init(document: Document, source: Source, scalars: [String: ScalarCoercion]) {
    self.document = document
    self.source = source
    self.scalars = scalars
  }

  mutating func fail(_ message: String, _ nodes: [any Node]) {
    errors.append(GraphQLError(message: message, nodes: nodes, source: source))
  }

  /// Builds and validates the schema.
  ///
  /// - Throws: ``GraphQLError`` listing every problem (messages joined by blank lines, as
  ///   graphql-js's `assertValidSDL` does), located at the first.
  mutating func build() throws(GraphQLError) -> SchemaParts {
    var schemaDefinition: SchemaDefinition?
    var schemaExtensions: [SchemaExtension] = []
    var directiveDefinitions: [DirectiveDefinition] = []
    for definition in document.definitions {
      switch definition {
      case .type(let node):
        let name = node.name.value
        if let previous = typeNodes[name] {
          fail("There can be only one type named \"\(name)\".", [previous.name, node.name])
          continue
        }
        typeNodes[name] = node
        let type =
          GraphQLNamedType.specifiedScalars.first { $0.name == name }
          ?? GraphQLNamedType(
            name: name, kind: Self.kind(of: node), description: Self.description(of: node))
        types[name] = type
      case .typeExtension(let node):
        extensionNodes[node.name.value, default: []].append(node)
      case .schema(let node):
        if schemaDefinition != nil {
          fail("Must provide only one schema definition.", [node])
        }
        schemaDefinition = node
      case .schemaExtension(let node):
        schemaExtensions.append(node)
      case .directive(let node):
        if directiveDefinitions.contains(where: { $0.name.value == node.name.value }) {
          fail("There can be only one directive named \"@\(node.name.value)\".", [node.name])
          continue
        }
        directiveDefinitions.append(node)
      case .operation, .fragment:
        fail("Executable definitions are not allowed in a schema document.", [definition])
      }
    }
    for (name, nodes) in extensionNodes where types[name] == nil {
      for node in nodes {
        let isStandard = GraphQLNamedType.specifiedScalars.contains { $0.name == name }
        if !isStandard {
          fail(
            "Cannot extend type \"\(name)\" because it is not defined."
              + SuggestionList.didYouMean(
                SuggestionList.suggestions(for: name, options: types.keys)),
            [node.name])
        }
      }
    }
    guard errors.isEmpty else { throw combined() }

    // Members, in definition order, then extensions.
    for name in types.keys {
      guard let type = types[name], let node = typeNodes[name], !type.isSpecifiedScalar else {
        continue
      }
      fillMembers(type, node: node, extensions: extensionNodes[name] ?? [])
    }
    let directives = directiveDefinitions.map { buildDirective($0) }
    guard errors.isEmpty else { throw combined() }

    // Root operation types.
    var roots: [OperationType: GraphQLNamedType] = [:]
    let operationTypes =
      (schemaDefinition?.operationTypes ?? []) + schemaExtensions.flatMap(\.operationTypes)
    if schemaDefinition == nil && schemaExtensions.allSatisfy({ $0.operationTypes.isEmpty }) {
      roots[.query] = types["Query"]
      roots[.mutation] = types["Mutation"]
      roots[.subscription] = types["Subscription"]
    }
    for operationType in operationTypes {
      if roots[operationType.operation] != nil && schemaDefinition != nil
        && schemaExtensions.contains(where: {
          $0.operationTypes.contains { $0.operation == operationType.operation }
        })
      {
        fail(
          "Type for \(operationType.operation.rawValue) already defined in the schema. It cannot be redefined.",
          [operationType])
      }
      guard let type = types[operationType.type.name.value] else {
        fail("Unknown type \"\(operationType.type.name.value)\".", [operationType.type])
        continue
      }
      roots[operationType.operation] = type
    }
    guard errors.isEmpty else { throw combined() }

    var allDirectives = directives
    for standard in GraphQLDirective.specified
    where !allDirectives.contains(where: { $0.name == standard.name }) {
      allDirectives.append(standard)
    }
    return SchemaParts(
      query: roots[.query], mutation: roots[.mutation], subscription: roots[.subscription],
      types: types.values, directives: allDirectives,
      description: schemaDefinition?.description?.value)
  }

  /// What a schema is made of, before the type system rules check it.
  struct SchemaParts {
    let query: GraphQLNamedType?
    let mutation: GraphQLNamedType?
    let subscription: GraphQLNamedType?
    let types: [GraphQLNamedType]
    let directives: [GraphQLDirective]
    let description: String?
  }

  private func combined() -> GraphQLError {
    guard var first = errors.first else { return GraphQLError(message: "Invalid schema.") }
    first.message = errors.map(\.message).joined(separator: "\n\n")
    return first
  }

  // MARK: - Types

  private static func kind(of node: TypeDefinition) -> TypeKind {
    switch node {
    case .scalar: return .scalar
    case .object: return .object
    case .interface: return .interface
    case .union: return .union
    case .enum: return .enum
    case .inputObject: return .inputObject
    }
  }

  private static func description(of node: TypeDefinition) -> String? {
    switch node {
    case .scalar(let n): return n.description?.value
    case .object(let n): return n.description?.value
    case .interface(let n): return n.description?.value
    case .union(let n): return n.description?.value
    case .enum(let n): return n.description?.value
    case .inputObject(let n): return n.description?.value
    }
  }

  private mutating func fillMembers(
    _ type: GraphQLNamedType, node: TypeDefinition, extensions: [TypeExtension]
  ) {
    switch node {
    case .scalar(let definition):
      type.coercion = scalars[type.name] ?? .passthrough
      var directives = definition.directives
      for case .scalar(let ext) in extensions { directives += ext.directives }
      checkKind(extensions, expected: .scalar, name: type.name)
      validateDirectives(directives, location: .scalar)
      if let url = directiveArgument(directives, "specifiedBy", "url")?.stringValue {
        type.specifiedByURL = url
      }
    case .object(let definition):
      var interfaces = definition.interfaces
      var fields = definition.fields
      validateDirectives(definition.directives, location: .object)
      for case .object(let ext) in extensions {
        interfaces += ext.interfaces
        fields += ext.fields
        validateDirectives(ext.directives, location: .object)
      }
      checkKind(extensions, expected: .object, name: type.name)
      type.interfaces = resolveInterfaces(interfaces, owner: type.name)
      buildFields(type, fields)
    case .interface(let definition):
      var interfaces = definition.interfaces
      var fields = definition.fields
      validateDirectives(definition.directives, location: .interface)
      for case .interface(let ext) in extensions {
        interfaces += ext.interfaces
        fields += ext.fields
        validateDirectives(ext.directives, location: .interface)
      }
      checkKind(extensions, expected: .interface, name: type.name)
      type.interfaces = resolveInterfaces(interfaces, owner: type.name)
      buildFields(type, fields)
    case .union(let definition):
      var members = definition.types
      validateDirectives(definition.directives, location: .union)
      for case .union(let ext) in extensions {
        members += ext.types
        validateDirectives(ext.directives, location: .union)
      }
      checkKind(extensions, expected: .union, name: type.name)
      type.unionMembers = members.compactMap { namedType($0) }
    case .enum(let definition):
      var values = definition.values
      validateDirectives(definition.directives, location: .enum)
      for case .enum(let ext) in extensions {
        values += ext.values
        validateDirectives(ext.directives, location: .enum)
      }
      checkKind(extensions, expected: .enum, name: type.name)
      var seen = Set<String>()
      var built: [GraphQLEnumValue] = []
      for value in values {
        guard seen.insert(value.name.value).inserted else {
          fail(
            "Enum value \"\(type.name).\(value.name.value)\" can only be defined once.",
            [value.name])
          continue
        }
        validateDirectives(value.directives, location: .enumValue)
        built.append(
          GraphQLEnumValue(
            name: value.name.value, description: value.description?.value,
            deprecationReason: deprecationReason(value.directives)))
      }
      type.enumValues = built
    case .inputObject(let definition):
      var fields = definition.fields
      var directives = definition.directives
      for case .inputObject(let ext) in extensions {
        fields += ext.fields
        directives += ext.directives
      }
      checkKind(extensions, expected: .inputObject, name: type.name)
      validateDirectives(directives, location: .inputObject)
      type.isOneOf = directives.contains { $0.name.value == "oneOf" }
      var built = OrderedDictionary<String, GraphQLInputValue>()
      for field in fields {
        guard built[field.name.value] == nil else {
          fail("Field \"\(type.name).\(field.name.value)\" can only be defined once.", [field.name])
          continue
        }
        validateDirectives(field.directives, location: .inputFieldDefinition)
        if let value = buildInputValue(field) { built[field.name.value] = value }
      }
      type.inputFields = built
    }
  }

  private mutating func checkKind(_ extensions: [TypeExtension], expected: TypeKind, name: String) {
    for ext in extensions {
      let kind: TypeKind
      switch ext {
      case .scalar: kind = .scalar
      case .object: kind = .object
      case .interface: kind = .interface
      case .union: kind = .union
      case .enum: kind = .enum
      case .inputObject: kind = .inputObject
      }
      if kind != expected {
        let kindName: String
        switch kind {
        case .scalar: kindName = "scalar"
        case .object: kindName = "object"
        case .interface: kindName = "interface"
        case .union: kindName = "union"
        case .enum: kindName = "enum"
        case .inputObject: kindName = "input object"
        }
        fail("Cannot extend non-\(kindName) type \"\(name)\".", [ext.name])
      }
    }
  }

  private mutating func resolveInterfaces(_ nodes: [NamedType], owner: String) -> [GraphQLNamedType]
  {
    nodes.compactMap { namedType($0) }
  }

  private mutating func buildFields(_ type: GraphQLNamedType, _ nodes: [FieldDefinition]) {
    var fields = OrderedDictionary<String, GraphQLField>()
    for node in nodes {
      let name = node.name.value
      guard fields[name] == nil else {
        fail("Field \"\(type.name).\(name)\" can only be defined once.", [node.name])
        continue
      }
      validateDirectives(node.directives, location: .fieldDefinition)
      guard let fieldType = typeReference(node.type) else { continue }
      var arguments: [GraphQLInputValue] = []
      for argument in node.arguments {
        if arguments.contains(where: { $0.name == argument.name.value }) {
          fail(
            "Argument \"\(type.name).\(name)(\(argument.name.value):)\" can only be defined once.",
            [argument.name])
          continue
        }
        validateDirectives(argument.directives, location: .argumentDefinition)
        if let value = buildInputValue(argument) { arguments.append(value) }
      }
      fields[name] = GraphQLField(
        name: name, type: fieldType, arguments: arguments, description: node.description?.value,
        deprecationReason: deprecationReason(node.directives))
    }
    type.fields = fields
  }

  private mutating func buildInputValue(_ node: InputValueDefinition) -> GraphQLInputValue? {
    guard let type = typeReference(node.type) else { return nil }
    var defaultValue: JSONValue?
    if let literal = node.defaultValue {
      defaultValue = ValueFromAST.typed(literal, type: type, variables: nil)
      if defaultValue == nil {
        defaultValue = ValueFromAST.untyped(literal, variables: nil)
      }
    }
    return GraphQLInputValue(
      name: node.name.value, type: type, defaultValue: defaultValue,
      description: node.description?.value, deprecationReason: deprecationReason(node.directives))
  }

  private mutating func buildDirective(_ node: DirectiveDefinition) -> GraphQLDirective {
    var locations: [DirectiveLocation] = []
    for location in node.locations {
      if let known = DirectiveLocation(rawValue: location.value) {
        locations.append(known)
      } else {
        fail("Unknown directive location \"\(location.value)\".", [location])
      }
    }
    var arguments: [GraphQLInputValue] = []
    for argument in node.arguments {
      if arguments.contains(where: { $0.name == argument.name.value }) {
        fail(
          "Argument \"@\(node.name.value)(\(argument.name.value):)\" can only be defined once.",
          [argument.name])
        continue
      }
      if let value = buildInputValue(argument) { arguments.append(value) }
    }
    return GraphQLDirective(
      name: node.name.value, description: node.description?.value, locations: locations,
      arguments: arguments, isRepeatable: node.repeatable)
  }

  // MARK: - References

  private mutating func namedType(_ node: NamedType) -> GraphQLNamedType? {
    let name = node.name.value
    if let type = types[name] { return type }
    if let standard = GraphQLNamedType.specifiedScalars.first(where: { $0.name == name }) {
      return standard
    }
    let suggestions = SuggestionList.suggestions(
      for: name, options: types.keys + GraphQLNamedType.specifiedScalars.map(\.name))
    fail("Unknown type \"\(name)\"." + SuggestionList.didYouMean(suggestions), [node])
    return nil
  }

  private mutating func typeReference(_ node: TypeReference) -> GraphQLType? {
    switch node {
    case .named(let named): return namedType(named).map { .named($0) }
    case .list(let list): return typeReference(list.type).map { .list($0) }
    case .nonNull(let nonNull): return typeReference(nonNull.type).map { .nonNull($0) }
    }
  }
}
