/// Directives applied in SDL: checked as graphql-js's SDL rules check them, and read for
/// `@deprecated` and `@specifiedBy`.
///
/// See https://spec.graphql.org/September2025/#sec-Type-System.Directives
extension SchemaBuilder {
  /// What the SDL may use of a directive: where, which arguments (the required ones with
  /// their type as written), and whether it may repeat.
  struct DirectiveUse {
    let locations: [DirectiveLocation]
    let arguments: [String]
    let required: [(name: String, type: String)]
    let isRepeatable: Bool
  }

  var knownDirectives: [String: DirectiveUse] {
    var known: [String: DirectiveUse] = [:]
    for directive in GraphQLDirective.specified {
      known[directive.name] = DirectiveUse(
        locations: directive.locations, arguments: directive.arguments.map(\.name),
        required: directive.arguments.filter { $0.type.isNonNull && $0.defaultValue == nil }
          .map { ($0.name, $0.type.description) },
        isRepeatable: directive.isRepeatable)
    }
    for case .directive(let node) in document.definitions {
      known[node.name.value] = DirectiveUse(
        locations: node.locations.compactMap { DirectiveLocation(rawValue: $0.value) },
        arguments: node.arguments.map(\.name.value),
        required: node.arguments.filter {
          if case .nonNull = $0.type { return $0.defaultValue == nil }
          return false
        }.map { ($0.name.value, printTypeReference($0.type)) },
        isRepeatable: node.repeatable)
    }
    return known
  }

  /// graphql-js's SDL rules for applied directives: known, at a valid location, unique
  /// unless repeatable, with known and required arguments.
  mutating func validateDirectives(_ directives: [Directive], location: DirectiveLocation) {
    guard !directives.isEmpty else { return }
    let known = knownDirectives
    var seen: [String: Directive] = [:]
    for directive in directives {
      let name = directive.name.value
      guard let use = known[name] else {
        fail("Unknown directive \"@\(name)\".", [directive])
        continue
      }
      if !use.locations.contains(location) {
        fail("Directive \"@\(name)\" may not be used on \(location.rawValue).", [directive])
      }
      if !use.isRepeatable {
        if let previous = seen[name] {
          fail(
            "The directive \"@\(name)\" can only be used once at this location.",
            [previous, directive])
        } else {
          seen[name] = directive
        }
      }
      for argument in directive.arguments where !use.arguments.contains(argument.name.value) {
        fail(
          "Unknown argument \"\(argument.name.value)\" on directive \"@\(name)\"."
            + SuggestionList.didYouMean(
              SuggestionList.suggestions(for: argument.name.value, options: use.arguments)),
          [argument])
      }
      let provided = Set(directive.arguments.map(\.name.value))
      for argument in use.required where !provided.contains(argument.name) {
        fail(
          "Directive \"@\(name)\" argument \"\(argument.name)\" of type \"\(argument.type)\" is required, but it was not provided.",
          [directive])
      }
    }
  }

  func directiveArgument(_ directives: [Directive], _ name: String, _ argument: String)
    -> JSONValue?
  {
    guard let directive = directives.first(where: { $0.name.value == name }) else { return nil }
    guard let value = directive.arguments.first(where: { $0.name.value == argument })?.value else {
      return nil
    }
    return ValueFromAST.untyped(value, variables: nil)
  }

  func deprecationReason(_ directives: [Directive]) -> String? {
    guard directives.contains(where: { $0.name.value == "deprecated" }) else { return nil }
    return directiveArgument(directives, "deprecated", "reason")?.stringValue
      ?? GraphQLDirective.defaultDeprecationReason
  }
}
