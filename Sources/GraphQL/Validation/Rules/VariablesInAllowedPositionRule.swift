/// All Variable Usages Are Allowed: a variable's type fits every position it is used in
/// (a nullable variable may fill a non-null position only when a default covers null).
///
/// See https://spec.graphql.org/September2025/#sec-All-Variable-Usages-Are-Allowed
final class VariablesInAllowedPositionRule: ValidationRule {
  private let context: ValidationContext
  private var definitions: [String: VariableDefinition] = [:]
  init(context: ValidationContext) { self.context = context }

  func enter(operation: OperationDefinition) -> VisitAction {
    definitions = [:]
    return .continue
  }

  func enter(variableDefinition: VariableDefinition) -> VisitAction {
    definitions[variableDefinition.variable.name.value] = variableDefinition
    return .continue
  }

  func leave(operation: OperationDefinition) {
    let schema = context.schema
    for usage in context.recursiveVariableUsages(operation) {
      let name = usage.node.name.value
      guard let definition = definitions[name], let locationType = usage.type,
        let variableType = typeFromAST(schema: schema, definition.type)
      else { continue }
      if !allowed(variableType, definition.defaultValue, locationType, usage.defaultValue) {
        context.report(
          "Variable \"$\(name)\" of type \"\(variableType)\" used in position expecting type \"\(locationType)\".",
          [definition, usage.node])
      }
    }
  }

  private func allowed(
    _ variableType: GraphQLType, _ variableDefault: Value?, _ locationType: GraphQLType,
    _ locationDefault: JSONValue?
  ) -> Bool {
    if case .nonNull(let nullableLocation) = locationType, !variableType.isNonNull {
      var hasNonNullVariableDefault = false
      if let variableDefault {
        if case .null = variableDefault {} else { hasNonNullVariableDefault = true }
      }
      if !hasNonNullVariableDefault && locationDefault == nil { return false }
      return context.schema.isTypeSubType(variableType, of: nullableLocation)
    }
    return context.schema.isTypeSubType(variableType, of: locationType)
  }
}
