/// Single Root Field: a subscription selects exactly one root field, and not an
/// introspection field.
///
/// See https://spec.graphql.org/September2025/#sec-Single-Root-Field
final class SingleFieldSubscriptionsRule: ValidationRule {
  private let context: ValidationContext
  init(context: ValidationContext) { self.context = context }

  func enter(operation: OperationDefinition) -> VisitAction {
    guard operation.operation == .subscription,
      let subscriptionType = context.schema.subscriptionType
    else { return .continue }
    let collector = FieldCollector(
      schema: context.schema, fragments: context.fragments, variables: JSONObject(),
      source: context.source)
    var fields = OrderedDictionary<String, [Field]>()
    var visited = Set<String>()
    collector.collectFields(
      objectType: subscriptionType, selectionSet: operation.selectionSet, into: &fields,
      visitedFragments: &visited)
    let name = operation.name?.value
    if fields.count > 1 {
      let extra = fields.values.dropFirst().flatMap { $0 }
      context.report(
        name.map { "Subscription \"\($0)\" must select only one top level field." }
          ?? "Anonymous Subscription must select only one top level field.", extra)
    }
    for nodes in fields.values where nodes[0].name.value.hasPrefix("__") {
      context.report(
        name.map { "Subscription \"\($0)\" must not select an introspection top level field." }
          ?? "Anonymous Subscription must not select an introspection top level field.", nodes)
    }
    return .continue
  }
}
