/// Lone Anonymous Operation: an anonymous operation must be the document's only operation.
///
/// See https://spec.graphql.org/September2025/#sec-Lone-Anonymous-Operation
final class LoneAnonymousOperationRule: ValidationRule {
  private let context: ValidationContext
  private var operationCount = 0
  init(context: ValidationContext) { self.context = context }

  func enter(document: Document) -> VisitAction {
    operationCount =
      document.definitions.filter {
        if case .operation = $0 { return true }
        return false
      }.count
    return .continue
  }

  func enter(operation: OperationDefinition) -> VisitAction {
    if operation.name == nil && operationCount > 1 {
      context.report("This anonymous operation must be the only defined operation.", [operation])
    }
    return .continue
  }
}
