import Foundation
import GraphQL
import Testing

@testable import MetadataAPI

/// The documents dbt-labs/dbt-mcp's discovery client sends (`src/dbt_mcp/discovery/client.py`
/// and `src/dbt_mcp/discovery/graphql/*.gql`), as it sends them: operation names, variables,
/// fragments and aliases, run on the sample runs (environment 1, whose latest run is
/// `101/008`) without errors, with values checked against the artifacts.
///
/// Covered elsewhere, not repeated here: `GetModels` and `GetModelHealth`
/// (``EnvironmentClientTests``), `GetLineage` (``LineageTests``).
///
/// Where a document selects what the spec does not have (the spec is the contract), the
/// document is adjusted minimally and the test says what was dropped:
/// - `AppliedResourcesFilter.types` is required by the spec; dbt-mcp's resource-detail
///   fetcher sends only `uniqueIds`, so the variables here add `types`.
/// - `TestAppliedStateNode.dependsOnMacros`, `SemanticModelDefinitionNode.defaults`,
///   `MacroDefinitionNode.path`, `SeedAppliedStateNode.path`, and
///   `SnapshotAppliedStateNode.targetDatabase/targetSchema/strategy/primaryKey/
///   snapshotExecutionInfo` are not in the spec: dropped (`snapshotExecutionInfo` is the
///   spec's `executionInfo`, selected under that alias).
/// - `SemanticModelDimension.typeParams` is a `JSONObject` scalar in the spec: selected
///   without `{ timeGranularity }`.
/// - `SourceAppliedStateNode.comment/owner/rowCountStat/type` (the newer `SourceDetails`)
///   are `CatalogNode` fields in the spec: selected under `catalog`.
/// - `LineageNode.description` (`GetFullLineage`) is not in the spec: dropped.
@Suite struct DbtMCPClientTests {
  static let run = "101/008"

  /// The response data of `query`, failing the test on any error.
  static func data(_ query: String, _ variables: JSONObject) throws -> JSONValue {
    let result = try SampleDatabase.run(query, variables: variables)
    #expect(result.errors.isEmpty, "\(result.errors)")
    return try #require(result.data)
  }

  static func manifest() throws -> [String: Any] {
    try SampleArtifacts.json("\(run)/02-build/manifest.json")
  }

  static func catalog() throws -> [String: Any] {
    try SampleArtifacts.json("\(run)/03-docs-generate/catalog.json")
  }

  /// Every resource of the manifest by unique id (nodes, sources, exposures, metrics,
  /// semantic models, saved queries).
  static func resources(_ manifest: [String: Any]) -> [String: [String: Any]] {
    var all: [String: [String: Any]] = [:]
    for key in ["nodes", "sources", "exposures", "metrics", "semantic_models", "saved_queries"] {
      for (id, value) in manifest[key] as? [String: [String: Any]] ?? [:] { all[id] = value }
    }
    return all
  }

  static func nodes(_ connection: JSONValue?) -> [JSONValue] {
    (connection?["edges"]?.listValue ?? []).compactMap { $0["node"] }
  }

  static func firstNode(_ connection: JSONValue?) -> JSONValue? {
    nodes(connection).first
  }

  /// Column name to type of a catalog entry.
  static func columnTypes(_ entry: Any?) -> [String: String] {
    let columns = (entry as? [String: Any])?["columns"] as? [String: [String: Any]] ?? [:]
    var types: [String: String] = [:]
    for (name, column) in columns { types[name] = column["type"] as? String }
    return types
  }

  static func columnTypes(_ columns: JSONValue?) -> [String: String] {
    var types: [String: String] = [:]
    for column in columns?.listValue ?? [] {
      if let name = column["name"]?.stringValue { types[name] = column["type"]?.stringValue }
    }
    return types
  }

  // MARK: Models

  static let commonFieldsParentsChildren = """
    {
    ... on ExposureAppliedStateNestedNode { resourceType name description }
    ... on ExternalModelNode { resourceType description name }
    ... on MacroDefinitionNestedNode { resourceType name description }
    ... on MetricDefinitionNestedNode { resourceType name description }
    ... on ModelAppliedStateNestedNode { resourceType name description }
    ... on SavedQueryDefinitionNestedNode { resourceType name description }
    ... on SeedAppliedStateNestedNode { resourceType name description }
    ... on SemanticModelDefinitionNestedNode { resourceType name description }
    ... on SnapshotAppliedStateNestedNode { resourceType name description }
    ... on SourceAppliedStateNestedNode { resourceType sourceName uniqueId name description }
    ... on TestAppliedStateNestedNode { resourceType name description }
    """

