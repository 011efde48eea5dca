/// Fragment spread is possible: a fragment's type can overlap the type it is spread in.
///
/// See https://spec.graphql.org/September2025/#sec-Fragment-spread-is-possible
final class PossibleFragmentSpreadsRule: ValidationRule {
  private let context: ValidationContext
  init(context: ValidationContext) { self.context = context }

  func enter(inlineFragment: InlineFragment) -> VisitAction {
    if let fragmentType = context.type?.namedType, fragmentType.kind.isComposite,
      let parentType = context.parentType,
      !context.schema.typesOverlap(fragmentType, parentType)
    {
      context.report(
        "Fragment cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragmentType.name)\".",
        [inlineFragment])
    }
    return .continue
  }

  func enter(fragmentSpread: FragmentSpread) -> VisitAction {
    let name = fragmentSpread.name.value
    if let fragment = context.fragment(named: name),
      let fragmentType = context.schema.type(named: fragment.typeCondition.name.value),
      fragmentType.kind.isComposite, let parentType = context.parentType,
      !context.schema.typesOverlap(fragmentType, parentType)
    {
      context.report(
        "Fragment \"\(name)\" cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragmentType.name)\".",
        [fragmentSpread])
    }
    return .continue
  }
}
