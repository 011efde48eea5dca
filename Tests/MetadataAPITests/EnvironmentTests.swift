import Foundation
import GraphQL
import Testing

@testable import MetadataAPI

/// Part 2 (environment applied and definition state) over the sample runs: the documented
/// examples of reference section 4 that are environment-scoped, every field of every node
/// type, and values checked against the artifacts dbt wrote.
///
/// Environment 1's current state is run 1016 (`runs/101/008`, nightly): its manifest is
/// the definition state, its build results and catalog are every model's latest.
@Suite struct EnvironmentTests {
  static let latest = "101/008"

  static func data(_ query: String, variables: JSONObject = JSONObject()) throws -> JSONValue {
    let result = try SampleDatabase.run(query, variables: variables)
    #expect(result.errors.isEmpty, "\(result.errors)")
    return result.data ?? .null
  }

  static func nodes(_ connection: JSONValue?) -> [JSONValue] {
    (connection?["edges"]?.listValue ?? []).compactMap { $0["node"] }
  }

  // MARK: - Documented examples (reference dbt-metadata-api.md §4.7, §4.8)

  /// §4.7 as documented, except that `ancestors` spreads `SourceAppliedStateNestedNode`:
  /// the docs' `... on SourceAppliedStateNode` cannot apply to the nested interface (the
  /// reference notes the 2023 docs wrote the full type there).
  @Test func environmentOverviewExample() throws {
    let data = try Self.data(
      """
      query Example { environment(id: 1) {
        applied { models(first: 100) { edges { node {
            uniqueId name description rawCode compiledCode database schema alias
            executionInfo { executeCompletedAt executionTime }
            tests { name executionInfo { lastRunStatus lastRunError } }
            catalog { columns { name description type } stats { label value } }
            ancestors(types: [Source]) { name ...on SourceAppliedStateNestedNode { freshness { maxLoadedAt freshnessStatus } } }
            children { name resourceType } } } totalCount } }
        definition { models(first: 100, filter: {access: public}) { edges { node { rawCode jobDefinitionId runGeneratedAt contractEnforced group version } } } } } }
      """)
    let applied = data["environment"]?["applied"]?["models"]
    let manifest = try SampleArtifacts.json("\(Self.latest)/02-build/manifest.json")
    let manifestNodes = manifest["nodes"] as? [String: [String: Any]] ?? [:]
    let models = manifestNodes.values.filter { $0["resource_type"] as? String == "model" }
    #expect(applied?["totalCount"]?.intValue == models.count)
    let nodes = Self.nodes(applied)
    #expect(
      nodes.compactMap { $0["uniqueId"]?.stringValue }
        == models.compactMap { $0["unique_id"] as? String }.sorted())

