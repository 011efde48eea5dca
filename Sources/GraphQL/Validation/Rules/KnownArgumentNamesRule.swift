/// Argument Names: every argument is defined by its field or directive.
///
/// See https://spec.graphql.org/September2025/#sec-Argument-Names
final class KnownArgumentNamesRule: ValidationRule {
  private let context: ValidationContext
  private var directiveArguments: [String: [String]] = [:]

  init(context: ValidationContext) {
    self.context = context
    for directive in context.schema.directives {
      directiveArguments[directive.name] = directive.arguments.map(\.name)
    }
    for case .directive(let node) in context.document.definitions {
      directiveArguments[node.name.value] = node.arguments.map(\.name.value)
    }
  }

  func enter(directive: Directive, location: DirectiveLocation?) -> VisitAction {
    let name = directive.name.value
    if let known = directiveArguments[name] {
      for argument in directive.arguments where !known.contains(argument.name.value) {
        let suggestions = SuggestionList.suggestions(for: argument.name.value, options: known)
        context.report(
          "Unknown argument \"\(argument.name.value)\" on directive \"@\(name)\"."
            + SuggestionList.didYouMean(suggestions), [argument])
      }
    }
    return .skip
  }

  func enter(argument: Argument) -> VisitAction {
    if context.currentArgument == nil, let field = context.fieldDefinition,
      let parentType = context.parentType
    {
      let name = argument.name.value
      let suggestions = SuggestionList.suggestions(for: name, options: field.arguments.map(\.name))
      context.report(
        "Unknown argument \"\(name)\" on field \"\(parentType.name).\(field.name)\"."
          + SuggestionList.didYouMean(suggestions), [argument])
    }
    return .continue
  }
}
