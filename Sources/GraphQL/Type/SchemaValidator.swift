/// The spec's type system validation, with graphql-js's (`validateSchema`) messages.
///
/// See https://spec.graphql.org/September2025/#sec-Schema and the "Type Validation"
/// subsections of https://spec.graphql.org/September2025/#sec-Types
struct SchemaValidator {
  let schema: GraphQLSchema
  private var problems: [String] = []

  init(schema: GraphQLSchema) { self.schema = schema }

  /// Every problem, in graphql-js's order; empty when the schema is valid.
  mutating func validate() -> [String] {
    validateRootTypes()
    validateDirectives()
    validateTypes()
    return problems
  }

  private mutating func report(_ message: String) { problems.append(message) }

  private mutating func validateRootTypes() {
    if let query = schema.queryType {
      if query.kind != .object {
        report("Query root type must be Object type, it cannot be \(query.name).")
      }
    } else {
      report("Query root type must be provided.")
    }
    if let mutation = schema.mutationType, mutation.kind != .object {
      report("Mutation root type must be Object type if provided, it cannot be \(mutation.name).")
    }
    if let subscription = schema.subscriptionType, subscription.kind != .object {
      report(
        "Subscription root type must be Object type if provided, it cannot be \(subscription.name)."
      )
    }
  }

  private mutating func validateName(_ name: String) {
    if name.hasPrefix("__") {
      report(
        "Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.")
    }
  }

  private mutating func validateDirectives() {
    for directive in schema.directives {
      validateName(directive.name)
      for argument in directive.arguments {
        validateName(argument.name)
        if !argument.type.isInputType {
          report(
            "The type of @\(directive.name)(\(argument.name):) must be Input Type but got: \(argument.type)."
          )
        }
        if argument.type.isNonNull && argument.defaultValue == nil
          && argument.deprecationReason != nil
        {
          report("Required argument @\(directive.name)(\(argument.name):) cannot be deprecated.")
        }
      }
    }
  }

  private mutating func validateTypes() {
    var inputCycleChecker = InputCycleChecker()
    for type in schema.types.values where !Introspection.isIntrospectionType(type) {
      validateName(type.name)
      switch type.kind {
      case .object, .interface:
        validateFields(type)
        validateInterfaces(type)
      case .union:
        validateUnion(type)
      case .enum:
        if type.enumValues.isEmpty {
          report("Enum type \(type.name) must define one or more values.")
        }
        for value in type.enumValues {
          validateName(value.name)
          if value.name == "true" || value.name == "false" || value.name == "null" {
            report("Enum type \(type.name) cannot include value: \(value.name).")
          }
        }
      case .inputObject:
        validateInputFields(type)
        for message in inputCycleChecker.check(type) { report(message) }
      case .scalar:
        break
      }
    }
  }

  private mutating func validateFields(_ type: GraphQLNamedType) {
    if type.fields.isEmpty { report("Type \(type.name) must define one or more fields.") }
    for field in type.fields.values {
      validateName(field.name)
      if !field.type.isOutputType {
        report("The type of \(type.name).\(field.name) must be Output Type but got: \(field.type).")
      }
      for argument in field.arguments {
        validateName(argument.name)
        if !argument.type.isInputType {
          report(
            "The type of \(type.name).\(field.name)(\(argument.name):) must be Input Type but got: \(argument.type)."
          )
        }
        if argument.type.isNonNull && argument.defaultValue == nil
          && argument.deprecationReason != nil
        {
          report(
            "Required argument \(type.name).\(field.name)(\(argument.name):) cannot be deprecated.")
        }
      }
    }
  }

  private mutating func validateInterfaces(_ type: GraphQLNamedType) {
    var seen = Set<String>()
    for interface in type.interfaces {
      guard interface.kind == .interface else {
        report(
          "Type \(type.name) must only implement Interface types, it cannot implement \(interface.name)."
        )
        continue
      }
      if interface === type {
        report(
          "Type \(type.name) cannot implement itself because it would create a circular reference.")
        continue
      }
      guard seen.insert(interface.name).inserted else {
        report("Type \(type.name) can only implement \(interface.name) once.")
        continue
      }
      for transitive in interface.interfaces
      where !type.interfaces.contains(where: { $0 === transitive }) {
        let message =
          transitive === type
          ? "Type \(type.name) cannot implement \(interface.name) because it would create a circular reference."
          : "Type \(type.name) must implement \(transitive.name) because it is implemented by \(interface.name)."
        report(message)
      }
      validateImplementation(type, interface)
    }
  }

