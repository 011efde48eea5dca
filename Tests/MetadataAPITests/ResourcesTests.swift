import CLI
import Foundation
import GraphQL
import MetadataStore
import Testing

@testable import MetadataAPI

/// Part 4's standalone fields on sample-runs data: packages, tags, owners, groups, semantic
/// models, saved queries, recentResourceChanges (paged) and consumerProjects, with values
/// checked against the manifest dbt wrote.
///
/// `environment(id:)`, `Environment.applied` and `.definition` are bound by the
/// environment resolvers; these tests reach the states through a root value holding the
/// environment's ``EnvironmentScope`` when they are not bound, and through them once they
/// are (the query is the same).
@Suite struct ResourcesTests {
  /// The latest manifest of environment 1 (run 1016) and of environment 2 (run 1012).
  static let production = "101/008/02-build/manifest.json"
  static let staging = "201/004/02-build/manifest.json"

  /// Executes `query` with environment `environment` as the root's environment.
  static func run(
    _ query: String, environment: Int = 1, api: MetadataAPI? = nil, account: Int = 1
  ) throws -> ExecutionResult {
    let api = try api ?? SampleDatabase.api()
    let scope = EnvironmentScope(environmentID: environment)
    let root: [String: Any] = ["environment": ["applied": scope, "definition": scope]]
    let source = Source(query)
    let document = try parse(source)
    return execute(
      schema: api.schema, document: document, source: source, rootValue: root,
      context: RequestContext(accountID: account, store: api.store))
  }

  static func data(_ query: String, environment: Int = 1) throws -> JSONValue {
    let result = try run(query, environment: environment)
    #expect(result.errors.isEmpty, "\(result.errors.map(\.message))")
    return result.data ?? .null
  }

  static func manifest(_ path: String) throws -> JSONValue {
    try JSONParser.parse(
      String(
        contentsOf: SampleDatabase.repository.appendingPathComponent("sample-runs/runs/" + path),
        encoding: .utf8))
  }

  /// Every definition of a manifest, from each collection.
  static func definitions(_ manifest: JSONValue) -> [JSONValue] {
    [
      "nodes", "sources", "exposures", "metrics", "macros", "semantic_models", "saved_queries",
      "unit_tests", "groups",
    ].flatMap { manifest[$0]?.objectValue.map { Array($0.values) } ?? [] }
  }

