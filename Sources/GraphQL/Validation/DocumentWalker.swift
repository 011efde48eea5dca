/// Walks a document once, keeping the context's type information current and calling
/// every rule's hooks in order (graphql-js's `visit(visitWithTypeInfo(visitInParallel))`).
///
/// Type information is updated before a node's `enter` hooks and after its `leave` hooks,
/// exactly as graphql-js's `TypeInfo` does, so rules see the same types.
struct DocumentWalker {
  let context: ValidationContext
  let rules: [any ValidationRule]
  private var skipDepth: [Int?]
  private var depth = 0

  init(context: ValidationContext, rules: [any ValidationRule]) {
    self.context = context
    self.rules = rules
    self.skipDepth = [Int?](repeating: nil, count: rules.count)
  }

  // MARK: - Dispatch

  private mutating func enter(_ call: (any ValidationRule) -> VisitAction) {
    depth += 1
    for index in rules.indices where skipDepth[index] == nil {
      if call(rules[index]) == .skip { skipDepth[index] = depth }
      if context.isAborted { return }
    }
  }

  private mutating func leave(_ call: (any ValidationRule) -> Void) {
    for index in rules.indices {
      if skipDepth[index] == nil {
        call(rules[index])
      } else if skipDepth[index] == depth {
        skipDepth[index] = nil
      }
    }
    depth -= 1
  }

  private mutating func notify(_ call: (any ValidationRule) -> Void) {
    for index in rules.indices where skipDepth[index] == nil { call(rules[index]) }
  }

  // MARK: - Document

  mutating func walk(_ document: Document) {
    enter { $0.enter(document: document) }
    for definition in document.definitions {
      if context.isAborted { return }
      switch definition {
      case .operation(let operation): walk(operation)
      case .fragment(let fragment): walk(fragment)
      case .schema(let node):
        walkDirectives(node.directives, location: .schema, owner: .schema)
        for operationType in node.operationTypes {
          walkNamedType(operationType.type, inTypeSystem: true)
        }
      case .schemaExtension(let node):
        walkDirectives(node.directives, location: .schema, owner: .schema)
        for operationType in node.operationTypes {
          walkNamedType(operationType.type, inTypeSystem: true)
        }
      case .type(let node): walkTypeDefinition(node)
      case .typeExtension(let node): walkTypeExtension(node)
      case .directive(let node):
        for argument in node.arguments {
          walkInputValueDefinition(argument, location: .argumentDefinition)
        }
      }
    }
    leave { $0.leave(document: document) }
  }

  private mutating func walk(_ operation: OperationDefinition) {
    let rootType = context.schema.rootType(for: operation.operation)
    context.typeStack.append(rootType?.kind == .object ? rootType.map { .named($0) } : nil)
    enter { $0.enter(operation: operation) }
    for definition in operation.variableDefinitions { walk(definition) }
    let location: DirectiveLocation
    switch operation.operation {
    case .query: location = .query
    case .mutation: location = .mutation
    case .subscription: location = .subscription
    }
    walkDirectives(operation.directives, location: location, owner: .other)
    walk(operation.selectionSet)
    leave { $0.leave(operation: operation) }
    context.typeStack.removeLast()
  }

  private mutating func walk(_ definition: VariableDefinition) {
    let inputType = typeFromAST(schema: context.schema, definition.type)
    context.inputTypeStack.append(inputType?.isInputType == true ? inputType : nil)
    enter { $0.enter(variableDefinition: definition) }
    walkTypeReference(definition.type, inTypeSystem: false)
    if let defaultValue = definition.defaultValue { walk(defaultValue) }
    walkDirectives(definition.directives, location: .variableDefinition, owner: .other)
    leave { _ in }
    context.inputTypeStack.removeLast()
  }

