/// Required Arguments: every required argument (non-null, no default) is given.
///
/// See https://spec.graphql.org/September2025/#sec-Required-Arguments
final class ProvidedRequiredArgumentsRule: ValidationRule {
  private let context: ValidationContext
  /// Required arguments of each directive: name and type as printed.
  private var requiredDirectiveArguments: [String: [(name: String, type: String)]] = [:]

  init(context: ValidationContext) {
    self.context = context
    for directive in context.schema.directives {
      requiredDirectiveArguments[directive.name] = directive.arguments
        .filter { $0.type.isNonNull && $0.defaultValue == nil }
        .map { ($0.name, $0.type.description) }
    }
    for case .directive(let node) in context.document.definitions {
      requiredDirectiveArguments[node.name.value] = node.arguments.filter {
        if case .nonNull = $0.type { return $0.defaultValue == nil }
        return false
      }.map { ($0.name.value, printTypeReference($0.type)) }
    }
  }

  func leave(field: Field) {
    guard let definition = context.fieldDefinition else { return }
    let provided = Set(field.arguments.map(\.name.value))
    for argument in definition.arguments
    where !provided.contains(argument.name) && argument.type.isNonNull
      && argument.defaultValue == nil
    {
      context.report(
        "Field \"\(definition.name)\" argument \"\(argument.name)\" of type \"\(argument.type)\" is required, but it was not provided.",
        [field])
    }
  }

  func leave(directive: Directive) {
    guard let required = requiredDirectiveArguments[directive.name.value] else { return }
    let provided = Set(directive.arguments.map(\.name.value))
    for argument in required where !provided.contains(argument.name) {
      context.report(
        "Directive \"@\(directive.name.value)\" argument \"\(argument.name)\" of type \"\(argument.type)\" is required, but it was not provided.",
        [directive])
    }
  }
}
