/// Values of Correct Type: every literal is valid for the type expected where it appears,
/// and OneOf input object literals give exactly one non-null field.
///
/// See https://spec.graphql.org/September2025/#sec-Values-of-Correct-Type and
/// https://spec.graphql.org/September2025/#sec-OneOf-Input-Objects
final class ValuesOfCorrectTypeRule: ValidationRule {
  private let context: ValidationContext
  private var variableDefinitions: [String: VariableDefinition] = [:]
  init(context: ValidationContext) { self.context = context }

  func enter(operation: OperationDefinition) -> VisitAction {
    variableDefinitions = [:]
    return .continue
  }

  func enter(variableDefinition: VariableDefinition) -> VisitAction {
    variableDefinitions[variableDefinition.variable.name.value] = variableDefinition
    return .continue
  }

  func enter(value: Value) -> VisitAction {
    switch value {
    case .list:
      // TypeInfo has moved to the item type: look at the parent input type.
      guard case .list? = context.parentInputType?.nullable else {
        checkLeaf(value)
        return .skip
      }
      return .continue
    case .object(let object):
      guard let type = context.inputType?.namedType, type.kind == .inputObject else {
        checkLeaf(value)
        return .skip
      }
      var fieldNodes: [String: ObjectField] = [:]
      for field in object.fields where fieldNodes[field.name.value] == nil {
        fieldNodes[field.name.value] = field
      }
      for field in type.inputFields.values
      where fieldNodes[field.name] == nil && field.type.isNonNull && field.defaultValue == nil {
        context.report(
          "Field \"\(type.name).\(field.name)\" of required type \"\(field.type)\" was not provided.",
          [value])
      }
      if type.isOneOf { checkOneOf(value, type: type, fields: object.fields) }
      return .continue
    case .null:
      if let type = context.inputType, type.isNonNull {
        context.report("Expected value of type \"\(type)\", found null.", [value])
      }
      return .continue
    case .enum, .int, .float, .string, .boolean:
      checkLeaf(value)
      return .continue
    case .variable:
      return .continue
    }
  }

  func enter(objectField: ObjectField) -> VisitAction {
    if context.inputType == nil, let parentType = context.parentInputType?.namedType,
      parentType.kind == .inputObject
    {
      let suggestions = SuggestionList.suggestions(
        for: objectField.name.value, options: parentType.inputFields.keys)
      context.report(
        "Field \"\(objectField.name.value)\" is not defined by type \"\(parentType.name)\"."
          + SuggestionList.didYouMean(suggestions), [objectField])
    }
    return .continue
  }

  /// Any literal may be a valid representation of a leaf type; the type decides.
  private func checkLeaf(_ value: Value) {
    guard let locationType = context.inputType else { return }
    let type = locationType.namedType
    guard type.kind.isLeaf else {
      context.report(
        "Expected value of type \"\(locationType)\", found \(printValue(value)).", [value])
      return
    }
    do {
      _ = try Self.parseLiteral(value, type: type)
    } catch {
      context.report(error.message, [value])
    }
  }

  /// graphql-js's `parseLiteral` of a leaf type (enums included), without variables.
  static func parseLiteral(_ value: Value, type: GraphQLNamedType) throws(GraphQLError) -> JSONValue
  {
    if type.kind == .enum {
      guard case .enum(let literal) = value else {
        let text = printValue(value)
        throw GraphQLError(
          message: "Enum \"\(type.name)\" cannot represent non-enum value: \(text)."
            + Values.enumSuggestions(type, text))
      }
      guard type.enumValue(named: literal.value) != nil else {
        throw GraphQLError(
          message: "Value \"\(literal.value)\" does not exist in \"\(type.name)\" enum."
            + Values.enumSuggestions(type, literal.value))
      }
      return .string(literal.value)
    }
    do {
      return try type.coercion.parseLiteral(value, nil)
    } catch let error as GraphQLError {
      throw error
    } catch {
      throw GraphQLError(
        message: "Expected value of type \"\(type.name)\", found \(printValue(value)); \(error)")
    }
  }

  private func checkOneOf(_ value: Value, type: GraphQLNamedType, fields: [ObjectField]) {
    var keys: [String] = []
    for field in fields where !keys.contains(field.name.value) { keys.append(field.name.value) }
    guard keys.count == 1, let field = fields.first(where: { $0.name.value == keys[0] }) else {
      context.report("OneOf Input Object \"\(type.name)\" must specify exactly one key.", [value])
      return
    }
    switch field.value {
    case .null:
      context.report("Field \"\(type.name).\(keys[0])\" must be non-null.", [value])
    case .variable(let variable):
      let name = variable.name.value
      if let definition = variableDefinitions[name] {
        if case .nonNull = definition.type {
        } else {
          context.report(
            "Variable \"\(name)\" must be non-nullable to be used for OneOf Input Object \"\(type.name)\".",
            [value])
        }
      }
    default: break
    }
  }
}