  @Test func everyFieldOfTheStandaloneTypesHasAResolver() throws {
    let schema = try SampleDatabase.api().schema
    // The nested node fields are left to the definition/applied node resolvers, whose
    // nested node values they return (see MetadataAPI.bindResources).
    let nested: Set<String> = [
      "SemanticModelDefinitionNode.parents", "SemanticModelDefinitionNode.children",
      "SemanticModelDefinitionNode.ancestors", "SavedQueryDefinitionNode.parents",
      "SavedQueryDefinitionNode.children", "SavedQueryDefinitionNode.ancestors",
      "GroupNode.models", "RecentResourceChange.resource",
    ]
    let types = [
      "SemanticModelDefinitionNode", "SavedQueryDefinitionNode", "GroupNode", "Tag",
      "ExposureOwner", "SemanticModelDimension", "SemanticModelEntity", "SemanticModelMeasure",
      "QueryParams", "QueryWhere", "QueryWhereFilter", "QueryExports", "QueryExportConfig",
      "ConsumerProject", "ProducerPublicModel", "RecentResourceChange", "GroupNodeConnection",
      "GroupNodeEdge", "SemanticModelDefinitionNodeConnection", "SemanticModelDefinitionNodeEdge",
      "SavedQueryDefinitionNodeConnection", "SavedQueryDefinitionNodeEdge",
      "RecentResourceChangeConnection", "RecentResourceChangeEdge",
    ]
    for name in types {
      let type = try #require(schema.type(named: name))
      for field in type.fields.values where !nested.contains("\(name).\(field.name)") {
        #expect(
          field.resolve != nil || field.batchResolve != nil, "\(name).\(field.name) is unbound")
      }
    }
    for (type, field) in [
      ("AppliedState", "packages"), ("AppliedState", "tags"), ("AppliedState", "owners"),
      ("AppliedState", "recentResourceChanges"), ("DefinitionState", "packages"),
      ("DefinitionState", "tags"), ("DefinitionState", "semanticModels"),
      ("DefinitionState", "savedQueries"), ("DefinitionState", "groups"),
      ("Environment", "consumerProjects"),
    ] {
      #expect(schema.type(named: type)?.field(named: field)?.resolve != nil, "\(type).\(field)")
    }
  }

  @Test func packagesAreTheManifestsPackageNames() throws {
    let manifest = try Self.manifest(Self.production)
    let macroPackages = Set(
      Self.definitions(manifest).filter { $0["resource_type"] == "macro" }
        .compactMap { $0["package_name"]?.stringValue }
    ).sorted()
    let data = try Self.data(
      """
      { environment(id: 1) {
          applied { macro: packages(resource: macro) model: packages(resource: model) }
          definition { macro: packages(resource: macro) model: packages(resource: model) } } }
      """)
    let expected: JSONValue = .object([
      "macro": .list(macroPackages.map { .string($0) }), "model": ["shop"],
    ])
    #expect(macroPackages == ["dbt", "dbt_duckdb"])
    #expect(data["environment"]?["applied"] == expected)
    #expect(data["environment"]?["definition"] == expected)
  }

  @Test func tagsAreEveryResourcesTags() throws {
    let manifest = try Self.manifest(Self.production)
    var expected = Set<String>()
    for definition in Self.definitions(manifest)
    where MetadataAPI.resourceTypes.contains(definition["resource_type"]?.stringValue ?? "") {
      expected.formUnion(MetadataAPI.strings(definition["tags"]) ?? [])
      expected.formUnion(MetadataAPI.strings(definition["config"]?["tags"]) ?? [])
    }
    let data = try Self.data(
      "{ environment(id: 1) { applied { tags { name } } definition { tags { name } } } }")
    let tags = data["environment"]?["applied"]?["tags"]?.listValue?.compactMap {
      $0["name"]?.stringValue
    }
    #expect(tags == expected.sorted())
    #expect(tags?.contains("semantic-layer") == true)
    #expect(data["environment"]?["definition"]?["tags"] == data["environment"]?["applied"]?["tags"])
  }

  @Test func ownersOfExposuresAndGroups() throws {
    let data = try Self.data(
      """
      { environment(id: 1) { applied {
          exposure: owners(resource: exposure) { name email }
          group: owners(resource: group) { name email } } } }
      """)
    let owners: JSONValue = .list([
      .object(["name": "Finance Data", "email": "finance-data@shop.example"]),
      .object(["name": "Marketing Analytics", "email": "marketing@shop.example"]),
    ])
    #expect(data["environment"]?["applied"]?["exposure"] == owners)
    #expect(data["environment"]?["applied"]?["group"] == owners)
  }

  @Test func groupsWithTheirModelsCount() throws {
    let manifest = try Self.manifest(Self.production)
    let models = manifest["nodes"]?.objectValue?.values.filter { $0["resource_type"] == "model" }
    func count(_ group: String) -> Int {
      models?.filter { ($0["group"] ?? $0["config"]?["group"])?.stringValue == group }.count ?? -1
    }
    let data = try Self.data(
      """
      { environment(id: 1) { definition { groups(first: 1) {
          totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
          edges { node { uniqueId resourceType name ownerName ownerEmail modelCount meta tags
            filePath packageName runId jobId accountId projectId environmentId
            runGeneratedAt description } } } } } }
      """)
    let groups = data["environment"]?["definition"]?["groups"]
    #expect(groups?["totalCount"] == 2)
    #expect(groups?["pageInfo"]?["hasNextPage"] == true)
    let finance = try #require(groups?["edges"]?.listValue?.first?["node"])
    #expect(finance["uniqueId"] == "group.shop.finance")
    #expect(finance["resourceType"] == "group")
    #expect(finance["ownerEmail"] == "finance-data@shop.example")
    #expect(finance["modelCount"]?.intValue == count("finance"))
    #expect(count("finance") == 5)
    #expect(finance["meta"] == .object(["team": "analytics-engineering"]))
    #expect(finance["tags"] == .list([]))
    #expect(finance["filePath"] == "models/marts/groups.yml")
    #expect(finance["runId"] == 1016)
    #expect(finance["jobId"] == 101)

    let cursor = try #require(groups?["pageInfo"]?["endCursor"]?.stringValue)
    let next = try Self.data(
      """
      { environment(id: 1) { definition { groups(first: 1, after: "\(cursor)") {
          pageInfo { hasNextPage hasPreviousPage } edges { node { name modelCount } } } } } }
      """)["environment"]?["definition"]?["groups"]
    #expect(
      next?["edges"]
        == .list([
          .object(["node": .object(["name": "marketing", "modelCount": .int(count("marketing"))])])
        ]))
    #expect(next?["pageInfo"] == .object(["hasNextPage": false, "hasPreviousPage": true]))

    let filtered = try Self.data(
      """
      { environment(id: 1) { definition {
          groups(filter: {uniqueIds: ["group.shop.marketing"]}) { totalCount edges { node { name } } } } } }
      """)["environment"]?["definition"]?["groups"]
    #expect(filtered?["totalCount"] == 1)
  }

  @Test func semanticModelsFromTheManifest() throws {
    let manifest = try Self.manifest(Self.production)
    let expected = try #require(manifest["semantic_models"]?["semantic_model.shop.orders"])
    let node = try #require(
      try Self.data(
        """
        { environment(id: 1) { definition { semanticModels(first: 10) { totalCount edges { node {
            uniqueId name description fqn filePath tags meta
            dimensions { name type description typeParams }
            entities { name type description }
            measures { name agg description expr createMetric } } } } } } }
        """)["environment"]?["definition"]?["semanticModels"]?["edges"]?.listValue?.first?["node"])
    #expect(node["uniqueId"] == "semantic_model.shop.orders")
    #expect(node["description"] == expected["description"])
    #expect(node["fqn"] == expected["fqn"])
    #expect(
      node["dimensions"]?.listValue?.map { $0["name"] }
        == expected["dimensions"]?.listValue?.map { $0["name"] })
    #expect(
      node["dimensions"]?.listValue?.first?["typeParams"]
        == expected["dimensions"]?.listValue?.first?["type_params"])
    #expect(
      node["entities"]?.listValue?.map { $0["type"] }
        == expected["entities"]?.listValue?.map { $0["type"] })
    #expect(
      node["measures"]?.listValue?.first
        == .object([
          "name": "order_amount", "agg": "sum", "description": .null, "expr": "amount",
          "createMetric": false,
        ]))

    // GenericMaterializedFilter on the node relation.
    let filters = [
      (#"{schema: "ANALYTICS_MARTS", identifier: "fct_orders"}"#, 1),
      (#"{schema: "analytics_staging"}"#, 0), (#"{tags: ["nope"]}"#, 0),
      (#"{uniqueIds: ["semantic_model.shop.orders"]}"#, 1),
    ]
    for (filter, count) in filters {
      let total = try Self.data(
        "{ environment(id: 1) { definition { semanticModels(filter: \(filter)) { totalCount } } } }"
      )["environment"]?["definition"]?["semanticModels"]?["totalCount"]
      #expect(total?.intValue == count, "\(filter)")
    }
  }

  @Test func savedQueriesAreEmptyWithoutAnyInTheManifest() throws {
    let manifest = try Self.manifest(Self.production)
    #expect(manifest["saved_queries"] == .object(JSONObject()))
    let data = try Self.data(
      """
      { environment(id: 1) { definition { savedQueries(first: 5) { totalCount
          pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
          edges { node { uniqueId queryParams { metrics groupBy where { whereFilters { whereSqlTemplate } } orderBy limit }
            exports { name config { exportAs schema alias database } } } } } } } }
      """)
    #expect(
      data["environment"]?["definition"]?["savedQueries"]
        == .object([
          "totalCount": 0,
          "pageInfo": .object([
            "startCursor": .null, "endCursor": .null, "hasNextPage": false,
            "hasPreviousPage": false,
          ]),
          "edges": .list([]),
        ]))
  }

  @Test func recentResourceChangesOfStaging() throws {
    // Staging (environment 2) runs one job: 1001, 1005, 1009, 1012. In a window covering
    // them all, every resource that ever existed there was added in it.
    var everyResource = Set<String>()
    for path in [
      "201/001/02-build/manifest.json", "201/002/02-build/manifest.json",
      "201/003/02-build/manifest.json", Self.staging,
    ] {
      for definition in Self.definitions(try Self.manifest(path))
      where MetadataAPI.resourceTypes.contains(definition["resource_type"]?.stringValue ?? "") {
        if let id = definition["unique_id"]?.stringValue { everyResource.insert(id) }
      }
    }
    // Every page of the connection, `size` at a time.
    func walk(_ size: Int) throws -> (nodes: [JSONValue], totalCount: Int?) {
      var walked: [JSONValue] = []
      var totalCount: Int?
      var after: String?
      repeat {
        let argument = after.map { #", after: "\#($0)""# } ?? ""
        let page = try #require(
          try Self.data(
            """
            { environment(id: 2) { applied {
                recentResourceChanges(numDays: 100000, first: \(size)\(argument)) {
                  totalCount pageInfo { hasNextPage endCursor }
                  edges { node { uniqueId changes mostRecentChangedAt runId jobDefinitionId
                    accountId projectId environmentId gitSha } } } } } }
            """, environment: 2)["environment"]?["applied"]?["recentResourceChanges"])
        walked += page["edges"]?.listValue?.compactMap { $0["node"] } ?? []
        totalCount = page["totalCount"]?.intValue
        after =
          page["pageInfo"]?["hasNextPage"] == true
          ? page["pageInfo"]?["endCursor"]?.stringValue : nil
      } while after != nil
      return (walked, totalCount)
    }
    let (nodes, totalCount) = try walk(500)
    let ids = nodes.compactMap { $0["uniqueId"]?.stringValue }
    #expect(totalCount == everyResource.count)
    #expect(ids.count == everyResource.count)
    #expect(Set(ids).symmetricDifference(everyResource).isEmpty)
    let times = nodes.compactMap { $0["mostRecentChangedAt"]?.stringValue }
    #expect(times == times.sorted(by: >))
    #expect(
      nodes.allSatisfy { ($0["changes"]?.intValue ?? 0) >= 1 && $0["jobDefinitionId"] == 201 })
    // fct_refunds arrived in staging with run 1005; product_performance was retired in 1012.
    let refunds = try #require(nodes.first { $0["uniqueId"] == "model.shop.fct_refunds" })
    #expect([1005, 1009, 1012].contains(refunds["runId"]?.intValue ?? 0))
    let retired = try #require(nodes.first { $0["uniqueId"] == "model.shop.product_performance" })
    #expect([1001, 1005, 1009].contains(retired["runId"]?.intValue ?? 0))
    #expect(retired["environmentId"] == 2)
    #expect(retired["gitSha"] == .null)

    // Page by page in smaller pages: the same list, with no gaps or repeats.
    #expect(try walk(97).nodes == nodes)

    // A window after the last run: nothing changed.
    let none = try Self.data(
      "{ environment(id: 2) { applied { recentResourceChanges(numDays: 0) { totalCount } } } }",
      environment: 2)
    #expect(none["environment"]?["applied"]?["recentResourceChanges"]?["totalCount"] == 0)
  }

  @Test func badPagingArgumentsGiveOneClearError() throws {
    // A cursor of an environment node connection (ordered by unique id), not of this list.
    let foreign = ConnectionCursor.encode(
      sort: .uniqueID, position: .init(value: .null, uniqueID: "model.shop.orders"))
    let cases = [
      (
        #"groups(after: "bm90LWEtY3Vyc29y") { totalCount }"#,
        #"Invalid cursor "bm90LWEtY3Vyc29y" for argument "after": not a cursor of this API. Pass the endCursor (or an edge's cursor) of a previous page of the same query."#
      ),
      (
        "groups(after: \"\(foreign)\") { totalCount }",
        "Invalid cursor \"\(foreign)\" for argument \"after\": it was made for the order by uniqueID, this query orders by key. Pass the endCursor (or an edge's cursor) of a previous page of the same query."
      ),
      (
        "groups(first: 501) { totalCount }",
        "Argument \"first\" is 501: it must be between 0 and 500 (the Discovery API's page size limit)."
      ),
      (
        "groups(first: -1) { totalCount }",
        "Argument \"first\" is -1: it must be between 0 and 500 (the Discovery API's page size limit)."
      ),
    ]
    for (field, message) in cases {
      let result = try Self.run("{ environment(id: 1) { definition { \(field) } } }")
      #expect(result.errors.map(\.message) == [message])
    }
    let negative = try Self.run(
      "{ environment(id: 1) { applied { recentResourceChanges(numDays: -1) { totalCount } } } }")
    #expect(
      negative.errors.map(\.message) == ["Argument \"numDays\" is -1: it must be at least 0."])
  }

  @Test func anotherAccountSeesNothing() throws {
    let result = try Self.run(
      """
      { environment(id: 1) { applied { packages(resource: macro) tags { name }
          owners(resource: exposure) { name } recentResourceChanges(numDays: 100000) { totalCount } }
        definition { groups { totalCount } semanticModels { totalCount } } } }
      """, account: 2)
    #expect(result.data == .null)
    #expect(result.errors.map(\.message).first?.hasPrefix("Environment 1 not found") == true)
  }

  @Test func consumerProjectsReferencingPublicModels() throws {
    // Project 1 (the producer) and project 2, whose manifest holds project "shop"'s public
    // models: a consumer of them.
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("consumers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = directory.appendingPathComponent("mesh.sqlite").path
    let manifestPath = SampleDatabase.repository.appendingPathComponent(
      "sample-runs/runs/" + Self.production
    ).path
    for (project, environment) in [(1, 1), (2, 2)] {
      let output = CapturedOutput()
      let code = CLI.run(
        [
          "ingest", "--db", database, "--account", "1", "--project", "\(project)",
          "--environment", "\(environment)", "--job", "\(environment)", "--manifest",
          manifestPath,
        ], output: output.output)
      #expect(code == 0, "\(output.standardError)")
    }
    let api = try MetadataAPI(store: MetadataStore(path: database))
    let scope = EnvironmentScope(environmentID: 1)
    let source = Source(
      """
      { environment(id: 1) { consumerProjects { consumerProjectId consumerEnvironmentId
          consumerCoreProject consumerCloudProject producerPublicModels { uniqueId numEdges } } } }
      """)
    let result = execute(
      schema: api.schema, document: try parse(source), source: source,
      rootValue: ["environment": scope], context: RequestContext(accountID: 1, store: api.store))
    #expect(result.errors.isEmpty, "\(result.errors)")
    let consumers = try #require(result.data?["environment"]?["consumerProjects"]?.listValue)
    #expect(consumers.count == 1)
    let consumer = try #require(consumers.first)
    #expect(consumer["consumerProjectId"] == 2)
    #expect(consumer["consumerEnvironmentId"] == 2)
    #expect(consumer["consumerCoreProject"] == "shop")
    let manifest = try Self.manifest(Self.production)
    let publicModels = (manifest["nodes"]?.objectValue?.values ?? []).filter {
      $0["resource_type"] == "model" && $0["access"] == "public"
    }.compactMap { $0["unique_id"]?.stringValue }.sorted()
    let expected: [JSONValue] = publicModels.map { id in
      .object([
        "uniqueId": .string(id),
        "numEdges": .int(manifest["child_map"]?[id]?.listValue?.count ?? -1),
      ])
    }
    #expect(consumer["producerPublicModels"] == .list(expected))

    // Account 2 has no environment 1.
    let foreign = execute(
      schema: api.schema, document: try parse(source), source: source,
      rootValue: ["environment": scope], context: RequestContext(accountID: 2, store: api.store))
    #expect(foreign.data == .null)
    #expect(foreign.errors.first?.message.hasPrefix("Environment 1 not found") == true)
  }
}
