/// Leaf Field Selections: leaves have no selection set, composite fields must have one.
///
/// See https://spec.graphql.org/September2025/#sec-Leaf-Field-Selections
final class ScalarLeafsRule: ValidationRule {
  private let context: ValidationContext
  init(context: ValidationContext) { self.context = context }

  func enter(field: Field) -> VisitAction {
    guard let type = context.type else { return .continue }
    let name = field.name.value
    if type.namedType.kind.isLeaf {
      if let selectionSet = field.selectionSet {
        context.report(
          "Field \"\(name)\" must not have a selection since type \"\(type)\" has no subfields.",
          [selectionSet])
      }
    } else if field.selectionSet == nil {
      context.report(
        "Field \"\(name)\" of type \"\(type)\" must have a selection of subfields. Did you mean \"\(name) { ... }\"?",
        [field])
    }
    return .continue
  }
}