    let fctOrders = try #require(nodes.first { $0["uniqueId"] == "model.shop.fct_orders" })
    let build = try SampleArtifacts.result(
      "\(Self.latest)/02-build/run_results.json", "model.shop.fct_orders")
    let timing = build["timing"] as? [[String: Any]] ?? []
    #expect(
      fctOrders["executionInfo"]?["executionTime"]?.doubleValue == build["execution_time"]
        as? Double)
    #expect(
      fctOrders["executionInfo"]?["executeCompletedAt"]?.stringValue
        == SampleArtifacts.apiTime(timing.last?["completed_at"]))
    let catalog = try SampleArtifacts.json("\(Self.latest)/03-docs-generate/catalog.json")
    let catalogNode = (catalog["nodes"] as? [String: [String: Any]])?["model.shop.fct_orders"]
    let columns = (catalogNode?["columns"] as? [String: [String: Any]] ?? [:]).values
      .sorted { ($0["index"] as? Int ?? 0) < ($1["index"] as? Int ?? 0) }
    #expect(
      fctOrders["catalog"]?["columns"]?.listValue?.compactMap { $0["type"]?.stringValue }
        == columns.compactMap { $0["type"] as? String })
    #expect(
      fctOrders["catalog"]?["columns"]?.listValue?.compactMap { $0["name"]?.stringValue }
        == columns.compactMap { $0["name"] as? String })
    // Its upstream sources, by a walk of the manifest's parent_map.
    let parentMap = manifest["parent_map"] as? [String: [String]] ?? [:]
    var upstream: Set<String> = []
    var frontier = ["model.shop.fct_orders"]
    while let next = frontier.popLast() {
      for parent in parentMap[next] ?? [] where upstream.insert(parent).inserted {
        frontier.append(parent)
      }
    }
    let sources = fctOrders["ancestors"]?.listValue ?? []
    let sourceNames = (manifest["sources"] as? [String: [String: Any]] ?? [:])
      .filter { upstream.contains($0.key) }.compactMap { $0.value["name"] as? String }
    #expect(!sourceNames.isEmpty)
    #expect(sources.compactMap { $0["name"]?.stringValue }.sorted() == sourceNames.sorted())
    let orders = try SampleArtifacts.result(
      "\(Self.latest)/01-source-freshness/sources.json", "source.shop.shop.orders")
    #expect(
      sources.first { $0["name"] == "orders" }?["freshness"]
        == [
          "maxLoadedAt": .string(SampleArtifacts.apiTime(orders["max_loaded_at"]) ?? ""),
          "freshnessStatus": "Pass",
        ])
    #expect(fctOrders["tests"]?.listValue?.isEmpty == false)
    #expect(fctOrders["children"]?.listValue?.contains { $0["resourceType"] == "model" } == true)

    let publicModels = Self.nodes(data["environment"]?["definition"]?["models"])
    let expectedPublic = models.filter {
      ($0["access"] as? String ?? ($0["config"] as? [String: Any])?["access"] as? String)
        == "public"
    }
    #expect(publicModels.count == expectedPublic.count)
    #expect(publicModels.allSatisfy { $0["jobDefinitionId"] == 101 })
    #expect(
      publicModels.allSatisfy {
        $0["runGeneratedAt"]?.stringValue
          == SampleArtifacts.apiTime((manifest["metadata"] as? [String: Any])?["generated_at"])
      })
  }

  /// §4.8: filters by last run status and test status, and the documented pagination
  /// selection with variables.
  @Test func filtersAndPaginationExamples() throws {
    let data = try Self.data(
      """
      query ($environmentId: BigInt!, $first: Int!) { environment(id: $environmentId) { applied {
        success: models(first: $first, filter: { lastRunStatus: success }) { edges { node { name uniqueId executionInfo { lastRunId } } } }
        errors: models(first: $first, filter: { lastRunStatus: error }) { edges { node { name executionInfo { lastRunId } } } }
        tests(first: $first, filter: { status: "warn" }) { edges { node { name uniqueId executionInfo { lastRunId } } } } } } }
      """, variables: ["environmentId": 1, "first": 500])
    let results =
      try SampleArtifacts.json("\(Self.latest)/02-build/run_results.json")["results"]
      as? [[String: Any]] ?? []
    func ids(_ status: String, _ prefix: String) -> [String] {
      results.filter { $0["status"] as? String == status }
        .compactMap { $0["unique_id"] as? String }.filter { $0.hasPrefix(prefix) }.sorted()
    }
    let applied = data["environment"]?["applied"]
    #expect(
      Self.nodes(applied?["success"]).compactMap { $0["uniqueId"]?.stringValue }
        == ids("success", "model."))
    #expect(
      Self.nodes(applied?["success"]).allSatisfy { $0["executionInfo"]?["lastRunId"] == 1016 })
    let errors = Self.nodes(applied?["errors"])
    #expect(errors.isEmpty)
    #expect(
      Self.nodes(applied?["tests"]).compactMap { $0["uniqueId"]?.stringValue }
        == ids("warn", "test."))

    var after: JSONValue = .null
    var seen: [String] = []
    var total = 0
    for _ in 0..<10 {
      let page = try Self.data(
        """
        query ($after: String) { environment(id: 1) { applied {
          models(first: 6, after: $after) { pageInfo { startCursor endCursor hasNextPage } totalCount edges { cursor node { uniqueId } } } } } }
        """, variables: ["after": after])["environment"]?["applied"]?["models"]
      total = page?["totalCount"]?.intValue ?? 0
      seen += Self.nodes(page).compactMap { $0["uniqueId"]?.stringValue }
      #expect(page?["pageInfo"]?["startCursor"] == page?["edges"]?.listValue?.first?["cursor"])
      guard page?["pageInfo"]?["hasNextPage"] == true, let end = page?["pageInfo"]?["endCursor"]
      else { break }
      after = end
    }
    #expect(seen.count == total && Set(seen).count == total && seen == seen.sorted())
  }

  // MARK: - Every field

  /// Every field of every applied and definition connection's node type, with nested
  /// nodes, execution info, catalog and freshness two levels down: no errors on real data.
  @Test func everyFieldOfEveryNodeTypeResolves() throws {
    let api = try SampleDatabase.api()
    let full = FullSelection(schema: api.schema)
    let applied = [
      ("models", "ModelAppliedStateNode"), ("sources", "SourceAppliedStateNode"),
      ("tests", "TestAppliedStateNode"), ("seeds", "SeedAppliedStateNode"),
      ("snapshots", "SnapshotAppliedStateNode"), ("exposures", "ExposureAppliedStateNode"),
    ]
    let definition = [
      ("models", "ModelDefinitionNode"), ("sources", "SourceDefinitionNode"),
      ("tests", "TestDefinitionNode"), ("seeds", "SeedDefinitionNode"),
      ("snapshots", "SnapshotDefinitionNode"), ("exposures", "ExposureDefinitionNode"),
      ("macros", "MacroDefinitionNode"), ("metrics", "MetricDefinitionNode"),
    ]
    for (state, fields) in [("applied", applied), ("definition", definition)] {
      for (field, type) in fields {
        let query = """
          { environment(id: 1) { id adapterType dbtProjectName \(state) { lastUpdatedAt resourceCounts
            \(field)(first: \(field == "macros" ? 40 : 100)) { totalCount pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
              edges { cursor node { \(full.selection(of: type, depth: 2)) } } } } } }
          """
        let result = api.execute(
          query: query, accountID: 1,
          limits: QueryLimits(maxDepth: 40, maxAliases: .max, maxCost: .max, maxTokens: .max))
        #expect(result.errors.isEmpty, "\(state).\(field): \(result.errors.prefix(3))")
        let nodes = Self.nodes(result.data?["environment"]?[state]?[field])
        #expect(!nodes.isEmpty, "\(state).\(field) is empty")
        #expect(nodes.allSatisfy { $0["__typename"]?.stringValue == type })
      }
    }
  }

  // MARK: - Values against the artifacts

  @Test func sourceFreshnessMatchesSourcesJSON() throws {
    let data = try Self.data(
      """
      { environment(id: 1) { applied { sources(first: 10, filter: {sourceNames: ["stripe"]}) { edges { node {
        uniqueId sourceName identifier loader freshness { freshnessStatus freshnessChecked maxLoadedAt snapshottedAt
          maxLoadedAtTimeAgoInS freshnessRunId freshnessJobDefinitionId criteria { warnAfter { count period } errorAfter { count period } } } } } } } } }
      """)
    let paymentsList = Self.nodes(data["environment"]?["applied"]?["sources"])
    let payments = try #require(paymentsList.first)
    let result = try SampleArtifacts.result(
      "\(Self.latest)/01-source-freshness/sources.json", "source.shop.stripe.payments")
    #expect(payments["uniqueId"] == "source.shop.stripe.payments")
    let freshness = payments["freshness"]
    #expect(freshness?["freshnessStatus"] == "Pass")
    #expect(freshness?["freshnessChecked"] == true)
    #expect(
      freshness?["maxLoadedAt"]?.stringValue == SampleArtifacts.apiTime(result["max_loaded_at"]))
    #expect(
      freshness?["snapshottedAt"]?.stringValue == SampleArtifacts.apiTime(result["snapshotted_at"]))
    #expect(
      freshness?["maxLoadedAtTimeAgoInS"]?.doubleValue == result["max_loaded_at_time_ago_in_s"]
        as? Double)
    #expect(freshness?["freshnessRunId"] == 1016)
    #expect(freshness?["freshnessJobDefinitionId"] == 101)
    #expect(
      freshness?["criteria"] == [
        "warnAfter": ["count": 12, "period": "hour"],
        "errorAfter": ["count": 36, "period": "hour"],
      ])

    // A source without a freshness policy: never checked.
    let unchecked = try Self.data(
      "{ environment(id: 1) { applied { sources(first: 10, filter: {freshnessChecked: false}) { edges { node { uniqueId freshness { freshnessStatus freshnessChecked } } } } } } }"
    )
    let uncheckedNodes = Self.nodes(unchecked["environment"]?["applied"]?["sources"])
    #expect(
      uncheckedNodes.compactMap { $0["uniqueId"]?.stringValue } == [
        "source.shop.events.events", "source.shop.shop.products",
      ])
    #expect(
      uncheckedNodes.allSatisfy {
        $0["freshness"] == ["freshnessStatus": nil, "freshnessChecked": false]
      })
  }

  @Test func warningTestMatchesRunResults() throws {
    let id = "test.shop.assert_order_totals_match_payments"
    let data = try Self.data(
      """
      { environment(id: 1) { applied { tests(first: 5, filter: {uniqueIds: "\(id)"}) { totalCount edges { node {
        uniqueId testType columnName lastKnownResult testMetadata { name namespace columnName kwargs }
        executionInfo { lastRunStatus lastRunFailures lastRunError lastRunId lastSuccessRunId executionTime executeStartedAt } } } } } } }
      """)
    let testList = Self.nodes(data["environment"]?["applied"]?["tests"])
    let test = try #require(testList.first)
    let result = try SampleArtifacts.result("\(Self.latest)/02-build/run_results.json", id)
    let timing = result["timing"] as? [[String: Any]] ?? []
    #expect(test["testType"] == "SINGULAR_DATA_TEST")
    #expect(
      test["testMetadata"] == ["name": nil, "namespace": nil, "columnName": nil, "kwargs": nil])
    #expect(test["lastKnownResult"] == "warn")
    let info = test["executionInfo"]
    #expect(info?["lastRunStatus"]?.stringValue == result["status"] as? String)
    #expect(info?["lastRunFailures"]?.intValue == result["failures"] as? Int)
    #expect(info?["lastRunError"]?.stringValue == result["message"] as? String)
    #expect(info?["lastRunId"] == 1016)
    // It has warned in every run: never a pass.
    #expect(info?["lastSuccessRunId"] == .null)
    #expect(info?["executionTime"]?.doubleValue == result["execution_time"] as? Double)
    #expect(
      info?["executeStartedAt"]?.stringValue == SampleArtifacts.apiTime(timing.last?["started_at"]))
  }

  /// The relationships test that passed, was skipped (1007), failed (1008) and passed
  /// again keeps its id; its latest status is pass, and a generic test's metadata is read.
  @Test func genericTestMetadataAndParents() throws {
    let data = try Self.data(
      """
      { environment(id: 1) { applied { tests(first: 100, filter: {testTypes: [GENERIC_DATA_TEST], tags: []}) { edges { node {
        uniqueId testedNodeUniqueId testMetadata { name columnName kwargs } parents { __typename uniqueId } } } } } } }
      """)
    let tests = Self.nodes(data["environment"]?["applied"]?["tests"])
    #expect(tests.isEmpty)  // tags: [] keeps nothing (no tag matches an empty list)
    let all = try Self.data(
      """
      { environment(id: 1) { applied { tests(first: 100, filter: {testTypes: [GENERIC_DATA_TEST]}) { totalCount edges { node {
        uniqueId testedNodeUniqueId testMetadata { name columnName kwargs } parents { __typename uniqueId } } } } } } }
      """)
    let relationships = try #require(
      Self.nodes(all["environment"]?["applied"]?["tests"]).first {
        $0["uniqueId"]?.stringValue?.hasPrefix("test.shop.relationships_fct_orders_customer_id")
          == true
      })
    #expect(relationships["testMetadata"]?["name"] == "relationships")
    #expect(relationships["testMetadata"]?["columnName"] == "customer_id")
    #expect(relationships["testedNodeUniqueId"] == "model.shop.fct_orders")
    #expect(
      relationships["parents"]?.listValue?.compactMap { $0["uniqueId"]?.stringValue }
        == ["model.shop.dim_customers.v2", "model.shop.fct_orders"])
  }

  // MARK: - Part 4 fields of these types (reference dbt-discovery-api-2024.md §4)

  @Test func versionedModelFields() throws {
    let data = try Self.data(
      """
      { environment(id: 1) { applied { models(first: 5, filter: {uniqueIds: ["model.shop.dim_customers.v1", "model.shop.dim_customers.v2"]}) { edges { node {
        uniqueId version latestVersion releaseVersion deprecationDate versions { name releaseVersion uniqueId } constraints { type } usageQueryCount isDescriptionInherited } } } } } }
      """)
    let models = Self.nodes(data["environment"]?["applied"]?["models"])
    #expect(models.count == 2)
    let manifest = try SampleArtifacts.json("\(Self.latest)/02-build/manifest.json")
    let v1 = (manifest["nodes"] as? [String: [String: Any]])?["model.shop.dim_customers.v1"]
    #expect(models[0]["releaseVersion"] == "old")
    #expect(
      models[0]["deprecationDate"]?.stringValue == SampleArtifacts.apiTime(v1?["deprecation_date"]))
    #expect(models[1]["releaseVersion"] == "latest")
    #expect(models[1]["deprecationDate"] == .null)
    let versions: JSONValue = [
      ["name": "1", "releaseVersion": "old", "uniqueId": "model.shop.dim_customers.v1"],
      ["name": "2", "releaseVersion": "latest", "uniqueId": "model.shop.dim_customers.v2"],
    ]
    #expect(models.allSatisfy { $0["versions"] == versions })
    #expect(
      models.allSatisfy { $0["usageQueryCount"] == .null && $0["isDescriptionInherited"] == .null })
  }

  @Test func unitTestFields() throws {
    let data = try Self.data(
      """
      { environment(id: 1) { applied { tests(first: 10, filter: {testTypes: [UNIT_TEST]}) { edges { node {
        uniqueId testType model given expect overrides numGiven numGivenRows numExpectRows thisInputNodeUniqueId testedNodeUniqueId config
        executionInfo { lastRunStatus } } } } } } }
      """)
    let tests = Self.nodes(data["environment"]?["applied"]?["tests"])
    let manifest = try SampleArtifacts.json("\(Self.latest)/02-build/manifest.json")
    let unitTests = manifest["unit_tests"] as? [String: [String: Any]] ?? [:]
    #expect(tests.compactMap { $0["uniqueId"]?.stringValue } == unitTests.keys.sorted())
    for test in tests {
      let written = unitTests[test["uniqueId"]?.stringValue ?? ""] ?? [:]
      let given = written["given"] as? [[String: Any]] ?? []
      #expect(test["testType"] == "UNIT_TEST")
      #expect(test["model"]?.stringValue == written["model"] as? String)
      #expect(test["numGiven"]?.intValue == given.count)
      #expect(
        test["numGivenRows"]?.intValue
          == given.reduce(0) { $0 + (($1["rows"] as? [Any])?.count ?? 0) })
      #expect(
        test["numExpectRows"]?.intValue
          == ((written["expect"] as? [String: Any])?["rows"] as? [Any])?.count)
      #expect(test["executionInfo"]?["lastRunStatus"] == "pass")
    }
  }

  @Test func resourcesArePolymorphicAndFiltered() throws {
    let data = try Self.data(
      """
      { environment(id: 1) {
        applied { resources(first: 3, filter: {types: [Model, Macro, Metric, Exposure], uniqueIds: ["model.shop.fct_orders", "macro.dbt.run_query", "metric.shop.revenue", "exposure.shop.funnel_notebook"]}) {
          totalCount edges { node { __typename uniqueId resourceType
            ... on ModelAppliedStateNode { materializedType executionInfo { lastRunStatus } }
            ... on MacroDefinitionNode { packageName macroSql arguments { name type description } }
            ... on MetricDefinitionNode { type label } } } } }
        none: applied { resources(filter: {types: []}) { totalCount edges { cursor } } }
        definition { resources(first: 500, filter: {types: [Model, Test, Seed], tags: ["marts", "reference"]}) { totalCount edges { node { __typename uniqueId tags } } } } } }
      """)
    let applied = data["environment"]?["applied"]?["resources"]
    #expect(applied?["totalCount"] == 4)
    let nodes = Self.nodes(applied)
    #expect(
      nodes.compactMap { $0["__typename"]?.stringValue }
        == ["ExposureAppliedStateNode", "MacroDefinitionNode", "MetricDefinitionNode"])
    #expect(nodes[1]["packageName"] == "dbt")
    #expect(nodes[2]["type"] == "simple")
    #expect(data["environment"]?["none"]?["resources"]?["totalCount"] == 0)
    let tagged = Self.nodes(data["environment"]?["definition"]?["resources"])
    let manifest = try SampleArtifacts.json("\(Self.latest)/02-build/manifest.json")
    let expected = (manifest["nodes"] as? [String: [String: Any]] ?? [:]).values.filter { node in
      ["model", "test", "seed"].contains(node["resource_type"] as? String ?? "")
        && !Set(node["tags"] as? [String] ?? []).isDisjoint(with: ["marts", "reference"])
    }.compactMap { $0["unique_id"] as? String }.sorted()
    #expect(expected.count > 10)
    #expect(tagged.compactMap { $0["uniqueId"]?.stringValue } == expected)
    #expect(
      tagged.allSatisfy { $0["__typename"]?.stringValue?.hasSuffix("DefinitionNode") == true })
  }

  @Test func macroParentsAndExposureAncestors() throws {
    let data = try Self.data(
      """
      { environment(id: 1) {
        definition { macros(first: 5, filter: {uniqueIds: ["macro.dbt.run_query"]}) { edges { node { uniqueId parents { __typename uniqueId } } } }
          exposures(first: 5) { edges { node { uniqueId freshnessStatus ancestors { __typename uniqueId } parents { __typename uniqueId } } } } }
        applied { exposures(first: 5, filter: {exposureType: "dashboard"}) { edges { node { uniqueId exposureType ownerName manifestGeneratedAt
          ancestors(types: [Source]) { uniqueId } } } } } } }
      """)
    let manifest = try SampleArtifacts.json("\(Self.latest)/02-build/manifest.json")
    let macro = (manifest["macros"] as? [String: [String: Any]])?["macro.dbt.run_query"]
    let dependsOn = (macro?["depends_on"] as? [String: Any])?["macros"] as? [String] ?? []
    let runQuery = Self.nodes(data["environment"]?["definition"]?["macros"]).first
    #expect(
      runQuery?["parents"]?.listValue?.compactMap { $0["uniqueId"]?.stringValue }
        == dependsOn.sorted())
    #expect(
      runQuery?["parents"]?.listValue?.allSatisfy {
        $0["__typename"] == "MacroDefinitionNestedNode"
      } == true)

    let exposures = Self.nodes(data["environment"]?["definition"]?["exposures"])
    #expect(exposures.count == 2)
    // The notebook reads only the events source, which has no freshness policy; the
    // dashboard's sources all passed in run 1016.
    #expect(exposures.map { $0["freshnessStatus"] } == [.null, "Pass"])
    for exposure in exposures {
      #expect(
        exposure["parents"]?.listValue?.allSatisfy {
          $0["__typename"]?.stringValue?.hasSuffix("DefinitionNestedNode") == true
        } == true)
    }
    let dashboards = Self.nodes(data["environment"]?["applied"]?["exposures"])
    #expect(
      dashboards.compactMap { $0["uniqueId"]?.stringValue } == [
        "exposure.shop.weekly_revenue_dashboard"
      ])
    #expect(dashboards.first?["ancestors"]?.listValue?.isEmpty == false)
  }

  /// Definition-side relatives are definition nested nodes (correction C5): a model's
  /// parents, children and tests match the manifest's `parent_map` / `child_map` and its
  /// tests' tested node (singular tests included, by their first dependency).
  @Test func definitionRelativesAreDefinitionNestedNodes() throws {
    let data = try Self.data(
      """
      { environment(id: 1) { definition { models(first: 5, filter: {uniqueIds: ["model.shop.fct_orders"]}) { edges { node {
        uniqueId parents { __typename uniqueId runGeneratedAt ... on ModelDefinitionNestedNode { materializedType access releaseVersion } }
        children { __typename uniqueId } tests { __typename uniqueId testType columnName }
        ancestors(types: [Seed]) { __typename uniqueId } } } } } } }
      """)
    let modelList = Self.nodes(data["environment"]?["definition"]?["models"])
    let model = try #require(modelList.first)
    let manifest = try SampleArtifacts.json("\(Self.latest)/02-build/manifest.json")
    let parentMap = manifest["parent_map"] as? [String: [String]] ?? [:]
    let childMap = manifest["child_map"] as? [String: [String]] ?? [:]
    let id = "model.shop.fct_orders"
    #expect(
      model["parents"]?.listValue?.compactMap { $0["uniqueId"]?.stringValue }
        == (parentMap[id] ?? []).sorted())
    #expect(
      model["parents"]?.listValue?.allSatisfy {
        $0["__typename"]?.stringValue?.hasSuffix("DefinitionNestedNode") == true
      } == true)
    let analysisFree = (childMap[id] ?? []).filter { !$0.hasPrefix("analysis.") }.sorted()
    #expect(
      model["children"]?.listValue?.compactMap { $0["uniqueId"]?.stringValue } == analysisFree)
    let tests = model["tests"]?.listValue ?? []
    let nodes = manifest["nodes"] as? [String: [String: Any]] ?? [:]
    // The tested node: `attached_node`, else (singular tests) the first `depends_on` node.
    let attached = nodes.values.filter { node in
      guard node["resource_type"] as? String == "test" else { return false }
      let dependsOn = (node["depends_on"] as? [String: Any])?["nodes"] as? [String] ?? []
      return (node["attached_node"] as? String ?? dependsOn.first) == id
    }.compactMap { $0["unique_id"] as? String }
    let unitTests = (manifest["unit_tests"] as? [String: [String: Any]] ?? [:]).values.filter {
      (($0["depends_on"] as? [String: Any])?["nodes"] as? [String])?.first == id
    }.compactMap { $0["unique_id"] as? String }
    #expect(tests.compactMap { $0["uniqueId"]?.stringValue } == (attached + unitTests).sorted())
    #expect(tests.allSatisfy { $0["__typename"] == "TestDefinitionNestedNode" })
    #expect(
      model["ancestors"]?.listValue?.allSatisfy { $0["__typename"] == "SeedDefinitionNestedNode" }
        == true)
  }

  // MARK: - job(id, runId)

  @Test func jobResolvesItsRun() throws {
    let data = try Self.data(
      """
      { latest: job(id: 101) { id runId } chosen: job(id: 101, runId: 1002) { id runId }
        otherJobsRun: job(id: 101, runId: 1001) { runId } unknown: job(id: 999) { runId } }
      """)
    #expect(data["latest"] == ["id": 101, "runId": 1016])
    #expect(data["chosen"] == ["id": 101, "runId": 1002])
    #expect(data["otherJobsRun"] == .null)
    #expect(data["unknown"] == .null)
    let other = try SampleDatabase.run("{ job(id: 101) { id } }", account: 2)
    #expect(other.errors.isEmpty)
    #expect(other.data?["job"] == .null)
  }

  // MARK: - Bad input: one clear error each

  static func singleError(_ query: String, account: Int = 1) throws -> String {
    let result = try SampleDatabase.run(query, account: account)
    #expect(result.errors.count == 1, "\(result.errors)")
    return result.errors.first?.message ?? ""
  }

  @Test func unknownEnvironmentIsNotFound() throws {
    let unknown = try Self.singleError(
      "{ environment(id: 99) { applied { models { totalCount } } } }")
    #expect(unknown == "Environment 99 not found: no environment with this id in your account.")
    let otherAccount = try Self.singleError(
      "{ environment(id: 1) { dbtProjectName } }", account: 2)
    #expect(otherAccount == "Environment 1 not found: no environment with this id in your account.")
  }

  @Test func pageSizeAboveTheLimitIsOneError() throws {
    let tooMany = try Self.singleError(
      "{ environment(id: 1) { applied { models(first: 501) { totalCount } } } }")
    #expect(tooMany.contains("501") && tooMany.contains("500"))
    let negative = try Self.singleError(
      "{ environment(id: 1) { definition { macros(first: -1) { totalCount } } } }")
    #expect(negative.contains("-1") && negative.contains("between 0 and 500"))
  }

  @Test func malformedCursorIsOneError() throws {
    let garbage = try Self.singleError(
      "{ environment(id: 1) { applied { models(first: 5, after: \"not a cursor!\") { totalCount } } } }"
    )
    #expect(
      garbage.hasPrefix(
        "Invalid cursor \"not a cursor!\" for argument \"after\": not a cursor of this API."))
    let cursor =
      try Self.data(
        "{ environment(id: 1) { applied { models(first: 1) { pageInfo { endCursor } } } } }"
      )["environment"]?["applied"]?["models"]?["pageInfo"]?["endCursor"]?.stringValue ?? ""
    let otherOrder = try Self.singleError(
      "{ environment(id: 1) { applied { models(first: 5, after: \"\(cursor)\", sort: {field: rowCount, direction: desc}) { totalCount } } } }"
    )
    #expect(otherOrder.contains("made for the order by uniqueID, this query orders by rowCount"))
  }

  @Test func historicalRunCountAboveTheLimitIsOneError() throws {
    let message = try Self.singleError(
      "{ environment(id: 1) { applied { modelHistoricalRuns(uniqueId: \"model.shop.fct_orders\", lastRunCount: 101) { runId } } } }"
    )
    #expect(message == "Argument \"lastRunCount\" is 101: it must be between 1 and 100.")
  }
}

