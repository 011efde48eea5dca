/// Fragments On Composite Types: fragments condition on objects, interfaces or unions.
///
/// See https://spec.graphql.org/September2025/#sec-Fragments-On-Composite-Types
final class FragmentsOnCompositeTypesRule: ValidationRule {
  private let context: ValidationContext
  init(context: ValidationContext) { self.context = context }

  func enter(inlineFragment: InlineFragment) -> VisitAction {
    if let condition = inlineFragment.typeCondition,
      let type = context.schema.type(named: condition.name.value), !type.kind.isComposite
    {
      context.report(
        "Fragment cannot condition on non composite type \"\(condition.name.value)\".", [condition])
    }
    return .continue
  }

  func enter(fragmentDefinition: FragmentDefinition) -> VisitAction {
    let condition = fragmentDefinition.typeCondition
    if let type = context.schema.type(named: condition.name.value), !type.kind.isComposite {
      context.report(
        "Fragment \"\(fragmentDefinition.name.value)\" cannot condition on non composite type \"\(condition.name.value)\".",
        [condition])
    }
    return .continue
  }
}
