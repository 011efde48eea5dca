/// Executes an operation of a validated document against a schema.
///
/// Resolvers are synchronous. Lists of objects are completed field by field across all
/// their items (rather than item by item), so a field with a
/// ``GraphQLField/batchResolve`` resolver is called once per list, at every depth.
/// Errors are reported as a depth-first executor would report them (graphql-js): sorted in
/// that order, and those a depth-first executor would never have reached after a null
/// propagated are left out.
///
/// For example:
/// ```swift
/// let schema = try GraphQLSchema(sdl: "type Query { hello: String }")
/// schema.setResolver("Query", "hello") { _, _, _, _ in "world" }
/// let source = Source("{ hello }")
/// let result = execute(schema: schema, document: try parse(source), source: source)
/// print(result.serialized())  // {"data":{"hello":"world"}}
/// ```
///
/// - Parameters:
///   - operationName: which operation to run when the document has several.
///   - variables: the request's variable values (JSON), coerced here.
///   - rootValue: the `source` of root fields.
///   - context: handed to every resolver (the service passes the principal and a reader).
///
/// See https://spec.graphql.org/September2025/#sec-Execution
public func execute(
  schema: GraphQLSchema, document: Document, source: Source, operationName: String? = nil,
  variables: JSONObject = JSONObject(), rootValue: Any = (), context: Any = ()
) -> ExecutionResult {
  var operation: OperationDefinition?
  var fragments: [String: FragmentDefinition] = [:]
  var operationCount = 0
  for definition in document.definitions {
    switch definition {
    case .operation(let candidate):
      operationCount += 1
      if let operationName {
        if candidate.name?.value == operationName { operation = candidate }
      } else if operation == nil {
        operation = candidate
      }
    case .fragment(let fragment):
      fragments[fragment.name.value] = fragment
    default: break
    }
  }
  guard let operation else {
    if let operationName {
      return ExecutionResult(
        data: nil, errors: [GraphQLError(message: "Unknown operation named \"\(operationName)\".")])
    }
    return ExecutionResult(data: nil, errors: [GraphQLError(message: "Must provide an operation.")])
  }
  if operationName == nil && operationCount > 1 {
    return ExecutionResult(
      data: nil,
      errors: [
        GraphQLError(message: "Must provide operation name if query contains multiple operations.")
      ])
  }
  let coerced: JSONObject
  switch Values.coerceVariableValues(
    schema: schema, definitions: operation.variableDefinitions, inputs: variables, source: source)
  {
  case .success(let values): coerced = values
  case .failure(let errors): return ExecutionResult(data: nil, errors: errors)
  }
  let executor = Executor(
    schema: schema, document: document, fragments: fragments, operation: operation,
    variables: coerced,
    rootValue: rootValue, context: context, source: source)
  return executor.executeOperation()
}

/// The state of one execution: graphql-js's `ExecutionContext` plus the error bookkeeping
/// that keeps field-by-field completion indistinguishable from depth-first completion.
final class Executor {
  let schema: GraphQLSchema
  let fragments: [String: FragmentDefinition]
  let operation: OperationDefinition
  let variables: JSONObject
  let rootValue: Any
  let context: Any
  let source: Source
  let collector: FieldCollector

  private var errors: [(error: GraphQLError, order: [Int])] = []
  /// Lists that failed at an item: a depth-first executor stops there, so errors from
  /// later items are dropped.
  private var truncations: [(list: [Int], index: Int)] = []
  /// Collected fields by type and field nodes: the schema's kept collections for this
  /// document, and those made by this execution.
  private var subfieldCache: ExecutionPlanCache.Collections
  /// The collections made by this execution that read no variable, kept in the schema's
  /// cache when the execution ends.
  private var newCollections: ExecutionPlanCache.Collections = [:]
  /// The document executed (the key of the schema's cache).
  private let document: Document
  /// Dynamic types of object values found to be plain objects (not JSON, not an error, not
  /// an optional), so that later lists of them skip those casts.
  var plainTypes: Set<ObjectIdentifier> = []
  /// The parents typed batch resolvers last cast (shared by every field of a vector).
  let batchParents = BatchParents()
  /// Line starts of the document, for locating errors.
  private lazy var lineTable = LineTable(source)