  private mutating func walk(_ selectionSet: SelectionSet) {
    let named = context.type?.namedType
    context.parentTypeStack.append(named?.kind.isComposite == true ? named : nil)
    enter { $0.enter(selectionSet: selectionSet) }
    for selection in selectionSet.selections {
      if context.isAborted { break }
      switch selection {
      case .field(let field): walk(field)
      case .fragmentSpread(let spread):
        enter { $0.enter(fragmentSpread: spread) }
        walkDirectives(spread.directives, location: .fragmentSpread, owner: .other)
        leave { _ in }
      case .inlineFragment(let fragment):
        let outputType: GraphQLNamedType?
        if let condition = fragment.typeCondition {
          outputType = context.schema.type(named: condition.name.value)
        } else {
          outputType = context.type?.namedType
        }
        context.typeStack.append(
          outputType?.kind.isOutput == true ? outputType.map { .named($0) } : nil)
        enter { $0.enter(inlineFragment: fragment) }
        if let condition = fragment.typeCondition { walkNamedType(condition, inTypeSystem: false) }
        walkDirectives(fragment.directives, location: .inlineFragment, owner: .other)
        walk(fragment.selectionSet)
        leave { _ in }
        context.typeStack.removeLast()
      }
    }
    leave { _ in }
    context.parentTypeStack.removeLast()
  }

  private mutating func walk(_ fragment: FragmentDefinition) {
    let outputType = context.schema.type(named: fragment.typeCondition.name.value)
    context.typeStack.append(
      outputType?.kind.isOutput == true ? outputType.map { .named($0) } : nil)
    enter { $0.enter(fragmentDefinition: fragment) }
    walkNamedType(fragment.typeCondition, inTypeSystem: false)
    walkDirectives(fragment.directives, location: .fragmentDefinition, owner: .other)
    walk(fragment.selectionSet)
    leave { _ in }
    context.typeStack.removeLast()
  }

  private mutating func walk(_ field: Field) {
    var definition: GraphQLField?
    if let parentType = context.parentType {
      definition = Self.fieldDefinition(context.schema, parentType, field.name.value)
    }
    let fieldType = definition?.type
    context.fieldDefinitionStack.append(definition)
    context.typeStack.append(fieldType?.isOutputType == true ? fieldType : nil)
    enter { $0.enter(field: field) }
    for argument in field.arguments { walk(argument) }
    walkDirectives(field.directives, location: .field, owner: .other)
    if let selectionSet = field.selectionSet { walk(selectionSet) }
    leave { $0.leave(field: field) }
    context.fieldDefinitionStack.removeLast()
    context.typeStack.removeLast()
  }

  /// graphql-js's `getFieldDef` for validation: meta-fields included.
  static func fieldDefinition(
    _ schema: GraphQLSchema, _ parentType: GraphQLNamedType, _ name: String
  )
    -> GraphQLField?
  {
    if name == "__schema" && schema.queryType === parentType {
      return Introspection.schemaMetaField
    }
    if name == "__type" && schema.queryType === parentType { return Introspection.typeMetaField }
    if name == "__typename" && parentType.kind.isComposite {
      return Introspection.typeNameMetaField
    }
    if parentType.kind == .object || parentType.kind == .interface {
      return parentType.fields[name]
    }
    return nil
  }

  private mutating func walkDirectives(
    _ directives: [Directive], location: DirectiveLocation?, owner: DirectiveOwner
  ) {
    guard !directives.isEmpty else { return }
    notify { $0.enter(directives: directives, owner: owner) }
    for directive in directives {
      context.currentDirective = context.schema.directive(named: directive.name.value)
      enter { $0.enter(directive: directive, location: location) }
      for argument in directive.arguments { walk(argument) }
      leave { $0.leave(directive: directive) }
      context.currentDirective = nil
    }
  }

  private mutating func walk(_ argument: Argument) {
    let definition =
      context.currentDirective?.argument(named: argument.name.value)
      ?? (context.currentDirective == nil
        ? context.fieldDefinition?.argument(named: argument.name.value) : nil)
    context.currentArgument = definition
    context.defaultValueStack.append(definition?.defaultValue)
    context.inputTypeStack.append(definition?.type.isInputType == true ? definition?.type : nil)
    enter { $0.enter(argument: argument) }
    walk(argument.value)
    leave { _ in }
    context.currentArgument = nil
    context.defaultValueStack.removeLast()
    context.inputTypeStack.removeLast()
  }

  // MARK: - Values

