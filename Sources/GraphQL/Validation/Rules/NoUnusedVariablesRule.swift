/// All Variables Used: every variable an operation defines is used, directly or through
/// fragments.
///
/// See https://spec.graphql.org/September2025/#sec-All-Variables-Used
final class NoUnusedVariablesRule: ValidationRule {
  private let context: ValidationContext
  private var definitions: [VariableDefinition] = []
  init(context: ValidationContext) { self.context = context }

  func enter(operation: OperationDefinition) -> VisitAction {
    definitions = []
    return .continue
  }

  func enter(variableDefinition: VariableDefinition) -> VisitAction {
    definitions.append(variableDefinition)
    return .continue
  }

  func leave(operation: OperationDefinition) {
    let used = Set(context.recursiveVariableUsages(operation).map(\.node.name.value))
    for definition in definitions where !used.contains(definition.variable.name.value) {
      let name = definition.variable.name.value
      let message =
        operation.name.map { "Variable \"$\(name)\" is never used in operation \"\($0.value)\"." }
        ?? "Variable \"$\(name)\" is never used."
      context.report(message, [definition])
    }
  }
}
