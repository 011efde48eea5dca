/// Directives Are Defined, and Directives Are In Valid Locations.
///
/// See https://spec.graphql.org/September2025/#sec-Directives-Are-Defined and
/// https://spec.graphql.org/September2025/#sec-Directives-Are-In-Valid-Locations
final class KnownDirectivesRule: ValidationRule {
  private let context: ValidationContext
  private var locations: [String: [String]] = [:]

  init(context: ValidationContext) {
    self.context = context
    for directive in context.schema.directives {
      locations[directive.name] = directive.locations.map(\.rawValue)
    }
    for case .directive(let node) in context.document.definitions {
      locations[node.name.value] = node.locations.map(\.value)
    }
  }

  func enter(directive: Directive, location: DirectiveLocation?) -> VisitAction {
    let name = directive.name.value
    guard let allowed = locations[name] else {
      context.report("Unknown directive \"@\(name)\".", [directive])
      return .continue
    }
    if let location, !allowed.contains(location.rawValue) {
      context.report("Directive \"@\(name)\" may not be used on \(location.rawValue).", [directive])
    }
    return .continue
  }
}