/// `modelHistoricalRuns` answers with Part 1's `ModelNode`s through the job-scoped
/// binding's `modelByEnvironment` (see ``MetadataAPI/bindJobAndHistory(_:)``): these tests
/// run where that binding is present.
@Suite(
  .enabled(
    if: (try? SampleDatabase.api().schema.field("Query", "modelByEnvironment").resolve) != nil,
    "Query.modelByEnvironment (the job-scoped binding) is not bound in this build"))
struct ModelHistoricalRunsTests {
  /// Environment 1's runs that built a model, newest first, from the artifacts.
  static func timeline(_ uniqueID: String) throws -> [(run: Int, status: String)] {
    let folders = [
      "101/008", "101/007", "102/002", "101/006", "101/005", "101/004", "101/003", "102/001",
      "101/002", "101/001",
    ]
    var runs: [(Int, String)] = []
    for folder in folders {
      let run = try SampleArtifacts.json("\(folder)/run.json")
      let steps = run["steps"] as? [[String: Any]] ?? []
      let build = steps.first { $0["name"] as? String == "build" }
      let file = (build?["artifacts"] as? [String] ?? []).first { $0.hasSuffix("run_results.json") }
      guard let file else { continue }
      let result = try SampleArtifacts.result("\(folder)/\(file)", uniqueID)
      if let status = result["status"] as? String, let id = run["run_id"] as? Int {
        runs.append((id, status))
      }
    }
    return runs.sorted { $0.0 > $1.0 }
  }

