import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds Part 2, the Discovery API: job(id, runId), environment(id) with applied and
  /// definition state, every node connection with its filters and the model sort,
  /// nested parents/children/ancestors/tests/catalog/executionInfo/freshness,
  /// modelHistoricalRuns; and Part 4's `resources` and the fields Part 4 added to these
  /// node types (reference dbt-discovery-api-2024.md §2, §4).
  ///
  /// `lineage`, Part 3's history fields and Part 4's other state fields (packages, tags,
  /// owners, semantic models, groups...) are bound in their own files.
  static func bindEnvironment(_ schema: GraphQLSchema) throws {
    try bindEnvironmentRoots(schema)
    try bindStateConnections(schema)
    try bindConnectionTypes(schema)
    try bindEnvironmentNodes(schema)
    try bindEnvironmentRelatives(schema)
    try bindExecutionValues(schema)
    try bindJobAndHistory(schema)
  }

  /// `Query.environment`, `Query.job`, and the fields of `Environment`, `JobNode` (ids).
  static func bindEnvironmentRoots(_ schema: GraphQLSchema) throws {
    try schema.setResolver("Query", "environment") { _, arguments, context, _ in
      let ctx = try RequestContext.of(context)
      let id = arguments["id"]?.intValue ?? 0
      _ = try ctx.environment(id)
      return EnvironmentScope(environmentID: id)
    }
    try schema.setResolver("Environment", "id", as: EnvironmentScope.self) { scope, _, _, _ in
      scope.environmentID
    }
    try schema.setResolver("Environment", "adapterType", as: EnvironmentScope.self) {
      scope, _, context, _ in
      try RequestContext.of(context).environment(scope.environmentID).adapterType
    }
    try schema.setResolver("Environment", "dbtProjectName", as: EnvironmentScope.self) {
      scope, _, context, _ in
      try RequestContext.of(context).environment(scope.environmentID).projectName
    }
    for field in ["applied", "definition"] {
      try schema.setResolver("Environment", field, as: EnvironmentScope.self) { scope, _, _, _ in
        scope
      }
    }
    try schema.setResolver("Query", "job") { _, arguments, context, _ in
      let ctx = try RequestContext.of(context)
      let jobID = arguments["id"]?.intValue ?? 0
      let run: RunInfoRecord?
      if let runID = arguments["runId"]?.intValue {
        run = try ctx.store.runInfo(accountID: ctx.accountID, id: runID).flatMap {
          $0.jobID == jobID ? $0 : nil
        }
      } else {
        run = try ctx.store.latestRunInfo(accountID: ctx.accountID, jobID: jobID)
      }
      guard let run else {
        throw notFound(jobID: jobID, runID: arguments["runId"]?.intValue)
      }
      return JobScope(jobID: jobID, run: run)
    }
    try schema.setResolver("JobNode", "id", as: JobScope.self) { job, _, _, _ in job.jobID }
    try schema.setResolver("JobNode", "runId", as: JobScope.self) { job, _, _, _ in job.run.id }
  }

  /// The node connections of `AppliedState` and `DefinitionState`, with `resourceCounts`
  /// and `lastUpdatedAt`.
  static func bindStateConnections(_ schema: GraphQLSchema) throws {
    let applied: [(String, @Sendable (JSONObject) -> EnvironmentNodeQuery)] = [
      ("models", EnvironmentFilter.models), ("sources", EnvironmentFilter.sources),
      ("tests", EnvironmentFilter.tests),
      ("seeds", { EnvironmentFilter.query(["seed"], filter: $0["filter"]) }),
      ("snapshots", { EnvironmentFilter.query(["snapshot"], filter: $0["filter"]) }),
      ("exposures", EnvironmentFilter.exposures),
      ("resources", EnvironmentFilter.resources),
    ]
    let definition =
      applied + [
        ("macros", EnvironmentFilter.macros),
        ("metrics", { EnvironmentFilter.query(["metric"], filter: $0["filter"]) }),
      ]
    for (field, makeQuery) in applied {
      try bindConnection(schema, "AppliedState", field, side: .applied, makeQuery)
    }
    for (field, makeQuery) in definition {
      try bindConnection(schema, "DefinitionState", field, side: .definition, makeQuery)
    }
    for state in ["AppliedState", "DefinitionState"] {
      try schema.setResolver(state, "resourceCounts", as: EnvironmentScope.self) {
        scope, _, context, _ in
        let ctx = try RequestContext.of(context)
        let counts = try ctx.store.resourceCounts(
          accountID: ctx.accountID, environmentID: scope.environmentID)
        return JSONObject(counts.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
      }
    }
    try schema.setResolver("DefinitionState", "lastUpdatedAt", as: EnvironmentScope.self) {
      scope, _, context, _ in
      APIDate.dateTime(try RequestContext.of(context).environment(scope.environmentID).generatedAt)
    }
    try schema.setResolver("AppliedState", "lastUpdatedAt", as: EnvironmentScope.self) {
      scope, _, context, _ in
      let ctx = try RequestContext.of(context)
      let environment = try ctx.environment(scope.environmentID)
      let applied = try ctx.store.appliedLastUpdatedAt(
        accountID: ctx.accountID, environmentID: scope.environmentID)
      return APIDate.dateTime([applied, environment.generatedAt].compactMap { $0 }.max())
    }
  }

  /// Binds one connection field: the filter and sort from the arguments, `first` /
  /// `after` checked, one page read by keyset in SQL.
  static func bindConnection(
    _ schema: GraphQLSchema, _ type: String, _ field: String, side: EnvironmentNode.Side,
    _ makeQuery: @escaping @Sendable (JSONObject) -> EnvironmentNodeQuery
  ) throws {
    try schema.setResolver(type, field, as: EnvironmentScope.self) {
      scope, arguments, context, info in
      let ctx = try RequestContext.of(context)
      var query = makeQuery(arguments)
      let page = try PageRequest(arguments: arguments, sort: query.sort)
      query.after = page.after
      query.limit = page.first
      query.countsTotal = info.selects("totalCount")
      // Nodes asked only for summary fields are read without the rest of their
      // definitions (`resources` hands its semantic-layer nodes to another binding).
      query.summaryOnly =
        field != "resources"
        && info.selectedFieldNames(at: ["edges", "node"]).isSubset(
          of: EnvironmentNode.summaryFields)
      var connection = try connection(ctx, scope: scope, query: query, side: side)
      if field == "resources" {
        // Semantic models and saved queries as their own binding serves them.
        let nodes = connection.edges.compactMap { $0.node as? EnvironmentNode }
        let values = semanticLayerValues(nodes, scope: scope, context: context, info: info)
        if !values.isEmpty {
          connection = NodeConnection(
            edges: connection.edges.map { edge in
              guard let node = edge.node as? EnvironmentNode,
                let value = values[node.definition.uniqueID]
              else { return edge }
              return NodeEdge(edge, node: value)
            }, totalCount: connection.totalCount, pageInfo: connection.pageInfo)
        }
      }
      return connection
    }
  }

  /// Blocks until the applied-state builds started so far (``AppliedStateBuilding/background``)
  /// are done. Requests never wait for a build; tests and benchmarks call this when they
  /// need the state of the current generation to be kept before they go on.
  public func waitForAppliedStateBuilds() {
    appliedStates.waitForBuilds()
  }

  /// How the applied-state cache has served so far (reads from a state and by SQL, builds).
  public var appliedStateStatistics: AppliedStateStatistics { appliedStates.statistics }

  /// One page of nodes as a connection value: from the environment's kept applied state
  /// of the request's generation (``AppliedState/page(_:)``; a page that would walk the
  /// environment's nodes, i.e. has no `uniqueIds` filter, starts a build when none is kept,
  /// ``AppliedStateBuilding``), else read by keyset in SQL.
  static func connection(
    _ ctx: RequestContext, scope: EnvironmentScope, query: EnvironmentNodeQuery,
    side: EnvironmentNode.Side
  ) throws -> NodeConnection {
    let environment = try ctx.environment(scope.environmentID)
    let documents = DefinitionDocuments.of(ctx)
    if let state = try ctx.appliedState(scope.environmentID, build: query.uniqueIDs == nil),
      let page = try state.page(query)
    {
      let context = EnvironmentNodeContext(environment: environment, documents: documents)
      var edges: [NodeEdge] = []
      edges.reserveCapacity(page.entries.count)
      for (index, value) in zip(page.entries, page.sortValues) {
        let entry = state.entries[Int(index)]
        let node =
          (query.summaryOnly ? state.sharedNode(index, side: side) : nil)
          ?? EnvironmentNode(
            entry: entry, context: context, side: side, registers: !query.summaryOnly)
        edges.append(
          NodeEdge(
            node: node,
            sort: query.sort,
            position: .init(value: value, uniqueID: entry.record.definition.uniqueID)))
      }
      return NodeConnection(
        edges: edges, totalCount: query.countsTotal ? page.totalCount : nil,
        pageInfo: pageInfo(edges, hasNextPage: page.hasNextPage, query: query))
    }
    let page = try ctx.store.environmentNodes(
      accountID: ctx.accountID, environmentID: scope.environmentID, query: query)
    let edges = page.nodes.map { record in
      NodeEdge(
        node: EnvironmentNode(record, environment: environment, side: side, documents: documents),
        sort: query.sort,
        position: .init(value: record.sortValue, uniqueID: record.definition.uniqueID))
    }
    return NodeConnection(
      edges: edges, totalCount: page.totalCount,
      pageInfo: pageInfo(edges, hasNextPage: page.hasNextPage, query: query))
  }

  /// The `PageInfo` of a page of edges (its first and last cursors are written here).
  static func pageInfo(_ edges: [NodeEdge], hasNextPage: Bool, query: EnvironmentNodeQuery)
    -> PageInfoValue
  {
    PageInfoValue(
      startCursor: edges.first?.cursor, endCursor: edges.last?.cursor,
      hasNextPage: hasNextPage, hasPreviousPage: query.after != nil)
  }

  /// `edges`, `pageInfo`, `totalCount` of every environment node connection, and
  /// `cursor`, `node` of their edges.
  static func bindConnectionTypes(_ schema: GraphQLSchema) throws {
    let stems = [
      "ModelAppliedStateNode", "SourceAppliedStateNode", "TestAppliedStateNode",
      "SeedAppliedStateNode", "SnapshotAppliedStateNode", "ExposureAppliedStateNode",
      "ModelDefinitionNode", "SourceDefinitionNode", "TestDefinitionNode", "SeedDefinitionNode",
      "SnapshotDefinitionNode", "ExposureDefinitionNode", "MacroDefinitionNode",
      "MetricDefinitionNode", "EnvironmentAppliedNode", "EnvironmentDefinitionNode",
    ]
    for stem in stems {
      let connection = stem + "Connection"
      try schema.setResolver(connection, "edges", as: NodeConnection.self) { c, _, _, _ in c.edges }
      try schema.setResolver(connection, "pageInfo", as: NodeConnection.self) { c, _, _, _ in
        c.pageInfo
      }
      try schema.setResolver(connection, "totalCount", as: NodeConnection.self) { c, _, _, _ in
        c.totalCount
      }
      let edge = stem + "Edge"
      try schema.setResolver(edge, "cursor", as: NodeEdge.self) { e, _, _, _ in e.cursor }
      try schema.setResolver(edge, "node", as: NodeEdge.self) { e, _, _, _ in e.node }
    }
  }
}
