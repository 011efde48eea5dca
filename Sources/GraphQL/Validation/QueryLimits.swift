/// Limits on what one request may ask for, checked after validation and before execution,
/// so that hostile documents are answered with a clear error and bounded work.
///
/// - `maxDepth`: nesting of fields (through fragments); the standard introspection query
///   needs 13, the default allows 20.
/// - `maxAliases`: aliased fields, counted as executed (a fragment spread twice counts
///   its aliases twice), against alias bombs.
/// - `maxCost`: an estimate of the fields that will resolve: each field costs one,
///   multiplied by the sizes of the lists above it; a list's size is its `first`
///   argument when given, otherwise `defaultListSize` (Relay's `edges`/`nodes` under a
///   field with `first` count as one, since `first` already bounds them).
/// - `maxFirst`: the largest `first` argument accepted.
/// - `maxTokens`: the parser's token limit for the document.
///
/// See https://spec.graphql.org/September2025/#sec-Security-Considerations (the spec leaves
/// limits to services) and DESIGN.md's limits section.
public struct QueryLimits: Sendable, Hashable {
  public var maxDepth: Int
  public var maxAliases: Int
  public var maxCost: Int
  public var defaultListSize: Int
  public var maxFirst: Int?
  public var maxTokens: Int

  /// The defaults of DESIGN.md: depth 20, 100 aliases, cost 200,000, lists of 10, `first`
  /// at most 500, 15,000 tokens.
  public init(
    maxDepth: Int = 20, maxAliases: Int = 100, maxCost: Int = 200_000, defaultListSize: Int = 10,
    maxFirst: Int? = 500, maxTokens: Int = 15_000
  ) {
    self.maxDepth = maxDepth
    self.maxAliases = maxAliases
    self.maxCost = maxCost
    self.defaultListSize = defaultListSize
    self.maxFirst = maxFirst
    self.maxTokens = maxTokens
  }

  /// Checks the operation that will run; answers the first limit exceeded, if any.
  ///
  /// The document must have passed validation (no fragment cycles, known fields).
  public func check(
    schema: GraphQLSchema, document: Document, source: Source, operationName: String? = nil,
    variables: JSONObject = JSONObject()
  ) -> [GraphQLError] {
    // A document that passed these limits before without reading a variable passes again
    // (the schema keeps that per document, see ExecutionPlanCache).
    let key = ExecutionPlanCache.LimitKey(limits: self, operationName: operationName)
    if schema.executionPlans.passed(key, for: document) { return [] }
    var fragments: [String: FragmentDefinition] = [:]
    var operations: [OperationDefinition] = []
    for definition in document.definitions {
      switch definition {
      case .operation(let operation): operations.append(operation)
      case .fragment(let fragment): fragments[fragment.name.value] = fragment
      default: break
      }
    }
    let selected = operations.filter { operationName == nil || $0.name?.value == operationName }
    var checker = LimitChecker(
      limits: self, schema: schema, fragments: fragments, source: source, variables: variables)
    for operation in selected {
      let root = schema.rootType(for: operation.operation)
      if let error = checker.check(operation, root: root) { return [error] }
    }
    if !checker.readsVariables {
      schema.executionPlans.recordPassed(key, for: document, bytes: source.body.count)
    }
    return []
  }
}

/// Computes depth, aliases and cost in one pass per operation, memoizing fragments.
struct LimitChecker {
  let limits: QueryLimits
  let schema: GraphQLSchema
  let fragments: [String: FragmentDefinition]
  let source: Source
  let variables: JSONObject

  /// Per fragment and parent list context: (depth, aliases, cost of one instance).
  private var memo: [String: Measure] = [:]
  /// Whether a `first` argument read a variable (the measure then holds for these variables).
  private(set) var readsVariables = false
  private var visiting = Set<String>()
  private var firstError: GraphQLError?
  private var deepestField: Field?

  init(
    limits: QueryLimits, schema: GraphQLSchema, fragments: [String: FragmentDefinition],
    source: Source, variables: JSONObject
  ) {
    self.limits = limits
    self.schema = schema
    self.fragments = fragments
    self.source = source
    self.variables = variables
  }

  struct Measure {
    var depth = 0
    var aliases = 0
    var cost = 0
    var deepest: Field?
  }