  /// stg_payments errored in run 1010 (the loader's amount_cents), its downstream
  /// fct_payments was skipped, and both ran again from 1011 on.
  @Test func modelErrorWithDownstreamSkipped() throws {
    for model in ["model.shop.stg_payments", "model.shop.fct_payments"] {
      let result = try SampleDatabase.run(
        """
        { environment(id: 1) { applied { modelHistoricalRuns(uniqueId: "\(model)", lastRunCount: 20) {
          runId status uniqueId } } } }
        """)
      #expect(result.errors.isEmpty, "\(result.errors)")
      let runs = result.data?["environment"]?["applied"]?["modelHistoricalRuns"]?.listValue ?? []
      let expected = try Self.timeline(model)
      #expect(runs.compactMap { $0["runId"]?.intValue } == expected.map(\.run))
      #expect(runs.compactMap { $0["status"]?.stringValue } == expected.map(\.status))
    }
    let stg = try Self.timeline("model.shop.stg_payments")
    #expect(stg.first { $0.run == 1010 }?.status == "error")
    #expect(
      try Self.timeline("model.shop.fct_payments").first { $0.run == 1010 }?.status == "skipped")
  }
}

extension ModelHistoricalRunsTests {
  /// §4.8's historical-runs example and §2.6's replacement of `modelByEnvironment`.
  @Test func documentedHistoricalRunsExamples() throws {
    let example = try SampleDatabase.run(
      """
      query { environment(id: 1) { applied { modelHistoricalRuns(uniqueId: "model.shop.fct_orders", lastRunCount: 20) {
        runId runGeneratedAt executionTime status tests { name status executeCompletedAt } } } } }
      """)
    #expect(example.errors.isEmpty, "\(example.errors)")
    let runs = example.data?["environment"]?["applied"]?["modelHistoricalRuns"]?.listValue ?? []
    #expect(
      runs.compactMap { $0["runId"]?.intValue }
        == (try Self.timeline("model.shop.fct_orders")).map(\.run))
    #expect(runs.allSatisfy { $0["tests"]?.listValue?.isEmpty == false })

