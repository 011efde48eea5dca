/// All Variable Uses Defined: every variable used, directly or through fragments, is
/// defined by the operation.
///
/// See https://spec.graphql.org/September2025/#sec-All-Variable-Uses-Defined
final class NoUndefinedVariablesRule: ValidationRule {
  private let context: ValidationContext
  private var defined = Set<String>()
  init(context: ValidationContext) { self.context = context }

  func enter(operation: OperationDefinition) -> VisitAction {
    defined = []
    return .continue
  }

  func enter(variableDefinition: VariableDefinition) -> VisitAction {
    defined.insert(variableDefinition.variable.name.value)
    return .continue
  }

  func leave(operation: OperationDefinition) {
    for usage in context.recursiveVariableUsages(operation) {
      let name = usage.node.name.value
      guard !defined.contains(name) else { continue }
      let message =
        operation.name.map { "Variable \"$\(name)\" is not defined by operation \"\($0.value)\"." }
        ?? "Variable \"$\(name)\" is not defined."
      context.report(message, [usage.node, operation])
    }
  }
}