  init(
    schema: GraphQLSchema, document: Document, fragments: [String: FragmentDefinition],
    operation: OperationDefinition, variables: JSONObject, rootValue: Any, context: Any,
    source: Source
  ) {
    self.schema = schema
    self.document = document
    self.subfieldCache = schema.executionPlans.collections(for: document)
    self.fragments = fragments
    self.operation = operation
    self.variables = variables
    self.rootValue = rootValue
    self.context = context
    self.source = source
    self.collector = FieldCollector(
      schema: schema, fragments: fragments, variables: variables, source: source)
  }

  // MARK: - Operation

  /// See https://spec.graphql.org/September2025/#ExecuteOperation()
  func executeOperation() -> ExecutionResult {
    guard let rootType = schema.rootType(for: operation.operation) else {
      let error = GraphQLError(
        message: "Schema is not configured to execute \(operation.operation.rawValue) operation.",
        nodes: [operation], source: source)
      return ExecutionResult(data: nil, errors: [error])
    }
    let fields = collectFields(
      objectType: rootType, selectionSets: [operation.selectionSet],
      key: operation.loc == .none ? nil : [-1 - operation.loc.start])
    // Mutations run their root fields serially; executeFields completes each field fully
    // before the next, which is serial execution for both operation kinds.
    let results = executeFields(
      objectType: rootType, sources: [rootValue], paths: .root, fields: fields)
    schema.executionPlans.store(newCollections, for: document, bytes: source.body.count)
    return ExecutionResult(data: results[0] ?? .null, errors: finishedErrors())
  }

  // MARK: - Fields

  /// Executes `fields` on every source object; a `nil` result means a non-null field
  /// failed and the object must become null.
  ///
  /// Every object of the vector gets the same members in the same order, so they share
  /// one array of keys; only the values are per object.
  /// See https://spec.graphql.org/September2025/#ExecuteSelectionSet()
  func executeFields(
    objectType: GraphQLNamedType, sources: [Any], paths: PathSet,
    fields: OrderedDictionary<String, [Field]>
  ) -> [JSONValue?] {
    let count = sources.count
    var members = [[JSONValue]](repeating: [], count: count)
    for index in 0..<count { members[index].reserveCapacity(fields.count) }
    var keys: [String] = []
    keys.reserveCapacity(fields.count)
    var alive = [Bool](repeating: true, count: count)
    // The indices still alive, when some object has failed (nil: all are).
    var liveIndices: [Int]?
    for ordinal in 0..<fields.count {
      if let liveIndices, liveIndices.isEmpty { break }
      let responseKey = fields.keys[ordinal]
      let fieldNodes = fields.values[ordinal]
      let fieldName = fieldNodes[0].name.value
      if fieldName == "__typename" {
        keys.append(responseKey)
        let name = JSONValue.string(objectType.name)
        if let liveIndices {
          for index in liveIndices { members[index].append(name) }
        } else {
          for index in 0..<count { members[index].append(name) }
        }
        continue
      }
      guard let definition = fieldDefinition(objectType, fieldName) else { continue }
      keys.append(responseKey)
      if definition.batchResolve == nil, let leaf = LeafPlan(definition.type),
        let arguments = try? arguments(of: definition, node: fieldNodes[0])
      {
        // A scalar or enum field: each object's value is resolved, completed and stored
        // in turn, with no vector of values in between.
        let info = resolveInfo(
          objectType: objectType, definition: definition, fieldNodes: fieldNodes)
        let resolve = definition.resolve
        let key = GraphQLError.PathComponent.key(responseKey)
        var failed = false
        // Sources read in place: subscripting the array copied (retained) each one.
        sources.withUnsafeBufferPointer { sources in
          for index in 0..<count where alive[index] {
            let value: Any?
            if let resolve {
              do {
                value = try resolve(sources[index], arguments, context, info)
              } catch {
                value = error
              }
            } else {
              value = defaultResolve(sources[index], fieldName: definition.name)
            }
            let completed = completeLeaf(value, leaf: leaf, fieldNodes: fieldNodes, info: info) {
              ResponsePath(parent: paths.path(index), key: key, ordinal: ordinal)
            }
            if let completed {
              members[index].append(completed)
            } else {
              alive[index] = false
              members[index] = []
              failed = true
            }
          }
        }
        if failed { liveIndices = (0..<count).filter { alive[$0] } }
        continue
      }
      let completed = executeField(
        objectType: objectType, definition: definition, fieldNodes: fieldNodes,
        sources: liveIndices.map { $0.map { sources[$0] } } ?? sources,
        paths: PathSet(
          parents: liveIndices.map { paths.subset($0) } ?? paths, key: .key(responseKey),
          ordinal: ordinal))
      if let live = liveIndices {
        var stillLive: [Int] = []
        stillLive.reserveCapacity(live.count)
        for (position, index) in live.enumerated() {
          if let value = completed[position] {
            members[index].append(value)
            stillLive.append(index)
          } else {
            alive[index] = false
            members[index] = []
          }
        }
        liveIndices = stillLive
      } else {
        var failed = false
        for index in 0..<count {
          if let value = completed[index] {
            members[index].append(value)
          } else {
            alive[index] = false
            members[index] = []
            failed = true
          }
        }
        if failed { liveIndices = (0..<count).filter { alive[$0] } }
      }
    }
    var results = [JSONValue?](repeating: nil, count: count)
    for index in 0..<count where alive[index] {
      results[index] = .object(JSONObject(sharedKeys: keys, values: members[index]))
    }
    return results
  }