    let replacement = try SampleDatabase.run(
      """
      query ($environmentId: BigInt!, $uniqueId: String) { environment(id: $environmentId) { applied {
        modelHistoricalRuns(uniqueId: $uniqueId) { uniqueId executionTime executeCompletedAt } } } }
      """, variables: ["environmentId": 1, "uniqueId": "model.shop.fct_orders"])
    #expect(replacement.errors.isEmpty, "\(replacement.errors)")
    let latest =
      replacement.data?["environment"]?["applied"]?["modelHistoricalRuns"]?.listValue ?? []
    let build = try SampleArtifacts.result(
      "101/008/02-build/run_results.json", "model.shop.fct_orders")
    #expect(latest.count == 1)
    #expect(latest.first?["executionTime"]?.doubleValue == build["execution_time"] as? Double)
  }
}

/// `job(id, runId)`'s node lists answer through the job-scoped root fields (see
/// ``MetadataAPI/bindJobAndHistory(_:)``): these tests run where that binding is present.
@Suite(
  .enabled(
    if: (try? SampleDatabase.api().schema.field("Query", "models").resolve) != nil,
    "Query.models (the job-scoped binding) is not bound in this build"))
struct JobNodeTests {
  /// Reference §4.9, on the nightly job: its latest run is 1016.
  @Test func jobLevelExample() throws {
    let result = try SampleDatabase.run(
      """
      query JobQueryExample { job(id: 101) { runId models(schema: "analytics_marts") { uniqueId executionTime }
        source(uniqueId: "source.shop.stripe.payments") { uniqueId sourceName name state maxLoadedAt
          criteria { warnAfter { period count } errorAfter { period count } } maxLoadedAtTimeAgoInS } } }
      """)
    #expect(result.errors.isEmpty, "\(result.errors)")
    let job = result.data?["job"]
    #expect(job?["runId"] == 1016)
    let build = try SampleArtifacts.result(
      "101/008/02-build/run_results.json", "model.shop.fct_orders")
    let fctOrders = job?["models"]?.listValue?.first { $0["uniqueId"] == "model.shop.fct_orders" }
    #expect(fctOrders?["executionTime"]?.doubleValue == build["execution_time"] as? Double)
    let freshness = try SampleArtifacts.result(
      "101/008/01-source-freshness/sources.json", "source.shop.stripe.payments")
    #expect(
      job?["source"]?["maxLoadedAt"]?.stringValue
        == SampleArtifacts.apiTime(freshness["max_loaded_at"]))
    #expect(job?["source"]?["criteria"]?["warnAfter"] == ["period": "hour", "count": 12])
  }

  /// A chosen run of the job: run 1010, where stg_payments errored.
  @Test func chosenRunsNodes() throws {
    let result = try SampleDatabase.run(
      """
      { job(id: 101, runId: 1010) { id runId model(uniqueId: "model.shop.stg_payments") { runId status }
        seeds { uniqueId } macros { uniqueId } exposure(name: "weekly_revenue_dashboard") { uniqueId } } }
      """)
    #expect(result.errors.isEmpty, "\(result.errors)")
    let job = result.data?["job"]
    #expect(job?["model"] == ["runId": 1010, "status": "error"])
    #expect(job?["seeds"]?.listValue?.count == 2)
    #expect(job?["exposure"]?["uniqueId"] == "exposure.shop.weekly_revenue_dashboard")
  }
}

