/// Input Object Field Uniqueness: an input object literal gives each field once.
///
/// See https://spec.graphql.org/September2025/#sec-Input-Object-Field-Uniqueness
final class UniqueInputFieldNamesRule: ValidationRule {
  private let context: ValidationContext
  private var stack: [[String: Name]] = []
  private var known: [String: Name] = [:]
  init(context: ValidationContext) { self.context = context }

  func enter(value: Value) -> VisitAction {
    if case .object = value {
      stack.append(known)
      known = [:]
    }
    return .continue
  }

  func leave(value: Value) {
    if case .object = value { known = stack.popLast() ?? [:] }
  }

  func enter(objectField: ObjectField) -> VisitAction {
    let name = objectField.name.value
    if let previous = known[name] {
      context.report(
        "There can be only one input field named \"\(name)\".", [previous, objectField.name])
    } else {
      known[name] = objectField.name
    }
    return .continue
  }
}