  /// The definition of `name` on `type`, including the meta-fields on the query root.
  func fieldDefinition(_ type: GraphQLNamedType, _ name: String) -> GraphQLField? {
    if name.utf8.first == UInt8(ascii: "_") {
      if name == "__schema" && type === schema.queryType { return Introspection.schemaMetaField }
      if name == "__type" && type === schema.queryType { return Introspection.typeMetaField }
      if name == "__typename" { return Introspection.typeNameMetaField }
    }
    return type.fields[name]
  }

  /// Resolves and completes one field for every source.
  /// See https://spec.graphql.org/September2025/#ExecuteField()
  func executeField(
    objectType: GraphQLNamedType, definition: GraphQLField, fieldNodes: [Field], sources: [Any],
    paths: PathSet
  ) -> [JSONValue?] {
    let info = resolveInfo(objectType: objectType, definition: definition, fieldNodes: fieldNodes)
    var values: [Any?]
    do {
      let arguments = try arguments(of: definition, node: fieldNodes[0])
      if let batch = definition.batchResolve {
        do {
          values = try batch(sources, arguments, context, info)
          if values.count != sources.count {
            let error = GraphQLError(
              message:
                "Batch resolver for \(objectType.name).\(definition.name) returned \(values.count) values for \(sources.count) parents."
            )
            values = [Any?](repeating: error, count: sources.count)
          }
        } catch {
          values = [Any?](repeating: error, count: sources.count)
        }
      } else if let resolve = definition.resolve {
        values = []
        values.reserveCapacity(sources.count)
        for source in sources {
          do {
            values.append(try resolve(source, arguments, context, info))
          } catch {
            values.append(error)
          }
        }
      } else {
        values = sources.map { defaultResolve($0, fieldName: definition.name) }
      }
    } catch {
      values = [Any?](repeating: error, count: sources.count)
    }
    return completeValues(
      type: definition.type, fieldNodes: fieldNodes, info: info, paths: paths, values: values)
  }

  /// What resolvers of `definition` on `objectType` are told about it.
  func resolveInfo(objectType: GraphQLNamedType, definition: GraphQLField, fieldNodes: [Field])
    -> ResolveInfo
  {
    ResolveInfo(
      fieldName: definition.name, fieldNodes: fieldNodes, returnType: definition.type,
      parentType: objectType, schema: schema, fragments: fragments, rootValue: rootValue,
      operation: operation, variableValues: variables, batchParents: batchParents)
  }

  /// The coerced arguments of `definition` at `node` (defaults applied).
  /// See https://spec.graphql.org/September2025/#CoerceArgumentValues()
  func arguments(of definition: GraphQLField, node: Field) throws -> JSONObject {
    if definition.arguments.isEmpty && node.arguments.isEmpty { return JSONObject() }
    return try Values.argumentValues(
      definitions: definition.arguments, arguments: node.arguments, node: node,
      variables: variables, source: source)
  }