/// Semantic models and saved queries in `resources` are served by their own binding
/// (`DefinitionState.semanticModels`, Part 4): these tests run where it is present.
@Suite(
  .enabled(
    if: (try? SampleDatabase.api().schema.field("DefinitionState", "semanticModels").resolve)
      != nil,
    "DefinitionState.semanticModels (the semantic-layer binding) is not bound in this build"))
struct SemanticLayerResourcesTests {
  /// dbt-mcp's semantic model details go through `applied.resources`.
  @Test func resourcesServeSemanticModelsWithTheirFields() throws {
    let result = try SampleDatabase.run(
      """
      { environment(id: 1) { applied { resources(first: 5, filter: {types: [SemanticModel, Model],
          uniqueIds: ["semantic_model.shop.orders", "model.shop.fct_orders"]}) { totalCount edges { node {
        __typename uniqueId resourceType
        ... on SemanticModelDefinitionNode { name dimensions { name type } measures { name agg } } } } } } } }
      """)
    #expect(result.errors.isEmpty, "\(result.errors)")
    let edges = result.data?["environment"]?["applied"]?["resources"]?["edges"]?.listValue ?? []
    #expect(
      edges.compactMap { $0["node"]?["__typename"]?.stringValue }
        == ["ModelAppliedStateNode", "SemanticModelDefinitionNode"])
    let manifest = try SampleArtifacts.json("101/008/02-build/manifest.json")
    let written = (manifest["semantic_models"] as? [String: [String: Any]])?[
      "semantic_model.shop.orders"]
    let semantic = edges.last?["node"]
    #expect(
      semantic?["dimensions"]?.listValue?.compactMap { $0["name"]?.stringValue }
        == (written?["dimensions"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
    #expect(semantic?["measures"]?.listValue?.isEmpty == false)
  }
}
