/// Variable Uniqueness: an operation defines each variable once.
///
/// See https://spec.graphql.org/September2025/#sec-Variable-Uniqueness
final class UniqueVariableNamesRule: ValidationRule {
  private let context: ValidationContext
  init(context: ValidationContext) { self.context = context }

  func enter(operation: OperationDefinition) -> VisitAction {
    var groups = OrderedDictionary<String, [Name]>()
    for definition in operation.variableDefinitions {
      groups.modify(definition.variable.name.value, default: []) {
        $0.append(definition.variable.name)
      }
    }
    for (index, name) in groups.keys.enumerated() where groups.values[index].count > 1 {
      context.report("There can be only one variable named \"$\(name)\".", groups.values[index])
    }
    return .continue
  }
}