  /// `GET_MODEL_DETAILS` (client.py), by name through `identifier` as `fetch_model_details`
  /// sends it: the compiled code and the catalog's column types.
  @Test func getModelDetails() throws {
    let data = try Self.data(
      """
      query GetModelDetails(
          $environmentId: BigInt!,
          $modelsFilter: ModelAppliedFilter
          $first: Int,
      ) {
          environment(id: $environmentId) {
              applied {
                  models(filter: $modelsFilter, first: $first) {
                      edges {
                          node {
                              name uniqueId compiledCode description database schema alias
                              catalog { columns { description name type } }
                          }
                      }
                  }
              }
          }
      }
      """,
      ["environmentId": 1, "modelsFilter": ["identifier": "fct_orders"], "first": 1])
    let models = Self.nodes(data["environment"]?["applied"]?["models"])
    #expect(models.count == 1)
    let model = try #require(models.first)
    let written = try #require(Self.resources(Self.manifest())["model.shop.fct_orders"])
    #expect(model["uniqueId"] == "model.shop.fct_orders")
    #expect(model["compiledCode"]?.stringValue == written["compiled_code"] as? String)
    #expect(model["schema"]?.stringValue == written["schema"] as? String)
    let catalogNodes = try Self.catalog()["nodes"] as? [String: Any]
    let expected = Self.columnTypes(catalogNodes?["model.shop.fct_orders"])
    #expect(!expected.isEmpty)
    #expect(Self.columnTypes(model["catalog"]?["columns"]) == expected)
    #expect(expected["amount"] == "DECIMAL(38,2)")
  }

  /// `model_details.gql` (the newer `ModelDetails`, through `applied.resources`, with the
  /// ancestor types as a variable).
  @Test func modelDetailsThroughResources() throws {
    let data = try Self.data(
      """
      query ModelDetails(
        $environmentId: BigInt!
        $filter: AppliedResourcesFilter!
        $after: String
        $first: Int
        $types: [AncestorNodeType!]!
      ) {
        environment(id: $environmentId) {
          applied {
            resources(filter: $filter, after: $after, first: $first) {
              pageInfo { hasNextPage endCursor }
              edges {
                node {
                  ... on ModelAppliedStateNode {
                    access alias
                    ancestors(types: $types) { uniqueId resourceType description }
                    catalog { columns { comment description meta name tags type index } }
                    children { resourceType uniqueId description }
                    config compiledCode
                    constraints { type name expression columns warnUnenforced warnUnsupported }
                    contractEnforced database deprecationDate description
                    executionInfo { lastRunError lastRunGeneratedAt lastRunStatus }
                    filePath group isDescriptionInherited meta modelingLayer name
                    parents { description resourceType uniqueId }
                    rawCode resourceType schema tags
                    tests { columnName description uniqueId }
                    uniqueId latestVersion version language fqn
                  }
                }
              }
            }
          }
        }
      }
      """,
      [
        "environmentId": 1, "first": 1,
        "filter": ["types": ["Model"], "uniqueIds": ["model.shop.fct_orders"]],
        "types": ["Model", "Source", "Seed", "Snapshot"],
      ])
    let resources = data["environment"]?["applied"]?["resources"]
    #expect(resources?["pageInfo"]?["hasNextPage"] == false)
    let model = try #require(Self.firstNode(resources))
    let manifest = try Self.manifest()
    let parentMap = manifest["parent_map"] as? [String: [String]] ?? [:]
    let parents = (model["parents"]?.listValue ?? []).compactMap { $0["uniqueId"]?.stringValue }
    #expect(parents == (parentMap["model.shop.fct_orders"] ?? []).sorted())
    let ancestors = Set(
      (model["ancestors"]?.listValue ?? []).compactMap { $0["uniqueId"]?.stringValue })
    #expect(ancestors.isSuperset(of: parents))
    #expect(ancestors.contains("source.shop.shop.orders"))
    let tests = (model["tests"]?.listValue ?? []).compactMap { $0["uniqueId"]?.stringValue }
    #expect(!tests.isEmpty)
    #expect(tests.allSatisfy { $0.hasPrefix("test.shop.") || $0.hasPrefix("unit_test.shop.") })
    let result = try SampleArtifacts.result(
      "\(Self.run)/02-build/run_results.json", "model.shop.fct_orders")
    #expect(model["executionInfo"]?["lastRunStatus"]?.stringValue == result["status"] as? String)
    let written = try #require(Self.resources(manifest)["model.shop.fct_orders"])
    #expect(model["fqn"]?.listValue?.compactMap(\.stringValue) == written["fqn"] as? [String])
  }

