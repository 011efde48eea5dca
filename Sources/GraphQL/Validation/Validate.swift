/// Validates an executable document against a schema with the spec's rules (graphql-js's
/// `specifiedRules`, plus `MaxIntrospectionDepthRule`) and answers the errors in the order
/// graphql-js reports them.
///
/// For example:
/// ```swift
/// let source = Source("{ dog { nam } }")
/// let errors = validate(schema: schema, document: try parse(source), source: source)
/// // [Cannot query field "nam" on type "Dog". Did you mean "name"? (1:9)]
/// ```
///
/// - Parameters:
///   - maxErrors: stop after this many errors (graphql-js's default 100), adding
///     "Too many validation errors, error limit reached. Validation aborted.".
///   - overlapComparisonBudget: how many field pairs the overlapping-fields rule may
///     compare before it reports the document as too complex (bounded work on hostile input).
///
/// See https://spec.graphql.org/September2025/#sec-Validation
public func validate(
  schema: GraphQLSchema, document: Document, source: Source, maxErrors: Int = 100,
  overlapComparisonBudget: Int = 100_000
) -> [GraphQLError] {
  validate(
    schema: schema, document: document, source: source, rules: SpecifiedRules.all,
    maxErrors: maxErrors, overlapComparisonBudget: overlapComparisonBudget)
}

/// Validates with a chosen list of rules (each a rule type from ``SpecifiedRules``).
func validate(
  schema: GraphQLSchema, document: Document, source: Source,
  rules: [any ValidationRule.Type], maxErrors: Int = 100,
  overlapComparisonBudget: Int = OverlappingFieldsCanBeMergedRule.defaultComparisonBudget
) -> [GraphQLError] {
  let context = ValidationContext(
    schema: schema, document: document, source: source, maxErrors: maxErrors,
    overlapComparisonBudget: overlapComparisonBudget)
  // A first walk records each definition's variable usages with their expected types.
  var usageWalker = DocumentWalker(
    context: context, rules: [VariableUsageCollector(context: context)])
  usageWalker.walk(document)
  var walker = DocumentWalker(context: context, rules: rules.map { $0.init(context: context) })
  walker.walk(document)
  return context.errors
}

/// Records where variables are used and what type each position expects.
final class VariableUsageCollector: ValidationRule {
  private let context: ValidationContext
  private var current: Int?

  init(context: ValidationContext) { self.context = context }

  func enter(operation: OperationDefinition) -> VisitAction {
    current = operation.loc.start
    context.variableUsages[operation.loc.start] = []
    return .continue
  }

  func enter(fragmentDefinition: FragmentDefinition) -> VisitAction {
    current = fragmentDefinition.loc.start
    if context.variableUsages[fragmentDefinition.loc.start] == nil {
      context.variableUsages[fragmentDefinition.loc.start] = []
    }
    return .continue
  }

  func enter(variableDefinition: VariableDefinition) -> VisitAction { .skip }

  func enter(value: Value) -> VisitAction {
    if case .variable(let variable) = value, let current {
      let defaultValue: JSONValue? = context.defaultValueStack.last.flatMap { $0 }
      context.variableUsages[current, default: []].append(
        VariableUsage(node: variable, type: context.inputType, defaultValue: defaultValue))
    }
    return .continue
  }
}
