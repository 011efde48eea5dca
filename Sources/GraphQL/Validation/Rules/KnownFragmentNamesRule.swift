/// Fragment spread target defined: every spread names a fragment of the document.
///
/// See https://spec.graphql.org/September2025/#sec-Fragment-spread-target-defined
final class KnownFragmentNamesRule: ValidationRule {
  private let context: ValidationContext
  init(context: ValidationContext) { self.context = context }

  func enter(fragmentSpread: FragmentSpread) -> VisitAction {
    if context.fragment(named: fragmentSpread.name.value) == nil {
      context.report("Unknown fragment \"\(fragmentSpread.name.value)\".", [fragmentSpread.name])
    }
    return .continue
  }
}