  /// graphql-js's `defaultFieldResolver`, for Swift values: dictionaries, JSON objects and
  /// ``GraphQLFieldReadable`` values.
  func defaultResolve(_ source: Any, fieldName: String) -> Any? {
    switch source {
    case let readable as any GraphQLFieldReadable: return readable.graphQLField(fieldName)
    case let dictionary as [String: Any]:
      return dictionary[fieldName].flatMap { flattenOptional($0) }
    case let dictionary as [String: Any?]: return dictionary[fieldName] ?? nil
    case let json as JSONValue:
      if case .object(let object) = json { return object[fieldName] }
      return nil
    case let object as JSONObject: return object[fieldName]
    default: return nil
    }
  }

  // MARK: - Errors

  /// Records a field error at `path`, located at the field's nodes.
  func recordError(_ error: any Error, fieldNodes: [Field], path: ResponsePath?) {
    let components = path?.components ?? []
    var located: GraphQLError
    if let graphQLError = error as? GraphQLError {
      if graphQLError.locations.isEmpty {
        located = lineTable.error(
          graphQLError.message, nodes: fieldNodes, path: components,
          extensions: graphQLError.extensions, underlyingError: graphQLError.underlyingError)
      } else {
        located = graphQLError
        located.path = components
      }
    } else {
      located = lineTable.error(
        "\(error)", nodes: fieldNodes, path: components, underlyingError: error)
    }
    errors.append((located, path?.ordinals ?? []))
  }

  /// Notes that a list failed at item `index`.
  func recordTruncation(list path: ResponsePath?, at index: Int) {
    truncations.append((path?.ordinals ?? [], index))
  }

  /// The errors in depth-first order, without those a depth-first executor would not reach.
  func finishedErrors() -> [GraphQLError] {
    var kept = errors
    if !truncations.isEmpty {
      kept.removeAll { entry in
        truncations.contains { truncation in
          let list = truncation.list
          guard entry.order.count > list.count, entry.order.starts(with: list) else { return false }
          return entry.order[list.count] > truncation.index
        }
      }
    }
    let indexed = kept.enumerated().sorted { a, b in
      if a.element.order != b.element.order {
        return a.element.order.lexicographicallyPrecedes(b.element.order)
      }
      return a.offset < b.offset
    }
    return indexed.map { $0.element.error }
  }

  // MARK: - Subfields

  /// The merged subfields of `fieldNodes` for `objectType`, memoized per execution and,
  /// when no variable decided them, per document in the schema (``ExecutionPlanCache``).
  func collectSubfields(objectType: GraphQLNamedType, fieldNodes: [Field]) -> OrderedDictionary<
    String, [Field]
  > {
    // Nodes parsed without locations cannot be told apart by offset: do not memoize them.
    let cacheable = !fieldNodes.contains { $0.loc == .none }
    return collectFields(
      objectType: objectType, selectionSets: fieldNodes.compactMap(\.selectionSet),
      key: cacheable ? fieldNodes.map(\.loc.start) : nil)
  }

  /// The fields of `selectionSets` merged for `objectType`, memoized under `key` (offsets
  /// of the nodes they come from) unless it is nil.
  private func collectFields(
    objectType: GraphQLNamedType, selectionSets: [SelectionSet], key nodes: [Int]?
  ) -> OrderedDictionary<String, [Field]> {
    let key = nodes.map {
      ExecutionPlanCache.CollectionKey(type: ObjectIdentifier(objectType), nodes: $0)
    }
    if let key, let cached = subfieldCache[key] { return cached }
    var fields = OrderedDictionary<String, [Field]>()
    var visited = Set<String>()
    var readsVariables = false
    for selectionSet in selectionSets {
      collector.collectFields(
        objectType: objectType, selectionSet: selectionSet, into: &fields,
        visitedFragments: &visited, readsVariables: &readsVariables)
    }
    if let key {
      subfieldCache[key] = fields
      if !readsVariables { newCollections[key] = fields }
    }
    return fields
  }
}
