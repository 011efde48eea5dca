/// Variables Are Input Types: variables are scalars, enums or input objects.
///
/// See https://spec.graphql.org/September2025/#sec-Variables-Are-Input-Types
final class VariablesAreInputTypesRule: ValidationRule {
  private let context: ValidationContext
  init(context: ValidationContext) { self.context = context }

  func enter(variableDefinition: VariableDefinition) -> VisitAction {
    if let type = typeFromAST(schema: context.schema, variableDefinition.type), !type.isInputType {
      context.report(
        "Variable \"$\(variableDefinition.variable.name.value)\" cannot be non-input type \"\(printTypeReference(variableDefinition.type))\".",
        [variableDefinition.type])
    }
    return .continue
  }
}