  mutating func check(_ operation: OperationDefinition, root: GraphQLNamedType?) -> GraphQLError? {
    let measure = measure(operation.selectionSet, type: root, underFirst: false)
    if let firstError { return firstError }
    if measure.depth > limits.maxDepth {
      let nodes: [any Node] = measure.deepest.map { [$0] } ?? [operation]
      return GraphQLError(
        message:
          "Query depth \(measure.depth) exceeds the maximum depth of \(limits.maxDepth).",
        nodes: nodes, source: source, extensions: ["code": .string("QUERY_TOO_DEEP")])
    }
    if measure.aliases > limits.maxAliases {
      return GraphQLError(
        message:
          "Query uses \(measure.aliases) aliases, more than the maximum of \(limits.maxAliases).",
        nodes: [operation], source: source, extensions: ["code": .string("TOO_MANY_ALIASES")])
    }
    if measure.cost > limits.maxCost {
      return GraphQLError(
        message:
          "Query cost \(measure.cost) exceeds the maximum cost of \(limits.maxCost) (each field counts once per item of the lists above it; lists count their `first` argument or \(limits.defaultListSize)).",
        nodes: [operation], source: source, extensions: ["code": .string("QUERY_TOO_COSTLY")])
    }
    return nil
  }

  private static func add(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : sum
  }

  private static func multiply(_ a: Int, _ b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : product
  }

  private mutating func measure(
    _ selectionSet: SelectionSet, type: GraphQLNamedType?, underFirst: Bool
  )
    -> Measure
  {
    var result = Measure()
    for selection in selectionSet.selections {
      if firstError != nil { return result }
      var part: Measure
      switch selection {
      case .field(let field):
        part = measureField(field, parentType: type, underFirst: underFirst)
      case .inlineFragment(let fragment):
        let conditionType =
          fragment.typeCondition.flatMap { schema.type(named: $0.name.value) } ?? type
        part = measure(fragment.selectionSet, type: conditionType, underFirst: underFirst)
      case .fragmentSpread(let spread):
        let name = spread.name.value
        let key = name + (underFirst ? "#first" : "")
        if let cached = memo[key] {
          part = cached
        } else if visiting.contains(name) {
          part = Measure()
        } else if let fragment = fragments[name] {
          visiting.insert(name)
          part = measure(
            fragment.selectionSet, type: schema.type(named: fragment.typeCondition.name.value),
            underFirst: underFirst)
          visiting.remove(name)
          memo[key] = part
        } else {
          part = Measure()
        }
      }
      if part.depth > result.depth {
        result.depth = part.depth
        result.deepest = part.deepest
      }
      result.aliases = Self.add(result.aliases, part.aliases)
      result.cost = Self.add(result.cost, part.cost)
    }
    return result
  }

  private mutating func measureField(
    _ field: Field, parentType: GraphQLNamedType?, underFirst: Bool
  )
    -> Measure
  {
    var definition: GraphQLField?
    if let parentType {
      definition = DocumentWalker.fieldDefinition(schema, parentType, field.name.value)
    }
    var factor = 1
    var hasFirst = false
    if let first = field.arguments.first(where: { $0.name.value == "first" }) {
      let value: JSONValue?
      if case .variable(let variable) = first.value {
        readsVariables = true
        value = variables[variable.name.value]
      } else {
        value = ValueFromAST.untyped(first.value, variables: variables)
      }
      if let size = value?.intValue {
        if let maxFirst = limits.maxFirst, size > maxFirst {
          firstError = GraphQLError(
            message:
              "Argument \"first\" of field \"\(field.name.value)\" is \(size), more than the maximum of \(maxFirst).",
            nodes: [first], source: source, extensions: ["code": .string("FIRST_TOO_LARGE")])
        }
        factor = max(size, 0)
        hasFirst = true
      }
    }
    if !hasFirst, let type = definition?.type, Self.isList(type) {
      let name = field.name.value
      factor = underFirst && (name == "edges" || name == "nodes") ? 1 : limits.defaultListSize
    }
    var result = Measure(depth: 1, aliases: field.alias == nil ? 0 : 1, cost: 1, deepest: field)
    if let selectionSet = field.selectionSet {
      let sub = measure(
        selectionSet, type: definition?.type.namedType,
        underFirst: hasFirst || (underFirst && factor == 1))
      result.depth = sub.depth + 1
      result.deepest = sub.deepest ?? field
      result.aliases = Self.add(result.aliases, sub.aliases)
      result.cost = Self.add(1, Self.multiply(factor, sub.cost))
    }
    return result
  }

  private static func isList(_ type: GraphQLType) -> Bool {
    if case .list = type.nullable { return true }
    return false
  }
}