  private mutating func validateImplementation(
    _ type: GraphQLNamedType, _ interface: GraphQLNamedType
  ) {
    for interfaceField in interface.fields.values {
      let name = interfaceField.name
      guard let field = type.fields[name] else {
        report(
          "Interface field \(interface.name).\(name) expected but \(type.name) does not provide it."
        )
        continue
      }
      if !schema.isTypeSubType(field.type, of: interfaceField.type) {
        report(
          "Interface field \(interface.name).\(name) expects type \(interfaceField.type) but \(type.name).\(name) is type \(field.type)."
        )
      }
      for interfaceArgument in interfaceField.arguments {
        guard let argument = field.argument(named: interfaceArgument.name) else {
          report(
            "Interface field argument \(interface.name).\(name)(\(interfaceArgument.name):) expected but \(type.name).\(name) does not provide it."
          )
          continue
        }
        if !argument.type.isEqual(to: interfaceArgument.type) {
          report(
            "Interface field argument \(interface.name).\(name)(\(interfaceArgument.name):) expects type \(interfaceArgument.type) but \(type.name).\(name)(\(argument.name):) is type \(argument.type)."
          )
        }
      }
      for argument in field.arguments
      where argument.type.isNonNull && argument.defaultValue == nil
        && interfaceField.argument(named: argument.name) == nil
      {
        report(
          "Object field \(type.name).\(name) includes required argument \(argument.name) that is missing from the Interface field \(interface.name).\(name)."
        )
      }
    }
  }

  private mutating func validateUnion(_ type: GraphQLNamedType) {
    if type.unionMembers.isEmpty {
      report("Union type \(type.name) must define one or more member types.")
    }
    var seen = Set<String>()
    for member in type.unionMembers {
      guard seen.insert(member.name).inserted else {
        report("Union type \(type.name) can only include type \(member.name) once.")
        continue
      }
      if member.kind != .object {
        report(
          "Union type \(type.name) can only include Object types, it cannot include \(member.name)."
        )
      }
    }
  }

  private mutating func validateInputFields(_ type: GraphQLNamedType) {
    if type.inputFields.isEmpty {
      report("Input Object type \(type.name) must define one or more fields.")
    }
    for field in type.inputFields.values {
      validateName(field.name)
      if !field.type.isInputType {
        report("The type of \(type.name).\(field.name) must be Input Type but got: \(field.type).")
      }
      if field.type.isNonNull && field.defaultValue == nil && field.deprecationReason != nil {
        report("Required input field \(type.name).\(field.name) cannot be deprecated.")
      }
      if type.isOneOf {
        if field.type.isNonNull {
          report("OneOf input field \(type.name).\(field.name) must be nullable.")
        }
        if field.defaultValue != nil {
          report("OneOf input field \(type.name).\(field.name) cannot have a default value.")
        }
      }
    }
  }
}

/// Finds input objects that contain themselves through non-null fields (which no finite
/// value could satisfy), as graphql-js's `createInputObjectCircularRefsValidator`.
private struct InputCycleChecker {
  private var visited = Set<String>()
  private var pathIndex: [String: Int] = [:]
  private var path: [(type: String, field: String)] = []
  private var messages: [String] = []

  mutating func check(_ type: GraphQLNamedType) -> [String] {
    messages = []
    detect(type)
    return messages
  }

  private mutating func detect(_ type: GraphQLNamedType) {
    guard visited.insert(type.name).inserted else { return }
    pathIndex[type.name] = path.count
    for field in type.inputFields.values {
      guard case .nonNull(let inner) = field.type, case .named(let fieldType) = inner,
        fieldType.kind == .inputObject
      else { continue }
      path.append((type.name, field.name))
      if let start = pathIndex[fieldType.name] {
        let cycle = path[start...].map { "\($0.type).\($0.field)" }.joined(separator: ".")
        let fieldPath = path[start...].map(\.field).joined(separator: ".")
        _ = cycle
        messages.append(
          "Cannot reference Input Object \"\(fieldType.name)\" within itself through a series of non-null fields: \"\(fieldPath)\"."
        )
      } else {
        detect(fieldType)
      }
      path.removeLast()
    }
    pathIndex[type.name] = nil
  }
}
