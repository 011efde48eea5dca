import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds Part 2, lineage(filter) with dbt's selector syntax, and the lineage node types.
  ///
  /// `AppliedState.lineage` and `DefinitionState.lineage` answer the environment's current
  /// manifest as a flat list of nodes with their parent ids, ordered by unique id. The DAG is
  /// read once per request (one store call: nodes and edges) and the filter evaluated over
  /// it: `select` (dbt node selection syntax, ``NodeSelector``), minus `exclude`, then
  /// `types`, `uniqueIds` and `tags` (any of them). A selector that cannot be evaluated is
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
      try bindReadableFields(schema, typeName, as: LineageNodeValue.self)
    }
    for interface in LineageNodeValue.interfaces {
      try schema.setTypeResolver(interface) { value, _, _ in
        (value as? LineageNodeValue)?.graphQLTypeName
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

  /// The lineage answer for one environment and filter.
  static func lineage(
    scope: EnvironmentScope, filter: JSONObject, context: RequestContext, applied: Bool
  ) throws -> [LineageNodeValue] {
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

    var candidates = Set(graph.nodes.indices)
    var matched: Set<Int>?
    if let select {
      let selection = graph.select(select)
      candidates = selection.selected
      matched = selection.matched
    }
    if let exclude {
      candidates.subtract(graph.select(exclude).selected)
    }
    let worstTests = applied ? worstTestStatuses(graph) : [:]
    var answer: [LineageNodeValue] = []
    for position in candidates.sorted() {
      let box = graph.boxes[position]
      let node = box.record
      guard let kind = LineageNodeValue.kinds[node.resourceType] else { continue }
      if let types, !types.contains(kind.resourceType) { continue }
      if let uniqueIDs, !uniqueIDs.contains(node.uniqueID) { continue }
      if let tags, graph.tags[position].allSatisfy({ !tags.contains($0) }) { continue }
      var parentIDs: [String] = []
      var publicParentIDs: [String] = []
      for parentID in node.parentIDs {
        if let parent = graph.index[parentID] {
          let other = graph.nodes[parent]
          if other.resourceType == "model", (other.originalFilePath ?? "").isEmpty {
            publicParentIDs.append(parentID)  // an external (cross-project) model
          } else {
            parentIDs.append(parentID)
          }
        } else if parentID.hasPrefix("model.") {
          publicParentIDs.append(parentID)  // a cross-project ref absent from the manifest
        } else {
          parentIDs.append(parentID)
        }
      }
      let executable = ["model", "seed", "snapshot", "test", "unit_test"].contains(
        node.resourceType)
      answer.append(
        LineageNodeValue(
          box: box, graphQLTypeName: kind.typeName, resourceType: kind.resourceType,
          projectID: graph.projectID, fqn: graph.fqns[position], tags: graph.tags[position],
          parentIDs: parentIDs, publicParentIDs: publicParentIDs,
          matchesMethod: matched.map { $0.contains(position) },
          lastRunStatus: applied && executable ? node.lastRunStatus : nil,
          worstTestStatus: worstTests[node.uniqueID],
          freshnessStatus: applied ? LineageNodeValue.freshnessStatus(node.freshnessStatus) : nil))
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

  /// The worst latest status of the tests of each tested node (`error` > `fail` > `warn` >
  /// `pass`): `worstTestStatus`.
  static func worstTestStatuses(_ graph: LineageGraph) -> [String: String] {
    var worst: [String: String] = [:]
    for node in graph.nodes where node.resourceType == "test" {
      guard let tested = node.testedUniqueID, let status = node.lastRunStatus,
        let severity = LineageNodeValue.testSeverity[status]
      else { continue }
      if let current = worst[tested], let known = LineageNodeValue.testSeverity[current],
        known >= severity
      {
        continue
      }
      worst[tested] = status
    }
    return worst
  }
}
