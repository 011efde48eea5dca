/// Argument Uniqueness: a field or directive is given each argument once.
///
/// See https://spec.graphql.org/September2025/#sec-Argument-Uniqueness
final class UniqueArgumentNamesRule: ValidationRule {
  private let context: ValidationContext
  init(context: ValidationContext) { self.context = context }

  func enter(field: Field) -> VisitAction {
    check(field.arguments)
    return .continue
  }

  func enter(directive: Directive, location: DirectiveLocation?) -> VisitAction {
    check(directive.arguments)
    return .continue
  }

  private func check(_ arguments: [Argument]) {
    guard arguments.count > 1 else { return }
    var groups = OrderedDictionary<String, [Name]>()
    for argument in arguments {
      groups.modify(argument.name.value, default: []) { $0.append(argument.name) }
    }
    for (index, name) in groups.keys.enumerated() where groups.values[index].count > 1 {
      context.report("There can be only one argument named \"\(name)\".", groups.values[index])
    }
  }
}
