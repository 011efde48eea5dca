/// Maximum introspection depth: an introspection query may nest the list fields of
/// `__Type` (`fields`, `interfaces`, `possibleTypes`, `inputFields`) at most twice, which
/// stops introspection queries built to make the response explode (graphql-js 16.9's
/// `MaxIntrospectionDepthRule`). The walk counts the nodes it visits and gives up (reporting
/// the error) past a budget, since fragments may be reused exponentially often.
///
/// See https://github.com/graphql/graphql-js/pull/4118
final class MaxIntrospectionDepthRule: ValidationRule {
  static let maxListDepth = 3
  static let visitBudget = 100_000
  private let context: ValidationContext
  private var visitedFragments = Set<String>()
  private var visits = 0
  init(context: ValidationContext) { self.context = context }

  func enter(field: Field) -> VisitAction {
    let name = field.name.value
    guard name == "__schema" || name == "__type" else { return .continue }
    visits = 0
    if exceeds(.field(field), depth: 0) {
      context.report("Maximum introspection depth exceeded", [field])
      return .skip
    }
    return .continue
  }

  private func exceeds(_ selection: Selection, depth: Int) -> Bool {
    visits += 1
    if visits > Self.visitBudget { return true }
    var depth = depth
    let selectionSet: SelectionSet?
    switch selection {
    case .fragmentSpread(let spread):
      let name = spread.name.value
      guard !visitedFragments.contains(name), let fragment = context.fragment(named: name) else {
        return false
      }
      visitedFragments.insert(name)
      defer { visitedFragments.remove(name) }
      return fragment.selectionSet.selections.contains { exceeds($0, depth: depth) }
    case .field(let field):
      switch field.name.value {
      case "fields", "interfaces", "possibleTypes", "inputFields":
        depth += 1
        if depth >= Self.maxListDepth { return true }
      default: break
      }
      selectionSet = field.selectionSet
    case .inlineFragment(let fragment):
      selectionSet = fragment.selectionSet
    }
    guard let selectionSet else { return false }
    return selectionSet.selections.contains { exceeds($0, depth: depth) }
  }
}
