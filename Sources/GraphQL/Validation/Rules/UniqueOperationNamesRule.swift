/// Operation Name Uniqueness: each named operation is the only one with its name.
///
/// See https://spec.graphql.org/September2025/#sec-Operation-Name-Uniqueness
final class UniqueOperationNamesRule: ValidationRule {
  private let context: ValidationContext
  private var known: [String: Name] = [:]
  init(context: ValidationContext) { self.context = context }

  func enter(operation: OperationDefinition) -> VisitAction {
    if let name = operation.name {
      if let previous = known[name.value] {
        context.report(
          "There can be only one operation named \"\(name.value)\".", [previous, name])
      } else {
        known[name.value] = name
      }
    }
    return .skip
  }

  func enter(fragmentDefinition: FragmentDefinition) -> VisitAction { .skip }
}
