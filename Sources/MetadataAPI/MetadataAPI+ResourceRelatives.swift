import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds the fields of Part 4's standalone types whose values are environment nodes,
  /// which ``bindResources(_:)`` leaves out, and the last fields no area claimed:
  ///
  /// - `SemanticModelDefinitionNode` / `SavedQueryDefinitionNode` `parents`, `children`,
  ///   `ancestors`: the environment's lineage edges (`parent_map` / `child_map`, read by
  ///   ``environmentRelatives(_:relation:_:)``) as definition nested nodes.
  /// - `GroupNode.models`: the group's models as `ModelDefinitionNestedNode`s.
  /// - `RecentResourceChange.resource`: the changed node as an applied nested node.
  /// - `AppliedState.latestGitSha`: null (see ``latestGitSha``).
  /// - `PageInfo`: the fields of every connection's page info, whichever connection made it.
  ///
  /// Every list is resolved in batches: a fixed number of store reads per list of parents.
  /// Meanings: `reference/dbt-discovery-api-2024.md` §2-§3.
  static func bindResourceRelatives(_ schema: GraphQLSchema) throws {
    for type in ["SemanticModelDefinitionNode", "SavedQueryDefinitionNode"] {
      for field in ["parents", "children", "ancestors"] {
        let relation: MetadataStore.Relation =
          switch field {
          case "parents": .parents
          case "children": .children
          default: .ancestors(resourceTypes: allAncestorTypes)
          }
        try schema.setBatchResolver(type, field, as: ResourceNode.self) {
          nodes, _, context, _ in
          let ctx = try RequestContext.of(context)
          let anchors = try environmentNodes(of: nodes, ctx)
          let present = anchors.compactMap { $0 }
          let relatives = try environmentRelatives(present, relation: relation, ctx)
          var byAnchor: [ObjectIdentifier: [EnvironmentNode]] = [:]
          for (anchor, list) in zip(present, relatives) {
            byAnchor[ObjectIdentifier(anchor)] = list
          }
          return anchors.map { anchor in anchor.flatMap { byAnchor[ObjectIdentifier($0)] } ?? [] }
        }
      }
    }
    try schema.setBatchResolver("GroupNode", "models", as: ResourceNode.self) {
      groups, _, context, _ in
      try groupModels(groups, try RequestContext.of(context))
    }
    try schema.setBatchResolver("RecentResourceChange", "resource", as: ResourceChange.self) {
      changes, _, context, _ in
      try changedResources(changes, try RequestContext.of(context))
    }
    try schema.setResolver("AppliedState", "latestGitSha", as: EnvironmentScope.self) {
      _, _, _, _ in latestGitSha
    }
    try bindPageInfo(schema)
  }

  /// `AppliedState.latestGitSha`: always null. The reference (§2) answers the SHA the
  /// ingest request recorded for the run, else the manifest's `metadata.env.GIT_SHA`
  /// (exported as `DBT_ENV_CUSTOM_ENV_GIT_SHA`), else null. The store records neither: an
  /// upload carries no SHA, and ingest keeps only the dbt Cloud ids of `metadata.env`
  /// (the `run` table has no column for the rest). Answering the SHA needs a migration
  /// that keeps it at ingest; until then null is the honest answer (dbt Cloud's too when
  /// it does not know the checkout).
  static let latestGitSha: String? = nil

  /// The environment node of each resource (semantic model, saved query) in its
  /// environment's current manifest, or nil when the manifest no longer holds it: one
  /// store read per environment among the resources.
  static func environmentNodes(of resources: [ResourceNode], _ ctx: RequestContext) throws
    -> [EnvironmentNode?]
  {
    var result = [EnvironmentNode?](repeating: nil, count: resources.count)
    let byEnvironment = Dictionary(grouping: resources.indices) {
      resources[$0].run.environmentID
    }
    for (environmentID, indices) in byEnvironment.sorted(by: { $0.key < $1.key }) {
      let environment = try ctx.environment(environmentID)
      var query = EnvironmentNodeQuery(
        resourceTypes: Array(Set(indices.map { resources[$0].definition.resourceType })).sorted())
      query.uniqueIDs = indices.map { resources[$0].definition.uniqueID }
      let page = try ctx.store.environmentNodes(
        accountID: ctx.accountID, environmentID: environmentID, query: query)
      let found = Dictionary(
        page.nodes.map { ($0.definition.uniqueID, $0) }, uniquingKeysWith: { a, _ in a })
      for index in indices {
        guard let record = found[resources[index].definition.uniqueID] else { continue }
        result[index] = EnvironmentNode(
          record, environment: environment, side: .definition,
          documents: DefinitionDocuments.of(ctx))
      }
    }
    return result
  }

  /// `GroupNode.models`: the models of each group's manifest whose `group` (else
  /// `config.group`) is the group's name, as `ModelDefinitionNestedNode`s in unique id
  /// order (reference §3: `group_map[name]` restricted to models). One read of the
  /// environment's models per environment, memoized for the request.
  static func groupModels(_ groups: [ResourceNode], _ ctx: RequestContext) throws -> [Any?] {
    var models: [Int: [String: [EnvironmentNode]]] = [:]
    for environmentID in Set(groups.map(\.run.environmentID)) {
      let environment = try ctx.environment(environmentID)
      let page = try ctx.memoized("resources.groupModelNodes.\(environmentID)") {
        try ctx.store.environmentNodes(
          accountID: ctx.accountID, environmentID: environmentID,
          query: EnvironmentNodeQuery(resourceTypes: ["model"]))
      }
      var byGroup: [String: [EnvironmentNode]] = [:]
      for record in page.nodes {
        let node = EnvironmentNode(
          record, environment: environment, side: .definitionNested,
          documents: DefinitionDocuments.of(ctx))
        guard let group = node.value(of: "group") as? String,
          node.typeName == "ModelDefinitionNestedNode"
        else { continue }
        byGroup[group, default: []].append(node)
      }
      models[environmentID] = byGroup
    }
    return groups.map { models[$0.run.environmentID]?[$0.definition.name] ?? [] }
  }

  /// `RecentResourceChange.resource`: the changed node in its environment's current
  /// manifest as an applied nested node, or null when it no longer exists (or has no
  /// applied nested type). One store read per environment among the changes.
  static func changedResources(_ changes: [ResourceChange], _ ctx: RequestContext) throws
    -> [Any?]
  {
    var result = [Any?](repeating: nil, count: changes.count)
    var byEnvironment: [Int: [Int]] = [:]
    for (index, change) in changes.enumerated() {
      guard let environmentID = change.latest?.environmentID else { continue }
      byEnvironment[environmentID, default: []].append(index)
    }
    for (environmentID, indices) in byEnvironment.sorted(by: { $0.key < $1.key }) {
      let environment = try ctx.environment(environmentID)
      var query = EnvironmentNodeQuery(resourceTypes: resourceTypes)
      query.uniqueIDs = indices.map { changes[$0].record.uniqueID }
      let page = try ctx.store.environmentNodes(
        accountID: ctx.accountID, environmentID: environmentID, query: query)
      let found = Dictionary(
        page.nodes.map { ($0.definition.uniqueID, $0) }, uniquingKeysWith: { a, _ in a })
      for index in indices {
        guard let record = found[changes[index].record.uniqueID] else { continue }
        let node = EnvironmentNode(
          record, environment: environment, side: .appliedNested,
          documents: DefinitionDocuments.of(ctx))
        if node.typeName != nil { result[index] = node }
      }
    }
    return result
  }

  /// `PageInfo` is shared by every connection: environment connections hand a JSON object
  /// (``NodeConnection/pageInfo``), Part 4's standalone connections a ``PageInfoValue``.
  /// Bound explicitly for both rather than left to the default resolver, so a new
  /// connection handing another value is a field error naming it, not a silent null.
  static func bindPageInfo(_ schema: GraphQLSchema) throws {
    for field in ["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"] {
      try schema.setResolver("PageInfo", field) { source, _, _, _ in
        switch source {
        case let object as JSONObject:
          guard let value = object[field], !value.isNull else { return nil }
          return value
        case let value as PageInfoValue:
          return value.graphQLField(field)
        default:
          throw GraphQLError(
            message: "PageInfo.\(field) cannot read a \(type(of: source)) page info.")
        }
      }
    }
  }
}
