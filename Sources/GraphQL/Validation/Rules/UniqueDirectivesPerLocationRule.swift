/// Directives Are Unique Per Location: a non-repeatable directive appears at most once on
/// a node (for types, across the definition and its extensions).
///
/// See https://spec.graphql.org/September2025/#sec-Directives-Are-Unique-Per-Location
final class UniqueDirectivesPerLocationRule: ValidationRule {
  private let context: ValidationContext
  private var unique: [String: Bool] = [:]
  private var schemaDirectives: [String: Directive] = [:]
  private var typeDirectives: [String: [String: Directive]] = [:]

  init(context: ValidationContext) {
    self.context = context
    for directive in context.schema.directives { unique[directive.name] = !directive.isRepeatable }
    for case .directive(let node) in context.document.definitions {
      unique[node.name.value] = !node.repeatable
    }
  }

  func enter(directives: [Directive], owner: DirectiveOwner) {
    var seen: [String: Directive]
    switch owner {
    case .schema: seen = schemaDirectives
    case .type(let name): seen = typeDirectives[name] ?? [:]
    case .other: seen = [:]
    }
    for directive in directives {
      let name = directive.name.value
      guard unique[name] == true else { continue }
      if let previous = seen[name] {
        context.report(
          "The directive \"@\(name)\" can only be used once at this location.",
          [previous, directive])
      } else {
        seen[name] = directive
      }
    }
    switch owner {
    case .schema: schemaDirectives = seen
    case .type(let name): typeDirectives[name] = seen
    case .other: break
    }
  }
}