  private mutating func walk(_ value: Value) {
    var pushed = false
    if case .list = value {
      let listType = context.inputType?.nullable
      var itemType = listType
      if case .list(let inner)? = listType { itemType = inner }
      context.defaultValueStack.append(nil)
      context.inputTypeStack.append(itemType?.isInputType == true ? itemType : nil)
      pushed = true
    }
    enter { $0.enter(value: value) }
    switch value {
    case .list(let list):
      for item in list.values { walk(item) }
    case .object(let object):
      for field in object.fields {
        let objectType = context.inputType?.namedType
        var fieldDefinition: GraphQLInputValue?
        if let objectType, objectType.kind == .inputObject {
          fieldDefinition = objectType.inputFields[field.name.value]
        }
        context.defaultValueStack.append(fieldDefinition?.defaultValue)
        context.inputTypeStack.append(
          fieldDefinition?.type.isInputType == true ? fieldDefinition?.type : nil)
        enter { $0.enter(objectField: field) }
        walk(field.value)
        leave { _ in }
        context.defaultValueStack.removeLast()
        context.inputTypeStack.removeLast()
      }
    default: break
    }
    leave { $0.leave(value: value) }
    if pushed {
      context.defaultValueStack.removeLast()
      context.inputTypeStack.removeLast()
    }
  }

  // MARK: - Type references and type system definitions

  private mutating func walkTypeReference(_ reference: TypeReference, inTypeSystem: Bool) {
    walkNamedType(reference.namedType, inTypeSystem: inTypeSystem)
  }

  private mutating func walkNamedType(_ named: NamedType, inTypeSystem: Bool) {
    enter { $0.enter(namedType: named, inTypeSystem: inTypeSystem) }
    leave { _ in }
  }

  private mutating func walkFields(_ fields: [FieldDefinition]) {
    for field in fields {
      for argument in field.arguments {
        walkInputValueDefinition(argument, location: .argumentDefinition)
      }
      walkTypeReference(field.type, inTypeSystem: true)
      walkDirectives(field.directives, location: .fieldDefinition, owner: .other)
    }
  }

  private mutating func walkInputValueDefinition(
    _ node: InputValueDefinition, location: DirectiveLocation
  ) {
    walkTypeReference(node.type, inTypeSystem: true)
    walkDirectives(node.directives, location: location, owner: .other)
  }

  private mutating func walkTypeDefinition(_ node: TypeDefinition) {
    let owner = DirectiveOwner.type(name: node.name.value)
    switch node {
    case .scalar(let n): walkDirectives(n.directives, location: .scalar, owner: owner)
    case .object(let n):
      for interface in n.interfaces { walkNamedType(interface, inTypeSystem: true) }
      walkDirectives(n.directives, location: .object, owner: owner)
      walkFields(n.fields)
    case .interface(let n):
      for interface in n.interfaces { walkNamedType(interface, inTypeSystem: true) }
      walkDirectives(n.directives, location: .interface, owner: owner)
      walkFields(n.fields)
    case .union(let n):
      walkDirectives(n.directives, location: .union, owner: owner)
      for member in n.types { walkNamedType(member, inTypeSystem: true) }
    case .enum(let n):
      walkDirectives(n.directives, location: .enum, owner: owner)
      for value in n.values {
        walkDirectives(value.directives, location: .enumValue, owner: .other)
      }
    case .inputObject(let n):
      walkDirectives(n.directives, location: .inputObject, owner: owner)
      for field in n.fields { walkInputValueDefinition(field, location: .inputFieldDefinition) }
    }
  }

  private mutating func walkTypeExtension(_ node: TypeExtension) {
    let owner = DirectiveOwner.type(name: node.name.value)
    switch node {
    case .scalar(let n): walkDirectives(n.directives, location: .scalar, owner: owner)
    case .object(let n):
      for interface in n.interfaces { walkNamedType(interface, inTypeSystem: true) }
      walkDirectives(n.directives, location: .object, owner: owner)
      walkFields(n.fields)
    case .interface(let n):
      for interface in n.interfaces { walkNamedType(interface, inTypeSystem: true) }
      walkDirectives(n.directives, location: .interface, owner: owner)
      walkFields(n.fields)
    case .union(let n):
      walkDirectives(n.directives, location: .union, owner: owner)
      for member in n.types { walkNamedType(member, inTypeSystem: true) }
    case .enum(let n):
      walkDirectives(n.directives, location: .enum, owner: owner)
      for value in n.values {
        walkDirectives(value.directives, location: .enumValue, owner: .other)
      }
    case .inputObject(let n):
      walkDirectives(n.directives, location: .inputObject, owner: owner)
      for field in n.fields { walkInputValueDefinition(field, location: .inputFieldDefinition) }
    }
  }
}
