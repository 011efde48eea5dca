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

  // MARK: - job(id, runId)

  @Test func jobResolvesItsRun() throws {
    let data = try Self.data(
      "{ latest: job(id: 101) { id runId } chosen: job(id: 101, runId: 1002) { id runId } }")
    #expect(data["latest"] == ["id": 101, "runId": 1016])
    #expect(data["chosen"] == ["id": 101, "runId": 1002])
    for (query, account, message) in [
      ("{ job(id: 101, runId: 1001) { runId } }", 1, "Run 1001 of job 101 not found"),
      ("{ job(id: 999) { runId } }", 1, "Job 999 not found"),
      ("{ job(id: 101) { id } }", 2, "Job 101 not found"),
    ] {
      let result = try SampleDatabase.run(query, account: account)
      #expect(result.data?["job"] == .null)
      #expect(result.errors.map(\.message).first?.hasPrefix(message) == true, "\(result.errors)")
    }
  }

}
