/// Known type names: every type named in a document (variables, fragment conditions)
/// exists in the schema.
///
/// See https://spec.graphql.org/September2025/#sec-Fragment-Spread-Type-Existence and
/// https://spec.graphql.org/September2025/#sec-Variables-Are-Input-Types
final class KnownTypeNamesRule: ValidationRule {
  private let context: ValidationContext
  private var definedTypes = Set<String>()
  private var typeNames: [String] = []
  private static let standardTypeNames =
    GraphQLNamedType.specifiedScalars.map(\.name) + [
      "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue",
      "__EnumValue", "__TypeKind",
    ]

  init(context: ValidationContext) {
    self.context = context
    var defined: [String] = []
    for case .type(let node) in context.document.definitions {
      definedTypes.insert(node.name.value)
      defined.append(node.name.value)
    }
    typeNames = context.schema.types.keys + defined
  }

  func enter(namedType: NamedType, inTypeSystem: Bool) -> VisitAction {
    let name = namedType.name.value
    guard context.schema.type(named: name) == nil, !definedTypes.contains(name) else {
      return .continue
    }
    if inTypeSystem && Self.standardTypeNames.contains(name) { return .continue }
    let options = inTypeSystem ? Self.standardTypeNames + typeNames : typeNames
    context.report(
      "Unknown type \"\(name)\"."
        + SuggestionList.didYouMean(SuggestionList.suggestions(for: name, options: options)),
      [namedType])
    return .continue
  }
}
