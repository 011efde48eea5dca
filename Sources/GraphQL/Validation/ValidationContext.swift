/// What validation rules share: the schema, the document, the errors so far, and the
/// types in scope at the node being visited (graphql-js's `ValidationContext` and
/// `TypeInfo` in one).
///
/// See https://spec.graphql.org/September2025/#sec-Validation
final class ValidationContext {
  let schema: GraphQLSchema
  let document: Document
  let source: Source
  let maxErrors: Int
  /// Field comparisons the overlapping-fields rule may make before giving up.
  let overlapComparisonBudget: Int

  private(set) var errors: [GraphQLError] = []
  /// Set once `maxErrors` is reached: the walk stops.
  private(set) var isAborted = false

  let fragments: [String: FragmentDefinition]
  private var fragmentSpreadsCache: [Int: [FragmentSpread]] = [:]
  private var referencedFragmentsCache: [Int: [FragmentDefinition]] = [:]
  /// Variable usages per operation or fragment (by the definition's start offset).
  var variableUsages: [Int: [VariableUsage]] = [:]

  // MARK: - Type info stacks

  var typeStack: [GraphQLType?] = []
  var parentTypeStack: [GraphQLNamedType?] = []
  var inputTypeStack: [GraphQLType?] = []
  var fieldDefinitionStack: [GraphQLField?] = []
  var defaultValueStack: [JSONValue?] = []
  var currentDirective: GraphQLDirective?
  var currentArgument: GraphQLInputValue?

  init(
    schema: GraphQLSchema, document: Document, source: Source, maxErrors: Int,
    overlapComparisonBudget: Int
  ) {
    self.schema = schema
    self.document = document
    self.source = source
    self.maxErrors = maxErrors
    self.overlapComparisonBudget = overlapComparisonBudget
    var fragments: [String: FragmentDefinition] = [:]
    for case .fragment(let fragment) in document.definitions
    where fragments[fragment.name.value] == nil {
      fragments[fragment.name.value] = fragment
    }
    self.fragments = fragments
  }

  /// Records an error; at `maxErrors` adds graphql-js's "Too many validation errors" and
  /// stops the walk.
  func report(_ message: String, _ nodes: [any Node]) {
    guard !isAborted else { return }
    report(lineTable.error(message, nodes: nodes))
  }

  /// Line starts of the document, for locating errors.
  private(set) lazy var lineTable = LineTable(source)

  /// Records an error that already has its locations.
  func report(_ error: GraphQLError) {
    guard !isAborted else { return }
    if errors.count >= maxErrors {
      errors.append(
        GraphQLError(
          message: "Too many validation errors, error limit reached. Validation aborted."))
      isAborted = true
      return
    }
    errors.append(error)
  }

  // MARK: - Type info

  /// The output type of the current field or fragment.
  var type: GraphQLType? { typeStack.last ?? nil }
  /// The composite type whose selection set is being visited.
  var parentType: GraphQLNamedType? { parentTypeStack.last ?? nil }
  /// The input type expected at the current value.
  var inputType: GraphQLType? { inputTypeStack.last ?? nil }
  /// The input type of the value containing the current one.
  var parentInputType: GraphQLType? {
    inputTypeStack.count >= 2 ? inputTypeStack[inputTypeStack.count - 2] : nil
  }
  /// The definition of the current field.
  var fieldDefinition: GraphQLField? { fieldDefinitionStack.last ?? nil }

  // MARK: - Fragments

  func fragment(named name: String) -> FragmentDefinition? { fragments[name] }

  /// The fragment spreads directly in a selection set (including inside inline fragments).
  func fragmentSpreads(_ selectionSet: SelectionSet) -> [FragmentSpread] {
    if selectionSet.loc != .none, let cached = fragmentSpreadsCache[selectionSet.loc.start] {
      return cached
    }
    var spreads: [FragmentSpread] = []
    var stack = [selectionSet]
    while let set = stack.popLast() {
      for selection in set.selections {
        switch selection {
        case .fragmentSpread(let spread): spreads.append(spread)
        case .inlineFragment(let fragment): stack.append(fragment.selectionSet)
        case .field(let field): if let sub = field.selectionSet { stack.append(sub) }
        }
      }
    }
    if selectionSet.loc != .none { fragmentSpreadsCache[selectionSet.loc.start] = spreads }
    return spreads
  }

  /// Every fragment an operation reaches through spreads, each once.
  func recursivelyReferencedFragments(_ operation: OperationDefinition) -> [FragmentDefinition] {
    if let cached = referencedFragmentsCache[operation.loc.start] { return cached }
    var result: [FragmentDefinition] = []
    var collected = Set<String>()
    var toVisit = [operation.selectionSet]
    while let set = toVisit.popLast() {
      for spread in fragmentSpreads(set) {
        let name = spread.name.value
        guard collected.insert(name).inserted, let fragment = fragments[name] else { continue }
        result.append(fragment)
        toVisit.append(fragment.selectionSet)
      }
    }
    referencedFragmentsCache[operation.loc.start] = result
    return result
  }

  /// The variable usages of an operation and every fragment it reaches.
  func recursiveVariableUsages(_ operation: OperationDefinition) -> [VariableUsage] {
    var usages = variableUsages[operation.loc.start] ?? []
    for fragment in recursivelyReferencedFragments(operation) {
      usages += variableUsages[fragment.loc.start] ?? []
    }
    return usages
  }
}

/// A variable used somewhere, with the type and default value of that position.
struct VariableUsage {
  let node: Variable
  let type: GraphQLType?
  /// The default of the argument or input field the variable fills; `nil` when there is
  /// none (`.some(nil)` never occurs: an absent default is `nil`).
  let defaultValue: JSONValue?
}
