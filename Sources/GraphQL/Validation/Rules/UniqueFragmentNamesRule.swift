/// Fragment Name Uniqueness: each fragment name is defined once.
///
/// See https://spec.graphql.org/September2025/#sec-Fragment-Name-Uniqueness
final class UniqueFragmentNamesRule: ValidationRule {
  private let context: ValidationContext
  private var known: [String: Name] = [:]
  init(context: ValidationContext) { self.context = context }

  func enter(operation: OperationDefinition) -> VisitAction { .skip }

  func enter(fragmentDefinition: FragmentDefinition) -> VisitAction {
    let name = fragmentDefinition.name
    if let previous = known[name.value] {
      context.report("There can be only one fragment named \"\(name.value)\".", [previous, name])
    } else {
      known[name.value] = name
    }
    return .skip
  }
}
