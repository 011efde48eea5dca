import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Every resource type a nested list may hold when `ancestors` has no `types` argument.
  static let allAncestorTypes = [
    "model", "source", "seed", "snapshot", "exposure", "macro", "metric", "semantic_model",
    "saved_query",
  ]

  /// The fields of environment nodes that read other rows, each a batch resolver: one
  /// store call per list of parents at every depth (no N+1), whatever the page size.
  static func bindEnvironmentRelatives(_ schema: GraphQLSchema) throws {
    for typeName in environmentNodeTypes {
      guard let type = schema.type(named: typeName) else { continue }
      for field in ["parents", "children", "tests", "ancestors"] where type.fields[field] != nil {
        if typeName == "MacroDefinitionNode" && field == "parents" {
          try bindBatch(schema, typeName, field) { nodes, _, ctx in
            try macroParents(nodes, ctx)
          }
          continue
        }
        try schema.setBatchResolver(typeName, field, as: EnvironmentNode.self) {
          nodes, arguments, context, info in
          let ctx = try RequestContext.of(context)
          let relation: MetadataStore.Relation
          switch field {
          case "parents": relation = .parents
          case "children": relation = .children
          case "tests": relation = .tests
          default:
            let types =
              arguments["types"].map { EnvironmentFilter.resourceTypes($0) } ?? allAncestorTypes
            relation = .ancestors(resourceTypes: types)
          }
          return try environmentRelatives(
            nodes, relation: relation, ctx,
            summaryOnly: info.selectedFieldNames.isSubset(of: EnvironmentNode.summaryFields)
          ).map { $0 }
        }
      }
      if type.fields["executionInfo"] != nil {
        try bindBatch(schema, typeName, "executionInfo") { nodes, _, ctx in
          try environmentExecutionInfo(nodes, ctx)
        }
      }
      if type.fields["catalog"] != nil {
        try bindBatch(schema, typeName, "catalog") { nodes, _, ctx in
          try environmentCatalogs(nodes, ctx)
        }
      }
      if type.fields["freshness"] != nil {
        try bindBatch(schema, typeName, "freshness") { nodes, _, ctx in
          try environmentFreshness(nodes, ctx)
        }
      }
      if type.fields["testStatuses"] != nil {
        try bindBatch(schema, typeName, "testStatuses") { nodes, _, ctx in
          try testStatuses(nodes, ctx)
        }
      }
      if type.fields["lastKnownResult"] != nil {
        try bindBatch(schema, typeName, "lastKnownResult") { nodes, _, ctx in
          // A test never run (or only skipped) has no known result: null, not a boxed nil.
          let results: [String?] = try perEnvironment(nodes) { environment, group in
            let known = try ctx.store.lastKnownResults(
              accountID: ctx.accountID, environmentID: environment.id,
              nodeIDs: group.map(\.record.nodeID))
            return group.map { known[$0.record.nodeID] }
          }.map { $0 ?? nil }
          return results
        }
      }
      if type.fields["versions"] != nil {
        try bindBatch(schema, typeName, "versions") { nodes, _, ctx in try versions(nodes, ctx) }
      }
      if type.fields["freshnessStatus"] != nil {
        try bindBatch(schema, typeName, "freshnessStatus") { nodes, _, ctx in
          try upstreamFreshnessStatus(nodes, ctx)
        }
      }
    }
  }

  /// Binds a batch resolver over environment nodes with the request context.
  static func bindBatch(
    _ schema: GraphQLSchema, _ type: String, _ field: String,
    _ resolve: @escaping @Sendable ([EnvironmentNode], JSONObject, RequestContext) throws -> [Any?]
  ) throws {
    try schema.setBatchResolver(type, field, as: EnvironmentNode.self) {
      nodes, arguments, context, _ in
      try resolve(nodes, arguments, try RequestContext.of(context))
    }
  }

  /// Runs `body` once per environment among the nodes (one in practice) and puts its
  /// answers back in the nodes' order.
  static func perEnvironment<T>(
    _ nodes: [EnvironmentNode],
    _ body: (EnvironmentRecord, [EnvironmentNode]) throws -> [T]
  ) throws -> [T?] {
    var results = [T?](repeating: nil, count: nodes.count)
    var groups: [Int: [Int]] = [:]
    var order: [Int] = []
    for (index, node) in nodes.enumerated() {
      if groups[node.environment.id] == nil { order.append(node.environment.id) }
      groups[node.environment.id, default: []].append(index)
    }
    for id in order {
      let indices = groups[id] ?? []
      guard let first = indices.first else { continue }
      let values = try body(nodes[first].environment, indices.map { nodes[$0] })
      for (position, index) in indices.enumerated() where position < values.count {
        results[index] = values[position]
      }
    }
    return results
  }

  /// The relatives of each node as nested nodes of its side; resources the spec has no
  /// nested type for (analyses, hooks) are left out.
  ///
  /// - Parameter summaryOnly: the caller resolves only ``EnvironmentNode/summaryFields``
  ///   of the relatives, so only their summary is read.
  static func environmentRelatives(
    _ nodes: [EnvironmentNode], relation: MetadataStore.Relation, _ ctx: RequestContext,
    summaryOnly: Bool = false
  ) throws -> [[EnvironmentNode]] {
    try perEnvironment(nodes) { environment, group in
      let documents = DefinitionDocuments.of(ctx)
      // Nodes of a kept applied state read their relatives from it.
      if let state = ctx.keptAppliedState(environment.id),
        group.allSatisfy({ state.contains($0.entry) })
      {
        let context = EnvironmentNodeContext(environment: environment, documents: documents)
        return group.map { node in
          let side = node.nestedSide
          if summaryOnly,
            let shared = state.sharedRelatives(of: node.entry.index, relation, side: side)
          {
            return shared
          }
          return state.relatives(of: node.entry.index, relation).compactMap { index in
            if summaryOnly, let shared = state.sharedNode(index, side: side) { return shared }
            let relative = EnvironmentNode(
              entry: state.entries[Int(index)], context: context, side: side,
              registers: !summaryOnly)
            return relative.typeName == nil ? nil : relative
          }
        }
      }
      let found = try ctx.store.environmentRelatives(
        accountID: ctx.accountID, environmentID: environment.id,
        nodeIDs: group.map(\.record.nodeID), relation: relation, summaryOnly: summaryOnly)
      return group.map { node in
        (found[node.record.nodeID] ?? []).compactMap {
          let relative = EnvironmentNode(
            $0, environment: environment, side: node.nestedSide, documents: documents)
          return relative.typeName == nil ? nil : relative
        }
      }
    }.map { $0 ?? [] }
  }

  /// `MacroDefinitionNode.parents`: the macros of `depends_on.macros`, as
  /// `MacroDefinitionNestedNode`s (one query for the whole list).
  static func macroParents(_ nodes: [EnvironmentNode], _ ctx: RequestContext) throws -> [Any?] {
    try perEnvironment(nodes) { environment, group in
      let wanted = group.map { Self.stringList($0.json["depends_on"]?["macros"]) }
      var query = EnvironmentNodeQuery(resourceTypes: ["macro"])
      query.uniqueIDs = Array(Set(wanted.joined()))
      let page = try ctx.store.environmentNodes(
        accountID: ctx.accountID, environmentID: environment.id, query: query)
      let byID = Dictionary(
        page.nodes.map { ($0.definition.uniqueID, $0) }, uniquingKeysWith: { a, _ in a })
      return wanted.map { ids in
        ids.sorted().compactMap { byID[$0] }.map {
          EnvironmentNode(
            $0, environment: environment, side: .definitionNested,
            documents: DefinitionDocuments.of(ctx))
        }
      }
    }
  }

  static func stringList(_ value: JSONValue?) -> [String] {
    value?.listValue?.compactMap(\.stringValue) ?? []
  }

  /// The latest execution and latest success of each node (one query for the list); a
  /// node never executed gets an object with null fields.
  static func environmentExecutionInfo(_ nodes: [EnvironmentNode], _ ctx: RequestContext) throws
    -> [Any?]
  {
    try perEnvironment(nodes) { environment, group in
      // Nodes of a kept applied state have theirs built; the others are read in one batch.
      let ids = group.filter { $0.entry.executionInfo == nil }
        .flatMap { [$0.record.lastExecutionID, $0.record.lastSuccessID] }.compactMap { $0 }
      let found =
        ids.isEmpty
        ? [:]
        : try ctx.store.executions(
          accountID: ctx.accountID, environmentID: environment.id, ids: ids)
      return group.map { node in
        node.entry.executionInfo
          ?? ExecutionInfo(
            last: node.record.lastExecutionID.flatMap { found[$0] },
            lastSuccess: node.record.lastSuccessID.flatMap { found[$0] })
      }
    }
  }

  /// The latest catalog entry of each node, or null (one batch for the list).
  static func environmentCatalogs(_ nodes: [EnvironmentNode], _ ctx: RequestContext) throws
    -> [Any?]
  {
    try perEnvironment(nodes) { environment, group in
      let found = try ctx.store.catalogEntries(
        accountID: ctx.accountID, environmentID: environment.id,
        ids: group.compactMap(\.record.lastCatalogID))
      return group.map { node -> CatalogValue? in
        guard let entry = node.record.lastCatalogID.flatMap({ found[$0] }) else { return nil }
        return CatalogValue(
          entry: entry, environmentID: environment.id,
          manifestColumns: node.json["columns"]?.objectValue)
      }
    }
  }

  /// The latest freshness result of each source (one query for the list), with the
  /// criteria it was checked against (else the source's configured criteria).
  static func environmentFreshness(_ nodes: [EnvironmentNode], _ ctx: RequestContext) throws
    -> [Any?]
  {
    try perEnvironment(nodes) { environment, group in
      let found = try ctx.store.freshnessResults(
        accountID: ctx.accountID, environmentID: environment.id,
        ids: group.compactMap(\.record.lastFreshnessID))
      return group.map { node in
        FreshnessValue(
          result: node.record.lastFreshnessID.flatMap { found[$0] },
          configured: node.freshnessCriteria)
      }
    }
  }

  /// `testStatuses` of nested models and sources: the number of the node's tests by their
  /// latest status (`{"pass": 3, "warn": 1}`; `{}` without tests). Two queries per list.
  static func testStatuses(_ nodes: [EnvironmentNode], _ ctx: RequestContext) throws -> [Any?] {
    let tests = try environmentRelatives(nodes, relation: .tests, ctx)
    let flat = tests.flatMap { $0 }
    let infos = try environmentExecutionInfo(flat, ctx)
    var statuses: [ObjectIdentifier: String] = [:]
    for (test, info) in zip(flat, infos) {
      if let status = (info as? ExecutionInfo)?.last?.status {
        statuses[ObjectIdentifier(test)] = status
      }
    }
    return tests.map { list in
      var counts: [String: Int] = [:]
      for test in list {
        if let status = statuses[ObjectIdentifier(test)] { counts[status, default: 0] += 1 }
      }
      return JSONObject(counts.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
    }
  }

  /// `ModelAppliedStateNode.versions`: every model of the same package and name (one
  /// query for the list), by version; `[]` for unversioned models.
  static func versions(_ nodes: [EnvironmentNode], _ ctx: RequestContext) throws -> [Any?] {
    try perEnvironment(nodes) { environment, group in
      let versioned = group.filter { $0.record.version != nil }
      guard !versioned.isEmpty else { return group.map { _ in [JSONObject]() } }
      var query = EnvironmentNodeQuery(resourceTypes: ["model"])
      query.names = Array(Set(versioned.map(\.definition.name)))
      let page = try ctx.store.environmentNodes(
        accountID: ctx.accountID, environmentID: environment.id, query: query)
      let siblings = page.nodes.map {
        EnvironmentNode(
          $0, environment: environment, side: .applied, documents: DefinitionDocuments.of(ctx))
      }
      return group.map { node -> [JSONObject] in
        guard node.record.version != nil else { return [] }
        return
          siblings
          .filter {
            $0.definition.name == node.definition.name
              && $0.definition.packageName == node.definition.packageName
              && $0.record.version != nil
          }
          .sorted { ($0.record.version ?? "") < ($1.record.version ?? "") }
          .map { sibling in
            [
              "name": .string(sibling.record.version ?? ""),
              "releaseVersion": .string(sibling.releaseVersion ?? "none"),
              "uniqueId": .string(sibling.definition.uniqueID),
            ]
          }
      }
    }
  }

  /// `ExposureDefinitionNode.freshnessStatus`: the worst latest freshness status (Error >
  /// Warn > Pass) among the exposure's upstream sources, null when none was checked
  /// (reference §4, an open question answered this way).
  static func upstreamFreshnessStatus(_ nodes: [EnvironmentNode], _ ctx: RequestContext) throws
    -> [Any?]
  {
    let sources = try environmentRelatives(
      nodes, relation: .ancestors(resourceTypes: ["source"]), ctx)
    let flat = sources.flatMap { $0 }
    let results = try environmentFreshness(flat, ctx)
    var status: [ObjectIdentifier: Int] = [:]
    let rank = ["pass": 1, "warn": 2, "error": 3, "runtime error": 3]
    for (source, value) in zip(flat, results) {
      if let result = (value as? FreshnessValue)?.result {
        status[ObjectIdentifier(source)] = rank[result.status] ?? 0
      }
    }
    return sources.map { list -> String? in
      let worst = list.compactMap { status[ObjectIdentifier($0)] }.max() ?? 0
      return [0: nil, 1: "Pass", 2: "Warn", 3: "Error"][worst] ?? nil
    }
  }
}
