/// Executable Definitions: a document sent for execution holds only operations and
/// fragments.
///
/// See https://spec.graphql.org/September2025/#sec-Executable-Definitions
final class ExecutableDefinitionsRule: ValidationRule {
  private let context: ValidationContext
  init(context: ValidationContext) { self.context = context }

  func enter(document: Document) -> VisitAction {
    for definition in document.definitions where !definition.isExecutable {
      let name: String
      switch definition {
      case .schema, .schemaExtension: name = "schema"
      case .type(let node): name = "\"\(node.name.value)\""
      case .typeExtension(let node): name = "\"\(node.name.value)\""
      case .directive(let node): name = "\"\(node.name.value)\""
      case .operation, .fragment: continue
      }
      context.report("The \(name) definition is not executable.", [definition])
    }
    return .continue
  }
}
