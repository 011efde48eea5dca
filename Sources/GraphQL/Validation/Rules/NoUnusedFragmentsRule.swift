/// Fragments Must Be Used: every fragment is spread by some operation.
///
/// See https://spec.graphql.org/September2025/#sec-Fragments-Must-Be-Used
final class NoUnusedFragmentsRule: ValidationRule {
  private let context: ValidationContext
  private var operations: [OperationDefinition] = []
  private var fragments: [FragmentDefinition] = []
  init(context: ValidationContext) { self.context = context }

  func enter(operation: OperationDefinition) -> VisitAction {
    operations.append(operation)
    return .skip
  }

  func enter(fragmentDefinition: FragmentDefinition) -> VisitAction {
    fragments.append(fragmentDefinition)
    return .skip
  }

  func leave(document: Document) {
    var used = Set<String>()
    for operation in operations {
      for fragment in context.recursivelyReferencedFragments(operation) {
        used.insert(fragment.name.value)
      }
    }
    for fragment in fragments where !used.contains(fragment.name.value) {
      context.report("Fragment \"\(fragment.name.value)\" is never used.", [fragment])
    }
  }
}