  /// `GET_MODEL_PARENTS`: the parents through the client's shared fragment selection.
  @Test func getModelParents() throws {
    let data = try Self.data(
      """
      query GetModelParents(
          $environmentId: BigInt!,
          $modelsFilter: ModelAppliedFilter
          $first: Int,
      ) {
          environment(id: $environmentId) {
              applied {
                  models(filter: $modelsFilter, first: $first) {
                      pageInfo { endCursor }
                      edges {
                          node {
                              parents
      \(Self.commonFieldsParentsChildren)
                              }
                          }
                      }
                  }
              }
          }
      }
      """,
      ["environmentId": 1, "modelsFilter": ["uniqueIds": ["model.shop.fct_orders"]], "first": 1])
    let model = try #require(Self.firstNode(data["environment"]?["applied"]?["models"]))
    let manifest = try Self.manifest()
    let all = Self.resources(manifest)
    let parentIDs = (manifest["parent_map"] as? [String: [String]])?["model.shop.fct_orders"] ?? []
    let names = (model["parents"]?.listValue ?? []).compactMap { $0["name"]?.stringValue }
    #expect(names.sorted() == parentIDs.compactMap { all[$0]?["name"] as? String }.sorted())
    #expect(!names.isEmpty)
  }

  /// `GET_MODEL_CHILDREN`: tests, models and the semantic model built on `fct_orders`.
  @Test func getModelChildren() throws {
    let data = try Self.data(
      """
      query GetModelChildren(
          $environmentId: BigInt!,
          $modelsFilter: ModelAppliedFilter
          $first: Int,
      ) {
          environment(id: $environmentId) {
              applied {
                  models(filter: $modelsFilter, first: $first) {
                      pageInfo { endCursor }
                      edges {
                          node {
                              children
      \(Self.commonFieldsParentsChildren)
                              }
                          }
                      }
                  }
              }
          }
      }
      """,
      ["environmentId": 1, "modelsFilter": ["uniqueIds": ["model.shop.fct_orders"]], "first": 1])
    let model = try #require(Self.firstNode(data["environment"]?["applied"]?["models"]))
    let manifest = try Self.manifest()
    let all = Self.resources(manifest)
    let childIDs = (manifest["child_map"] as? [String: [String]])?["model.shop.fct_orders"] ?? []
    let children = model["children"]?.listValue ?? []
    #expect(
      children.compactMap { $0["name"]?.stringValue }.sorted()
        == childIDs.compactMap { all[$0]?["name"] as? String }.sorted())
    #expect(
      children.contains { $0["resourceType"] == "semantic_model" && $0["name"] == "orders" })
  }

  // MARK: Sources

  /// `GET_SOURCES`, paged two at a time as the paginated fetcher does (`first`, `after`
  /// from `endCursor` while `hasNextPage`), with a `sourceNames` filter.
  @Test func getSourcesPagesThroughTheFilteredSources() throws {
    let query = """
      query GetSources(
          $environmentId: BigInt!,
          $sourcesFilter: SourceAppliedFilter,
          $after: String,
          $first: Int
      ) {
          environment(id: $environmentId) {
              applied {
                  sources(filter: $sourcesFilter, after: $after, first: $first) {
                      pageInfo { hasNextPage endCursor }
                      edges {
                          node {
                              name uniqueId identifier description sourceName resourceType database schema
                              freshness { maxLoadedAt maxLoadedAtTimeAgoInS freshnessStatus }
                          }
                      }
                  }
              }
          }
      }
      """
    var after: JSONValue = .null
    var sources: [JSONValue] = []
    for _ in 0..<10 {
      let data = try Self.data(
        query,
        [
          "environmentId": 1, "first": 2, "after": after,
          "sourcesFilter": ["sourceNames": ["shop", "stripe"]],
        ])
      let connection = data["environment"]?["applied"]?["sources"]
      sources += Self.nodes(connection)
      guard connection?["pageInfo"]?["hasNextPage"] == true,
        let end = connection?["pageInfo"]?["endCursor"]
      else { break }
      after = end
    }
    let written = (try Self.manifest()["sources"] as? [String: [String: Any]] ?? [:]).values
      .filter { ["shop", "stripe"].contains($0["source_name"] as? String ?? "") }
      .compactMap { $0["unique_id"] as? String }.sorted()
    #expect(sources.compactMap { $0["uniqueId"]?.stringValue } == written)
    let orders = try #require(sources.first { $0["uniqueId"] == "source.shop.shop.orders" })
    let result = try SampleArtifacts.result(
      "\(Self.run)/01-source-freshness/sources.json", "source.shop.shop.orders")
    #expect(
      orders["freshness"]?["maxLoadedAt"]?.stringValue
        == SampleArtifacts.apiTime(result["max_loaded_at"]))
    #expect(orders["freshness"]?["freshnessStatus"] == "Pass")
    #expect(orders["identifier"] == "orders")
  }

  /// `GET_SOURCE_DETAILS` (by `identifier`, as `fetch_source_details` sends a name).
  @Test func getSourceDetails() throws {
    let data = try Self.data(
      """
      query GetSourceDetails(
          $environmentId: BigInt!,
          $sourcesFilter: SourceAppliedFilter,
          $first: Int
      ) {
          environment(id: $environmentId) {
              applied {
                  sources(filter: $sourcesFilter, first: $first) {
                      edges {
                          node {
                              name uniqueId identifier description sourceName database schema
                              freshness { maxLoadedAt maxLoadedAtTimeAgoInS freshnessStatus }
                              catalog { columns { name type description } }
                          }
                      }
                  }
              }
          }
      }
      """,
      ["environmentId": 1, "sourcesFilter": ["identifier": "orders"], "first": 1])
    let source = try #require(Self.firstNode(data["environment"]?["applied"]?["sources"]))
    #expect(source["uniqueId"] == "source.shop.shop.orders")
    #expect(source["database"] == "prod")
    #expect(source["schema"] == "raw_shop")
    let catalogSources = try Self.catalog()["sources"] as? [String: Any]
    let expected = Self.columnTypes(catalogSources?["source.shop.shop.orders"])
    #expect(!expected.isEmpty)
    #expect(Self.columnTypes(source["catalog"]?["columns"]) == expected)
  }

  /// `source_details.gql` (the newer `SourceDetails`, through `applied.resources`).
  /// Adjusted: `comment owner rowCountStat type` moved under `catalog` (see the suite).
  @Test func sourceDetailsThroughResources() throws {
    let data = try Self.data(
      """
      query SourceDetails(
        $environmentId: BigInt!
        $filter: AppliedResourcesFilter!
        $after: String
        $first: Int
      ) {
        environment(id: $environmentId) {
          applied {
            resources(filter: $filter, after: $after, first: $first) {
              pageInfo { hasNextPage endCursor }
              edges {
                node {
                  ... on SourceAppliedStateNode {
                    catalog {
                      columns { comment description index meta name tags type }
                      comment owner rowCountStat type
                    }
                    freshness { maxLoadedAt maxLoadedAtTimeAgoInS freshnessStatus }
                    uniqueId name identifier description sourceName database schema
                  }
                }
              }
            }
          }
        }
      }
      """,
      [
        "environmentId": 1, "first": 1,
        "filter": ["types": ["Source"], "uniqueIds": ["source.shop.stripe.payments"]],
      ])
    let source = try #require(Self.firstNode(data["environment"]?["applied"]?["resources"]))
    #expect(source["uniqueId"] == "source.shop.stripe.payments")
    #expect(source["sourceName"] == "stripe")
    let result = try SampleArtifacts.result(
      "\(Self.run)/01-source-freshness/sources.json", "source.shop.stripe.payments")
    #expect(
      source["freshness"]?["maxLoadedAt"]?.stringValue
        == SampleArtifacts.apiTime(result["max_loaded_at"]))
    let catalogSources = try Self.catalog()["sources"] as? [String: Any]
    let entry = catalogSources?["source.shop.stripe.payments"] as? [String: Any]
    #expect(Self.columnTypes(source["catalog"]?["columns"]) == Self.columnTypes(entry))
    let metadata = entry?["metadata"] as? [String: Any]
    #expect(source["catalog"]?["type"]?.stringValue == metadata?["type"] as? String)
  }

  // MARK: Exposures

  /// `GET_EXPOSURES`, paged one at a time, with `totalCount`.
  @Test func getExposuresPagesThroughEveryExposure() throws {
    let query = """
      query Exposures($environmentId: BigInt!, $first: Int, $after: String) {
          environment(id: $environmentId) {
              definition {
                  exposures(first: $first, after: $after) {
                      totalCount
                      pageInfo { hasNextPage endCursor }
                      edges { node { name uniqueId url description } }
                  }
              }
          }
      }
      """
    var after: JSONValue = .null
    var exposures: [JSONValue] = []
    for _ in 0..<10 {
      let data = try Self.data(query, ["environmentId": 1, "first": 1, "after": after])
      let connection = data["environment"]?["definition"]?["exposures"]
      #expect(connection?["totalCount"] == 2)
      exposures += Self.nodes(connection)
      guard connection?["pageInfo"]?["hasNextPage"] == true,
        let end = connection?["pageInfo"]?["endCursor"]
      else { break }
      after = end
    }
    #expect(
      exposures.compactMap { $0["uniqueId"]?.stringValue }
        == ["exposure.shop.funnel_notebook", "exposure.shop.weekly_revenue_dashboard"])
    let dashboard = exposures.first { $0["name"] == "weekly_revenue_dashboard" }
    #expect(dashboard?["url"] == "https://bi.shop.example/dashboards/12")
  }

  /// `GET_EXPOSURE_DETAILS` by unique ids (`first` = how many ids were asked).
  @Test func getExposureDetails() throws {
    let data = try Self.data(
      """
      query ExposureDetails($environmentId: BigInt!, $filter: ExposureFilter, $first: Int) {
          environment(id: $environmentId) {
              definition {
                  exposures(first: $first, filter: $filter) {
                      edges {
                          node {
                              name maturity label ownerEmail ownerName uniqueId url meta
                              freshnessStatus exposureType description
                              parents { uniqueId }
                          }
                      }
                  }
              }
          }
      }
      """,
      [
        "environmentId": 1, "first": 1,
        "filter": ["uniqueIds": ["exposure.shop.weekly_revenue_dashboard"]],
      ])
    let exposure = try #require(Self.firstNode(data["environment"]?["definition"]?["exposures"]))
    let written = try #require(
      (Self.manifest()["exposures"] as? [String: [String: Any]])?[
        "exposure.shop.weekly_revenue_dashboard"])
    #expect(exposure["maturity"] == "high")
    #expect(exposure["label"] == "Weekly revenue")
    #expect(exposure["exposureType"] == "dashboard")
    #expect(exposure["ownerName"] == "Finance Data")
    #expect(exposure["ownerEmail"] == "finance-data@shop.example")
    #expect(exposure["meta"] == ["tool": "metabase"])
    let dependsOn = (written["depends_on"] as? [String: Any])?["nodes"] as? [String] ?? []
    #expect(
      (exposure["parents"]?.listValue ?? []).compactMap { $0["uniqueId"]?.stringValue }
        == dependsOn.sorted())
    // The upstream sources' worst latest freshness: every checked source passed.
    #expect(exposure["freshnessStatus"] == "Pass")
  }

  // MARK: Resource details (applied.resources by type)

  static let resourcesHeader = """
    query Applied($environmentId: BigInt!, $filter: AppliedResourcesFilter!, $after: String, $first: Int) {
        environment(id: $environmentId) {
            applied {
                resources(filter: $filter, after: $after, first: $first) {
                    pageInfo { hasNextPage endCursor }
                    edges {
                        node {
                            __typename
    """
  static let resourcesFooter = "} } } } } }"

  /// One `ResourceDetailsFetcher` document (its operation renamed `Applied`), for one id.
  static func resource(_ fragment: String, type: String, uniqueID: String) throws -> JSONValue {
    let data = try Self.data(
      resourcesHeader + fragment + resourcesFooter,
      [
        "environmentId": 1, "first": 1,
        "filter": ["types": [.string(type)], "uniqueIds": [.string(uniqueID)]],
      ])
    let nodes = Self.nodes(data["environment"]?["applied"]?["resources"])
    #expect(nodes.count == 1, "\(type) \(uniqueID)")
    let first = nodes.first
    return try #require(first)
  }

  /// `get_applied_resource_models.gql`.
  @Test func appliedModelResources() throws {
    let model = try Self.resource(
      """
      ... on ModelAppliedStateNode {
          resourceType uniqueId name description compiledCode database schema alias
          catalog { columns { name type description } }
      }
      """, type: "Model", uniqueID: "model.shop.daily_revenue")
    #expect(model["__typename"] == "ModelAppliedStateNode")
    #expect(model["name"] == "daily_revenue")
    let catalogNodes = try Self.catalog()["nodes"] as? [String: Any]
    #expect(
      Self.columnTypes(model["catalog"]?["columns"])
        == Self.columnTypes(catalogNodes?["model.shop.daily_revenue"]))
  }

  /// `get_applied_resource_sources.gql`.
  @Test func appliedSourceResources() throws {
    let source = try Self.resource(
      """
      ... on SourceAppliedStateNode {
          resourceType uniqueId name description sourceName identifier database schema
          freshness { maxLoadedAt maxLoadedAtTimeAgoInS freshnessStatus }
          catalog { columns { name type description } }
      }
      """, type: "Source", uniqueID: "source.shop.shop.customers")
    #expect(source["__typename"] == "SourceAppliedStateNode")
    #expect(source["sourceName"] == "shop")
    #expect(source["freshness"]?["freshnessStatus"] == "Pass")
  }

  /// `get_applied_resource_tests.gql`. Adjusted: `dependsOnMacros` dropped (not in the spec).
  @Test func appliedTestResources() throws {
    let manifest = try Self.manifest()
    let nodes = manifest["nodes"] as? [String: [String: Any]] ?? [:]
    let test = try #require(
      nodes.values.filter {
        $0["resource_type"] as? String == "test" && $0["column_name"] is String
      }
      .compactMap { $0["unique_id"] as? String }.sorted().first)
    let node = try Self.resource(
      """
      ... on TestAppliedStateNode {
          resourceType uniqueId name description columnName testType meta
      }
      """, type: "Test", uniqueID: test)
    #expect(node["__typename"] == "TestAppliedStateNode")
    #expect(node["columnName"]?.stringValue == nodes[test]?["column_name"] as? String)
    #expect(node["testType"] == "GENERIC_DATA_TEST")
  }

  /// `get_applied_resource_semantic_models.gql`. Adjusted: `defaults { aggTimeDimension }`
  /// dropped, `typeParams` selected as the spec's JSONObject.
  @Test func appliedSemanticModelResources() throws {
    let model = try Self.resource(
      """
      ... on SemanticModelDefinitionNode {
          uniqueId name description
          entities { name type description }
          dimensions { name type description typeParams }
          measures { name expr description agg }
      }
      """, type: "SemanticModel", uniqueID: "semantic_model.shop.orders")
    #expect(model["__typename"] == "SemanticModelDefinitionNode")
    #expect(model["description"] == "Orders for the semantic layer.")
    #expect(
      model["entities"]
        == [
          ["name": "order", "type": "primary", "description": nil],
          ["name": "customer", "type": "foreign", "description": nil],
        ])
    let dimensions = model["dimensions"]?.listValue ?? []
    #expect(dimensions.compactMap { $0["name"]?.stringValue } == ["order_date", "status"])
    #expect(dimensions.first?["typeParams"]?["time_granularity"] == "day")
    #expect(
      model["measures"]?.listValue?.compactMap { $0["expr"]?.stringValue } == ["amount", "1"])
  }

  /// `get_macro_details.gql`. Adjusted: `path` dropped (the spec's `MacroDefinitionNode` has
  /// `filePath`).
  @Test func appliedMacroResources() throws {
    let manifest = try Self.manifest()
    let macros = manifest["macros"] as? [String: [String: Any]] ?? [:]
    let id = try #require(macros.keys.filter { $0.hasPrefix("macro.dbt.") }.sorted().first)
    let macro = try Self.resource(
      """
      ... on MacroDefinitionNode { uniqueId name description macroSql }
      """, type: "Macro", uniqueID: id)
    #expect(macro["__typename"] == "MacroDefinitionNode")
    #expect(macro["macroSql"]?.stringValue == macros[id]?["macro_sql"] as? String)
  }

  /// `get_seed_details.gql`. Adjusted: `path` dropped (not in the spec).
  @Test func appliedSeedResources() throws {
    let seed = try Self.resource(
      """
      ... on SeedAppliedStateNode {
          resourceType uniqueId name description database schema alias
          catalog { columns { name type description } }
      }
      """, type: "Seed", uniqueID: "seed.shop.country_codes")
    #expect(seed["__typename"] == "SeedAppliedStateNode")
    let catalogNodes = try Self.catalog()["nodes"] as? [String: Any]
    let expected = Self.columnTypes(catalogNodes?["seed.shop.country_codes"])
    #expect(!expected.isEmpty)
    #expect(Self.columnTypes(seed["catalog"]?["columns"]) == expected)
  }

  /// `get_snapshot_details.gql`. Adjusted: `targetDatabase targetSchema strategy primaryKey`
  /// dropped; `snapshotExecutionInfo` is the spec's `executionInfo` under that alias.
  @Test func appliedSnapshotResources() throws {
    let snapshot = try Self.resource(
      """
      ... on SnapshotAppliedStateNode {
          resourceType uniqueId name description database schema
          snapshotExecutionInfo: executionInfo { lastRunStatus executeCompletedAt executeStartedAt }
      }
      """, type: "Snapshot", uniqueID: "snapshot.shop.customers_snapshot")
    #expect(snapshot["__typename"] == "SnapshotAppliedStateNode")
    let result = try SampleArtifacts.result(
      "\(Self.run)/02-build/run_results.json", "snapshot.shop.customers_snapshot")
    #expect(
      snapshot["snapshotExecutionInfo"]?["lastRunStatus"]?.stringValue
        == result["status"] as? String)
  }

  // MARK: Lineage

  /// `get_full_lineage.gql`: every node of the types with its parents. Adjusted:
  /// `description` dropped (the spec's `LineageNode` has none).
  @Test func getFullLineage() throws {
    let data = try Self.data(
      """
      query GetFullLineage($environmentId: BigInt!, $types: [ResourceNodeType!]!) {
        environment(id: $environmentId) {
          applied {
            lineage(filter: { types: $types }) {
              name
              uniqueId
              resourceType
              ... on LineageNodeWithParents {
                parentIds
              }
            }
          }
        }
      }
      """, ["environmentId": 1, "types": ["Model", "Source", "SemanticModel"]])
    let nodes = data["environment"]?["applied"]?["lineage"]?.listValue ?? []
    let manifest = try Self.manifest()
    let all = Self.resources(manifest)
    let expected = all.filter {
      ["model", "source", "semantic_model"].contains($0.value["resource_type"] as? String ?? "")
    }.keys.sorted()
    #expect(nodes.compactMap { $0["uniqueId"]?.stringValue }.sorted() == expected)
    let parentMap = manifest["parent_map"] as? [String: [String]] ?? [:]
    let orders = nodes.first { $0["uniqueId"] == "semantic_model.shop.orders" }
    #expect(orders?["resourceType"] == "SemanticModel")
    #expect(
      orders?["parentIds"]?.listValue?.compactMap(\.stringValue)
        == parentMap["semantic_model.shop.orders"])
  }

  /// `get_node_relations.gql` / `get_lineage_details.gql`: the client asks every applied
  /// list for one unique id; only the list of its type answers it.
  @Test func getNodeRelations() throws {
    let document = """
      query GetNodeRelations($environmentId: BigInt!, $uniqueId: String!) {
        environment(id: $environmentId) {
          applied {
            models(filter: { uniqueIds: [$uniqueId] }, first: 1) {
              edges { node {
                uniqueId name description database schema alias resourceType filePath tags fqn
                parents {
                  ... on ModelAppliedStateNestedNode { uniqueId resourceType name description }
                  ... on SourceAppliedStateNestedNode { uniqueId resourceType name description sourceName }
                  ... on SeedAppliedStateNestedNode { uniqueId resourceType name description }
                  ... on SnapshotAppliedStateNestedNode { uniqueId resourceType name description }
                }
                children {
                  ... on ModelAppliedStateNestedNode { uniqueId resourceType name description }
                  ... on ExposureAppliedStateNestedNode { uniqueId resourceType name description }
                  ... on TestAppliedStateNestedNode { uniqueId resourceType name }
                }
              } }
            }
            # Try sources
            sources(filter: { uniqueIds: [$uniqueId] }, first: 1) {
              edges { node {
                uniqueId name description database schema sourceName resourceType filePath tags fqn
                children { ... on ModelAppliedStateNestedNode { uniqueId resourceType name description } }
              } }
            }
            # Try seeds
            seeds(filter: { uniqueIds: [$uniqueId] }, first: 1) {
              edges { node {
                uniqueId name description database schema alias resourceType filePath tags fqn
                children { ... on ModelAppliedStateNestedNode { uniqueId resourceType name description } }
              } }
            }
            # Try snapshots
            snapshots(filter: { uniqueIds: [$uniqueId] }, first: 1) {
              edges { node {
                uniqueId name description database schema alias resourceType filePath tags fqn
                parents {
                  ... on ModelAppliedStateNestedNode { uniqueId resourceType name description }
                  ... on SourceAppliedStateNestedNode { uniqueId resourceType name description sourceName }
                  ... on SeedAppliedStateNestedNode { uniqueId resourceType name description }
                }
                children {
                  ... on ModelAppliedStateNestedNode { uniqueId resourceType name description }
                  ... on ExposureAppliedStateNestedNode { uniqueId resourceType name description }
                }
              } }
            }
            # Try exposures
            exposures(filter: { uniqueIds: [$uniqueId] }, first: 1) {
              edges { node {
                uniqueId name description resourceType filePath tags fqn
                parents {
                  ... on ModelAppliedStateNestedNode { uniqueId resourceType name description }
                  ... on SourceAppliedStateNestedNode { uniqueId resourceType name description sourceName }
                }
              } }
            }
          }
        }
      }
      """
    // The resource types each list's `parents` fragments name.
    let parentFragments = [
      "models": ["model.", "source.", "seed.", "snapshot."],
      "snapshots": ["model.", "source.", "seed."], "exposures": ["model.", "source."],
    ]
    let manifest = try Self.manifest()
    let parentMap = manifest["parent_map"] as? [String: [String]] ?? [:]
    let childMap = manifest["child_map"] as? [String: [String]] ?? [:]
    for (id, list) in [
      ("model.shop.fct_orders", "models"), ("source.shop.shop.orders", "sources"),
      ("seed.shop.country_codes", "seeds"), ("snapshot.shop.customers_snapshot", "snapshots"),
      ("exposure.shop.funnel_notebook", "exposures"),
    ] {
      let applied = try Self.data(document, ["environmentId": 1, "uniqueId": .string(id)])[
        "environment"]?["applied"]
      for other in ["models", "sources", "seeds", "snapshots", "exposures"] {
        #expect(Self.nodes(applied?[other]).count == (other == list ? 1 : 0), "\(id) \(other)")
      }
      let node = try #require(Self.firstNode(applied?[list]))
      #expect(node["uniqueId"]?.stringValue == id)
      // Relatives of the types the client's fragments name come back with their ids.
      if let parents = node["parents"]?.listValue {
        let ids = Set(parents.compactMap { $0["uniqueId"]?.stringValue })
        let prefixes = parentFragments[list] ?? []
        let named = Set(
          (parentMap[id] ?? []).filter { parent in prefixes.contains { parent.hasPrefix($0) } })
        #expect(ids == named, "\(id)")
      }
      if let children = node["children"]?.listValue {
        #expect(children.count == (childMap[id] ?? []).count, "\(id)")
      }
    }
  }
}
