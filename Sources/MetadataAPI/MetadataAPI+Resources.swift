import Foundation
import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds Part 4, the 2024-26 Discovery API surface: applied.resources, definition.resources, semantic models, saved queries, groups, packages, tags, owners, recentResourceChanges, consumerProjects, external models.
  ///
  /// This file binds the standalone fields (`reference/dbt-discovery-api-2024.md` §2-§3):
  /// `packages`, `tags`, `owners` and `recentResourceChanges` on the states,
  /// `semanticModels`, `savedQueries` and `groups` on `DefinitionState` with their node
  /// and value types, and `Environment.consumerProjects`. Both states read the
  /// environment's latest manifest (`EnvironmentScope` is their parent): the resources
  /// these fields list (macros, groups, semantic models, saved queries, owners and tags of
  /// definitions) are never executed, so their applied state is that manifest too.
  ///
  /// Not bound here: the fields whose values are nested node types
  /// (`SemanticModelDefinitionNode.parents/children/ancestors`, the same on
  /// `SavedQueryDefinitionNode`, `GroupNode.models`, `RecentResourceChange.resource`):
  /// ``bindResourceRelatives(_:)`` binds them over the environment node machinery.
  static func bindResources(_ schema: GraphQLSchema) throws {
    try bindStateLists(schema)
    try bindDefinitionConnections(schema)
    try bindResourceNodeFields(schema)
    try bindResourceValueTypes(schema)
  }

  /// The resource types `resources` can return (reference §2), whose tags `tags` lists and
  /// whose changes `recentResourceChanges` reports.
  static let resourceTypes = [
    "model", "source", "seed", "snapshot", "test", "unit_test", "exposure", "macro", "metric",
    "semantic_model", "saved_query",
  ]

  // MARK: State fields

  private static func bindStateLists(_ schema: GraphQLSchema) throws {
    for state in ["AppliedState", "DefinitionState"] {
      // macro: macros' packages; model: models' packages (external models included).
      try schema.setResolver(state, "packages", as: EnvironmentScope.self) {
        scope, arguments, context, _ in
        let ctx = try RequestContext.of(context)
        let resource = arguments["resource"]?.stringValue ?? "model"
        return try ctx.store.packageNames(
          accountID: ctx.accountID, environmentID: scope.environmentID, resourceType: resource)
      }
      try schema.setResolver(state, "tags", as: EnvironmentScope.self) { scope, _, context, _ in
        let ctx = try RequestContext.of(context)
        return try ctx.store.tagNames(
          accountID: ctx.accountID, environmentID: scope.environmentID,
          resourceTypes: resourceTypes)
      }
    }

    // exposure: exposures' owners; group: groups' owners. Non-null strings: a missing name or
    // email is "", a list of emails (dbt 1.10+) is joined with ", ".
    try schema.setResolver("AppliedState", "owners", as: EnvironmentScope.self) {
      scope, arguments, context, _ in
      let resource = arguments["resource"]?.stringValue ?? "exposure"
      var seen = Set<ResourceOwner>()
      for node in try resources(scope, resource, context) {
        let owner = node.json["owner"]
        let email: String
        if let list = owner?["email"]?.listValue {
          email = list.compactMap(\.stringValue).joined(separator: ", ")
        } else {
          email = owner?["email"]?.stringValue ?? ""
        }
        seen.insert(ResourceOwner(name: owner?["name"]?.stringValue ?? "", email: email))
      }
      return seen.sorted { ($0.name, $0.email) < ($1.name, $1.email) }
    }

    try schema.setResolver("AppliedState", "recentResourceChanges", as: EnvironmentScope.self) {
      scope, arguments, context, _ in
      let ctx = try RequestContext.of(context)
      let days = try CountArgument.value(arguments, "numDays", in: 0...Int.max, default: 0)
      let since = canonicalUTC(Date(timeIntervalSinceNow: -Double(days) * 86_400))
      let changes = try ctx.store.resourceChanges(
        accountID: ctx.accountID, environmentID: scope.environmentID, since: since,
        resourceTypes: resourceTypes)
      let run = try latestRun(scope, context)
      let items = changes.map { ResourceChange(record: $0, latest: run) }
      // Ordered by mostRecentChangedAt descending, then uniqueId.
      return try ResourcePage(
        items, arguments: arguments,
        key: { $0.record.mostRecentChangedAt + "\t" + $0.record.uniqueID },
        follows: { item, key in
          let parts = key.split(separator: "\t", maxSplits: 1).map(String.init)
          guard parts.count == 2 else { return false }
          let at = item.record.mostRecentChangedAt
          return at < parts[0] || (at == parts[0] && item.record.uniqueID > parts[1])
        })
    }

    try schema.setResolver("Environment", "consumerProjects", as: EnvironmentScope.self) {
      scope, _, context, _ in
      let ctx = try RequestContext.of(context)
      return try ctx.store.consumerProjects(
        accountID: ctx.accountID, environmentID: scope.environmentID)
    }
  }

  // MARK: Definition connections

  private static func bindDefinitionConnections(_ schema: GraphQLSchema) throws {
    // GenericMaterializedFilter on semantic models: node_relation {database, schema_name,
    // alias}; on saved queries: any export's config {database, schema_name, alias}.
    try schema.setResolver("DefinitionState", "semanticModels", as: EnvironmentScope.self) {
      scope, arguments, context, _ in
      let nodes = try resources(scope, "semantic_model", context).filter { node in
        let relation = node.json["node_relation"]
        return matches(
          node, arguments["filter"],
          relations: [
            (
              relation?["database"]?.stringValue, relation?["schema_name"]?.stringValue,
              relation?["alias"]?.stringValue
            )
          ])
      }
      return try page(nodes, arguments)
    }
    try schema.setResolver("DefinitionState", "savedQueries", as: EnvironmentScope.self) {
      scope, arguments, context, _ in
      let nodes = try resources(scope, "saved_query", context).filter { node in
        let exports = node.json["exports"]?.listValue ?? []
        return matches(
          node, arguments["filter"],
          relations: exports.map { export in
            let config = export["config"]
            return (
              config?["database"]?.stringValue, config?["schema_name"]?.stringValue,
              config?["alias"]?.stringValue
            )
          })
      }
      return try page(nodes, arguments)
    }
    try schema.setResolver("DefinitionState", "groups", as: EnvironmentScope.self) {
      scope, arguments, context, _ in
      let wanted = strings(arguments["filter"]?["uniqueIds"]).map(Set.init)
      let nodes = try resources(scope, "group", context).filter {
        wanted?.contains($0.definition.uniqueID) ?? true
      }
      return try page(nodes, arguments)
    }

    for connection in [
      "GroupNodeConnection", "SemanticModelDefinitionNodeConnection",
      "SavedQueryDefinitionNodeConnection", "RecentResourceChangeConnection",
    ] {
      try schema.setResolver(connection, "edges", as: ResourcePage.self) { page, _, _, _ in
        page.edges
      }
      try schema.setResolver(connection, "pageInfo", as: ResourcePage.self) { page, _, _, _ in
        page.pageInfo
      }
      try schema.setResolver(connection, "totalCount", as: ResourcePage.self) { page, _, _, _ in
        page.totalCount
      }
      let edge = String(connection.dropLast("Connection".count)) + "Edge"
      try schema.setResolver(edge, "cursor", as: ResourcePage.Edge.self) { edge, _, _, _ in
        edge.cursor
      }
      try schema.setResolver(edge, "node", as: ResourcePage.Edge.self) { edge, _, _, _ in
        edge.node
      }
    }
  }

  /// A page of nodes in unique_id order.
  private static func page(_ nodes: [ResourceNode], _ arguments: JSONObject) throws
    -> ResourcePage
  {
    try ResourcePage(
      nodes, arguments: arguments, key: \.definition.uniqueID,
      follows: { $0.definition.uniqueID > $1 })
  }

  /// `GenericMaterializedFilter`: `database`, `schema`, `identifier` (case-insensitive, on
  /// any of the node's relations), `tags` (at least one), `uniqueIds` (exact).
  private static func matches(
    _ node: ResourceNode, _ filter: JSONValue?,
    relations: [(database: String?, schema: String?, identifier: String?)]
  ) -> Bool {
    guard let filter, case .object = filter else { return true }
    if let ids = strings(filter["uniqueIds"]), !ids.contains(node.definition.uniqueID) {
      return false
    }
    if let tags = strings(filter["tags"]), Set(tags).isDisjoint(with: node.tags) {
      return false
    }
    func same(_ value: String?, _ key: String) -> Bool {
      guard let wanted = filter[key]?.stringValue else { return true }
      return value?.lowercased() == wanted.lowercased()
    }
    guard
      filter["database"]?.stringValue != nil || filter["schema"]?.stringValue != nil
        || filter["identifier"]?.stringValue != nil
    else { return true }
    return relations.contains {
      same($0.database, "database") && same($0.schema, "schema")
        && same($0.identifier, "identifier")
    }
  }

  // MARK: Reading the environment's manifest

  /// The environment's latest run (its current manifest), once per request.
  static func latestRun(_ scope: EnvironmentScope, _ context: Any) throws -> RunInfoRecord? {
    let ctx = try RequestContext.of(context)
    return try ctx.memoized("resources.latestRun.\(scope.environmentID)") {
      try ctx.store.latestRunInfo(accountID: ctx.accountID, environmentID: scope.environmentID)
    }
  }

  /// The definitions of one resource type in the environment's latest manifest, in
  /// unique_id order, once per request.
  static func resources(_ scope: EnvironmentScope, _ resourceType: String, _ context: Any)
    throws -> [ResourceNode]
  {
    let ctx = try RequestContext.of(context)
    return try ctx.memoized("resources.\(scope.environmentID).\(resourceType)") {
      guard let run = try latestRun(scope, context) else { return [ResourceNode]() }
      return try ctx.store.definitions(
        accountID: ctx.accountID, runID: run.id, resourceType: resourceType
      ).map { ResourceNode(run: run, definition: $0) }
    }
  }

  /// `YYYY-MM-DDTHH:MM:SS.ffffffZ`, the store's canonical form, so that text comparison
  /// orders it with stored timestamps.
  private static func canonicalUTC(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    let milliseconds = formatter.string(from: date)  // ...SS.fffZ
    return String(milliseconds.dropLast()) + "000Z"
  }
}
