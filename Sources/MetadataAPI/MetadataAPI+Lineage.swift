import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds Part 2, lineage(filter) with dbt's selector syntax, and the lineage node types.
  ///
  /// `AppliedState.lineage` and `DefinitionState.lineage` answer the environment's current
  /// manifest as a flat list of nodes with their parent ids, ordered by unique id. The DAG,
  /// with each node's answer values, is kept between requests (``LineageGraphCache``,
  /// read again when an ingest changed it) and the filter evaluated over it: `select`
  /// (dbt node selection syntax, ``NodeSelector``), minus `exclude`, then `types`,
  /// `uniqueIds` and `tags` (any of them). A selector that cannot be evaluated is
  /// one GraphQL error naming the method and its position.
  static func bindLineage(_ schema: GraphQLSchema) throws {
    for (typeName, applied) in [("AppliedState", true), ("DefinitionState", false)] {
      try schema.setResolver(typeName, "lineage", as: EnvironmentScope.self) {
        scope, arguments, context, _ in
        try lineage(
          scope: scope, filter: arguments["filter"]?.objectValue ?? JSONObject(),
          context: try RequestContext.of(context), applied: applied)
      }
    }
    for typeName in LineageNodeValue.objectTypes.sorted() {
      guard let type = schema.type(named: typeName) else {
        throw GraphQLError(
          message: "Cannot bind a resolver: the schema has no type \"\(typeName)\".")
      }
      // Each field's reader is chosen here, once, not by its name at each read.
      for name in type.fields.keys {
        let read = LineageNodeValue.read(name)
        try schema.setResolver(typeName, name, as: LineageNodeValue.self) { value, _, _, _ in
          read(value)
        }
      }
    }
    for interface in LineageNodeValue.interfaces {
      try schema.setTypeResolver(interface) { value, _, _ in
        LineageNodeValue.exactly(value)?.graphQLTypeName
      }
    }
  }

  /// Binds every field of `typeName` to the parent's ``GraphQLFieldReadable`` answer, so no
  /// field is left to the default resolver by accident (a parent of another type is a
  /// field error naming both).
  static func bindReadableFields<Parent: GraphQLFieldReadable>(
    _ schema: GraphQLSchema, _ typeName: String, as parent: Parent.Type
  ) throws {
    guard let type = schema.type(named: typeName) else {
      throw GraphQLError(message: "Cannot bind a resolver: the schema has no type \"\(typeName)\".")
    }
    for name in type.fields.keys {
      try schema.setResolver(typeName, name, as: parent) { value, _, _, _ in
        value.graphQLField(name)
      }
    }
  }

  /// The lineage answer for one environment and filter: its ``LineageNodeValue``s, typed
  /// as the executor takes a list's elements (`[Any?]`), which it then uses as they are
  /// instead of converting an 11,000-element array of another type element by element.
  static func lineage(
    scope: EnvironmentScope, filter: JSONObject, context: RequestContext, applied: Bool
  ) throws -> [Any?] {
    // A blank selector is no selector (clients send "" for "not set").
    let select = try filter["select"]?.stringValue.flatMap {
      $0.allSatisfy(\.isWhitespace) ? nil : try parseSelector($0, argument: "select")
    }
    let exclude = try filter["exclude"]?.stringValue.flatMap {
      $0.allSatisfy(\.isWhitespace) ? nil : try parseSelector($0, argument: "exclude")
    }
    let types = filter["types"]?.listValue.map { Set($0.compactMap(\.stringValue)) }
    let uniqueIDs = filter["uniqueIds"]?.listValue.map { Set($0.compactMap(\.stringValue)) }
    let tags = filter["tags"]?.listValue.map { Set($0.compactMap(\.stringValue)) }
    // Macros are most of a manifest and no selector method reaches them: load them only
    // when they can be part of the answer.
    let includeMacros = select == nil && (types?.contains("Macro") ?? true)
    guard
      let graph = try lineageGraph(
        environmentID: scope.environmentID, includeMacros: includeMacros, context: context)
    else { return [] }

    // The types asked, as positions in `LineageNodeValue.resourceTypes`.
    let allowedTypes = types.map { types in LineageNodeValue.resourceTypes.map(types.contains) }
    var candidates: [Int]
    var matched: Set<Int>?
    if let select {
      let selection = graph.select(select)
      candidates = selection.selected.sorted()
      matched = selection.matched
    } else {
      candidates = Array(graph.nodes.indices)
    }
    if let exclude {
      let excluded = graph.select(exclude).selected
      candidates.removeAll(where: excluded.contains)
    }
    let prebuilt = applied ? graph.appliedValues : graph.definitionValues
    var answer: [Any?] = []
    answer.reserveCapacity(candidates.count)
    for position in candidates {
      guard let fields = graph.fields[position] else { continue }
      if let allowedTypes, !allowedTypes[fields.resourceTypeIndex] { continue }
      if let uniqueIDs, !uniqueIDs.contains(fields.uniqueID) { continue }
      if let tags, fields.tags.allSatisfy({ !tags.contains($0) }) { continue }
      if let matched {
        answer.append(
          LineageNodeValue(
            fields: fields, applied: applied, matchesMethod: matched.contains(position)))
      } else if let value = prebuilt[position] {
        answer.append(value)
      }
    }
    return answer
  }

  /// Parses a selector, turning its error into one GraphQL error.
  static func parseSelector(_ text: String, argument: String) throws -> NodeSelector {
    do {
      return try NodeSelector(parsing: text, argument: argument)
    } catch {
      throw GraphQLError(
        message: error.description, extensions: ["code": .string("BAD_USER_INPUT")])
    }
  }

  /// The environment's DAG, read once per request (and shared by `applied` and
  /// `definition`), from the API's graph cache (``LineageGraphCache``) when there is one.
  static func lineageGraph(environmentID: Int, includeMacros: Bool, context: RequestContext)
    throws -> LineageGraph?
  {
    // A graph with macros answers a request without them too.
    if let withMacros = context.memoizedValue(
      "lineage-graph:\(environmentID):true", as: LineageGraph?.self)
    {
      return withMacros
    }
    return try context.memoized("lineage-graph:\(environmentID):\(includeMacros)") {
      if let cache = context.lineageGraphs {
        return try cache.graph(
          store: context.store, accountID: context.accountID, environmentID: environmentID,
          includeMacros: includeMacros
        ).graph
      }
      return try context.store.lineageGraph(
        accountID: context.accountID, environmentID: environmentID, includeMacros: includeMacros
      ).map(LineageGraph.init)
    }
  }
}
