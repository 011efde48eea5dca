import Foundation
import GraphQL
import Testing

@testable import MetadataAPI

/// Part 1, the job-scoped Metadata API, on the sample runs: the reference's examples, every
/// field of every type, values against the artifacts dbt wrote, batching, and ids that are
/// not found.
///
/// Sample runs used: job 101 (nightly; runs 1002, 1003, 1006, 1007, 1010, 1013, 1014, 1016,
/// the latest), run 1007 (stripe.payments freshness error, fct_orders accepted_values
/// fails, downstream models skipped), job 103 (`dbt test` only).
@Suite struct JobScopedTests {
  /// The response data of `query`, requiring no errors.
  private func data(_ query: String, variables: JSONObject = JSONObject()) throws -> JSONValue {
    let result = try SampleDatabase.run(query, variables: variables)
    #expect(result.errors.isEmpty, "\(result.errors.map(\.message))")
    return result.data ?? .null
  }

  /// A JSON file under `sample-runs/runs/`.
  private func artifact(_ path: String) throws -> JSONValue {
    try JSONParser.parse(
      String(
        contentsOf: SampleDatabase.repository.appendingPathComponent("sample-runs/runs/" + path),
        encoding: .utf8))
  }

  /// The run result of `uniqueID` in a run_results.json.
  private func result(_ path: String, _ uniqueID: String) throws -> JSONValue? {
    try artifact(path)["results"]?.listValue?.first { $0["unique_id"]?.stringValue == uniqueID }
  }

  // MARK: Reference section 4 (job-scoped examples), on sample-runs ids

  @Test func modelParentsExample() throws {
    // 4.1: parentsModels and parentsSources with their run ids.
    let data = try data(
      """
      { model(jobId: 101, uniqueId: "model.shop.stg_orders") {
          parentsModels { runId uniqueId executionTime }
          parentsSources { runId uniqueId state } } }
      """)
    let model = try #require(data["model"])
    #expect(model["parentsModels"] == .list([]))
    #expect(
      model["parentsSources"]
        == .list([
          .object(["runId": 1016, "uniqueId": "source.shop.shop.orders", "state": "Pass"])
        ]))
    let fct = try self.data(
      """
      { model(jobId: 101, uniqueId: "model.shop.fct_orders") {
          parentsModels { runId uniqueId executionTime } } }
      """)
    let parents = try #require(fct["model"]?["parentsModels"]?.listValue)
    #expect(
      parents.compactMap { $0["uniqueId"]?.stringValue } == [
        "model.shop.int_order_items_enriched", "model.shop.stg_orders",
      ])
    // The ephemeral model has no result of its own; the view has one.
    #expect(parents[0]["executionTime"] == .null)
    #expect(parents[1]["executionTime"]?.doubleValue != nil)
  }

  @Test func otherLegacyExamples() throws {
    // 4.2, each query with the sample project's ids.
    let model = try data(
      """
      { model(jobId: 101, uniqueId: "model.shop.fct_orders") {
          runId projectId name uniqueId resourceType executeStartedAt executeCompletedAt
          executionTime } }
      """)["model"]
    #expect(model?["runId"] == 1016)
    #expect(model?["projectId"] == 1)
    #expect(model?["resourceType"] == "model")
    #expect(model?["executeStartedAt"]?.stringValue?.count == 24)

    let columns = try data(
      """
      { model(jobId: 101, uniqueId: "model.shop.fct_orders") {
          columns { name index type comment description tags meta } } }
      """)["model"]?["columns"]?.listValue
    #expect(columns?.first?["name"] == "order_id")
    #expect(columns?.first?["description"] == "Primary key.")
    #expect(columns?.first?["tags"] == .list([]))

    let located = try data(
      """
      { models(jobId: 101, database: "prod", schema: "analytics_marts",
          identifier: "fct_orders") { uniqueId } }
      """)
    #expect(located["models"] == .list([.object(["uniqueId": "model.shop.fct_orders"])]))

    let inSchema = try #require(
      try data(#"{ models(jobId: 101, schema: "analytics_staging") { uniqueId executionTime } }"#)[
        "models"]?.listValue)
    #expect(!inSchema.isEmpty)
    #expect(inSchema.allSatisfy { $0["uniqueId"]?.stringValue?.contains(".stg_") == true })

    let sources = try #require(
      try data(#"{ sources(jobId: 101, schema: "main") { uniqueId state } }"#)["sources"]?
        .listValue)
    let allSources = try #require(
      try data("{ sources(jobId: 101) { uniqueId schema } }")["sources"]?.listValue)
    #expect(
      sources.count
        == allSources.filter { $0["schema"]?.stringValue?.lowercased() == "main" }.count)

    let tests = try #require(
      try data(
        "{ tests(jobId: 101) { runId accountId projectId uniqueId name columnName state } }")[
          "tests"]?.listValue)
    #expect(tests.count == 61)
    #expect(tests.allSatisfy { $0["accountId"] == 1 && $0["runId"] == 1016 })

    let exposure = try data(
      """
      { exposure(jobId: 101, name: "weekly_revenue_dashboard") {
          name uniqueId ownerName ownerEmail url
          parentsSources { uniqueId state maxLoadedAt } parentsModels { uniqueId } } }
      """)["exposure"]
    #expect(exposure?["ownerName"] == "Finance Data")
    #expect(exposure?["ownerEmail"] == "finance-data@shop.example")
    #expect(exposure?["url"] == "https://bi.shop.example/dashboards/12")
    #expect(exposure?["parentsSources"] == .list([]))
    #expect(exposure?["parentsModels"]?.listValue?.count == 3)

    let metric = try data(
      """
      { metric(jobId: 101, uniqueId: "metric.shop.revenue") {
          uniqueId name label type sql timestamp timeGrains dimensions
          filters { field operator value } model { name } } }
      """)["metric"]
    #expect(metric?["label"] == "Revenue")
    #expect(metric?["type"] == "simple")
    // A MetricFlow metric is defined on a semantic model, itself on fct_orders.
    #expect(metric?["model"] == .object(["name": "fct_orders"]))
    #expect(metric?["filters"] == .list([]))

    let history = try #require(
      try data(
        """
        { modelByEnvironment(environmentId: 1, uniqueId: "model.shop.fct_orders",
            lastRunCount: 10, withCatalog: false) { uniqueId jobId runId executionTime } }
        """)["modelByEnvironment"]?.listValue)
    // Production built fct_orders in nightly and CI runs; newest first, at most 10.
    #expect(history.count == 10)
    #expect(history.first?["runId"] == 1016)
    let runIDs = history.compactMap { $0["runId"]?.intValue }
    #expect(runIDs == runIDs.sorted(by: >))
  }

  @Test func sourceFreshnessExample() throws {
    // 4.3.
    let source = try data(
      """
      query ($jobId: Int!, $uniqueId: String!) {
        source(jobId: $jobId, uniqueId: $uniqueId) { name description uniqueId type database
          freshnessChecked state identifier loader snapshottedAt maxLoadedAt
          stats { label description value } } }
      """,
      variables: ["jobId": 101, "uniqueId": "source.shop.shop.customers"])["source"]
    #expect(source?["name"] == "customers")
    #expect(source?["type"] == "BASE TABLE")
    #expect(source?["freshnessChecked"] == true)
    #expect(source?["state"] == "Pass")
    #expect(source?["loader"] == "fivetran")
    #expect(source?["stats"]?.listValue?.isEmpty == false)
  }

  @Test func modelStatsExample() throws {
    // 4.4.
    let model = try data(
      """
      { model(jobId: 101, uniqueId: "model.shop.fct_orders") {
          database schema name status executeCompletedAt executionTime
          stats { id label description include value } } }
      """)["model"]
    #expect(model?["database"] == "prod")
    #expect(model?["status"] == "success")
    let stat = try #require(model?["stats"]?.listValue?.first)
    #expect(
      stat
        == .object([
          "id": "has_stats", "label": "Has Stats?",
          "description": "Indicates whether there are statistics for this table",
          "include": false, "value": false,
        ]))
  }

  @Test func testsExample() throws {
    // 4.5, on the run where a test fails.
    let tests = try #require(
      try data(
        "{ tests(jobId: 101, runId: 1007) { name skip state resourceType fail error columnName dependsOn } }"
      )["tests"]?.listValue)
    let failing = try #require(
      tests.first {
        $0["name"] == "accepted_values_fct_orders_status__placed__shipped__completed__returned"
      })
    #expect(failing["state"] == "fail")
    #expect(failing["fail"] == true)
    #expect(failing["skip"] == false)
    #expect(failing["columnName"] == "status")
    #expect(failing["error"] == "Got 1 result, configured to fail if != 0")
    let dependsOn = failing["dependsOn"]?.listValue ?? []
    #expect(dependsOn.contains("model.shop.fct_orders"))
    #expect(dependsOn.contains("macro.dbt.test_accepted_values"))
    #expect(tests.contains { $0["skip"] == true && $0["state"] == "skipped" })
  }

  @Test func modelByEnvironmentWithRunResultsExample() throws {
    // 4.6: one element per run, newest first, with tests and run results.
    let models = try #require(
      try data(
        """
        { modelByEnvironment(environmentId: 1, uniqueId: "model.shop.customer_lifetime_value",
            lastRunCount: 5) {
            uniqueId status database schema name resourceType type materializedType
            tests { columnName error fail status }
            runResults { executionTime runGeneratedAt runElapsedTime error status skip
              compileStartedAt compileCompletedAt executeStartedAt executeCompletedAt } } }
        """)["modelByEnvironment"]?.listValue)
    #expect(models.count == 5)
    let first = try #require(models.first)
    #expect(first["type"] == "BASE TABLE")
    #expect(first["materializedType"] == "table")
    #expect(first["tests"]?.listValue?.first?["status"] == "0")
    let runResult = try #require(first["runResults"]?.listValue?.first)
    #expect(runResult["status"] == "success")
    #expect(runResult["skip"] == false)
    #expect(runResult["error"] == .null)
  }

  @Test func lineageOfModelsExample() throws {
    // The lineage response of the same doc: parentsModels is [] (not null) for staging models.
    let models = try #require(
      try data(
        "{ models(jobId: 101) { uniqueId dependsOn parentsModels { uniqueId dependsOn } parentsSources { uniqueId } } }"
      )["models"]?.listValue)
    let staging = try #require(models.first { $0["uniqueId"] == "model.shop.stg_customers" })
    #expect(staging["parentsModels"] == .list([]))
    #expect(staging["parentsSources"]?.listValue?.count == 1)
  }

  // MARK: Every field

  @Test func everyFieldOfEveryPart1TypeResolves() throws {
    let api = try SampleDatabase.api()
    let roots: [(String, String)] = [
      ("models", "jobId: 101"), ("model", #"jobId: 101, uniqueId: "model.shop.fct_orders""#),
      ("modelByEnvironment", #"environmentId: 1, uniqueId: "model.shop.fct_orders""#),
      ("sources", "jobId: 101"),
      ("source", #"jobId: 101, runId: 1007, uniqueId: "source.shop.stripe.payments""#),
      ("seeds", "jobId: 101"), ("seed", #"jobId: 101, uniqueId: "seed.shop.country_codes""#),
      ("snapshots", "jobId: 101"),
      ("snapshot", #"jobId: 101, uniqueId: "snapshot.shop.customers_snapshot""#),
      ("tests", "jobId: 101, runId: 1007"),
      (
        "test",
        #"jobId: 101, runId: 1007, uniqueId: "test.shop.accepted_values_fct_orders_status__placed__shipped__completed__returned.7d365032e1""#
      ),
      ("exposures", "jobId: 101"), ("exposure", #"jobId: 101, name: "funnel_notebook""#),
      ("metrics", "jobId: 101"), ("metric", #"jobId: 101, uniqueId: "metric.shop.orders""#),
      ("macros", "jobId: 101"),
      ("macro", #"jobId: 101, uniqueId: "macro.dbt_duckdb.duckdb__get_binding_char""#),
    ]
    let query = try roots.map { name, arguments in
      let field = try #require(api.schema.type(named: "Query")?.field(named: name))
      let fields = try #require(selection(of: field.type.namedType, depth: 0))
      return "\(name)(\(arguments)) \(fields)"
    }.joined(separator: "\n")
    let result = try api.execute(
      query: "{\n\(query)\n}", accountID: 1,
      limits: QueryLimits(maxCost: .max, maxTokens: .max))
    #expect(result.errors.isEmpty, "\(result.errors.map(\.message).prefix(5))")
    for (name, _) in roots {
      let value = result.data?[name]
      #expect(value != nil && value != .null, "\(name) answered null")
      if let list = value?.listValue { #expect(!list.isEmpty, "\(name) answered []") }
    }
  }

  /// Every field of `type`: leaves by name, objects with their own selection down to depth
  /// 2, interfaces with `__typename` and their fields.
  private func selection(of type: GraphQLNamedType, depth: Int) -> String? {
    var fields: [String] = []
    for (name, field) in zip(type.fields.keys, type.fields.values) {
      let named = field.type.namedType
      switch named.kind {
      case .scalar, .enum: fields.append(name)
      case .object, .interface:
        if depth < 3, let nested = selection(of: named, depth: depth + 1) {
          fields.append(name + " " + nested)
        }
      default: continue
      }
    }
    if type.kind == .interface { fields.insert("__typename", at: 0) }
    return fields.isEmpty ? nil : "{ " + fields.joined(separator: " ") + " }"
  }

  @Test func everyFieldOfPart1TypesHasAResolver() throws {
    let schema = try SampleDatabase.api().schema
    let types =
      MetadataAPI.jobNodeTypes + [
        "RunInfoNode", "CatalogColumn", "CatalogStat", "Criteria", "CriteriaInfo", "MetricFilter",
      ]
    for name in types {
      let type = try #require(schema.type(named: name))
      for field in type.fields.values {
        #expect(
          field.resolve != nil || field.batchResolve != nil, "\(name).\(field.name) is unbound")
      }
    }
    for root in [
      "models", "model", "modelByEnvironment", "sources", "source", "seeds", "seed", "snapshots",
      "snapshot", "tests", "test", "exposures", "exposure", "metrics", "metric", "macros", "macro",
    ] {
      #expect(schema.type(named: "Query")?.field(named: root)?.resolve != nil, "Query.\(root)")
    }
  }

  // MARK: Values against the artifacts

  @Test func modelExecutionTimeIsTheRunResults() throws {
    let expected = try #require(
      try result("101/008/02-build/run_results.json", "model.shop.fct_orders"))
    let model = try data(
      """
      { model(jobId: 101, runId: 1016, uniqueId: "model.shop.fct_orders") {
          executionTime threadId status executeCompletedAt runGeneratedAt invocationId } }
      """)["model"]
    #expect(model?["executionTime"] == expected["execution_time"])
    #expect(model?["threadId"] == expected["thread_id"])
    #expect(model?["status"] == expected["status"])
    let completed = expected["timing"]?.listValue?.first { $0["name"] == "execute" }?[
      "completed_at"]?.stringValue
    #expect(model?["executeCompletedAt"]?.stringValue == completed.map { $0.prefix(23) + "Z" })
    let runResults = try artifact("101/008/02-build/run_results.json")
    #expect(model?["invocationId"] == runResults["metadata"]?["invocation_id"])
  }

  @Test func sourceFreshnessIsTheSourcesFile() throws {
    let sources = try artifact("101/004/01-source-freshness/sources.json")
    let expected = try #require(
      sources["results"]?.listValue?.first {
        $0["unique_id"] == "source.shop.stripe.payments"
      })
    let source = try data(
      """
      { source(jobId: 101, runId: 1007, uniqueId: "source.shop.stripe.payments") {
          state maxLoadedAt snapshottedAt maxLoadedAtTimeAgoInS freshnessChecked
          criteria { warnAfter { count period } errorAfter { count period } } } }
      """)["source"]
    #expect(expected["status"] == "error")
    #expect(source?["state"] == "Error")
    // 2026-03-03T05:00:00+00:00 in the API's form.
    let maxLoadedAt = try #require(expected["max_loaded_at"]?.stringValue)
    #expect(source?["maxLoadedAt"]?.stringValue == maxLoadedAt.prefix(19) + ".000Z")
    #expect(source?["maxLoadedAtTimeAgoInS"] == expected["max_loaded_at_time_ago_in_s"])
    #expect(source?["freshnessChecked"] == true)
    let criteria = expected["criteria"]
    #expect(source?["criteria"]?["warnAfter"]?["count"] == criteria?["warn_after"]?["count"])
    #expect(source?["criteria"]?["errorAfter"]?["period"] == criteria?["error_after"]?["period"])
    // The next night the source is fresh again.
    let later = try data(
      #"{ source(jobId: 101, runId: 1010, uniqueId: "source.shop.stripe.payments") { state } }"#)
    #expect(later["source"]?["state"] == "Pass")
  }

  @Test func failingTestStatusIsTheFailureCount() throws {
    let id =
      "test.shop.accepted_values_fct_orders_status__placed__shipped__completed__returned.7d365032e1"
    let expected = try #require(try result("101/004/02-build/run_results.json", id))
    let test = try data(
      #"{ test(jobId: 101, runId: 1007, uniqueId: "\#(id)") { state status fail warn error } }"#
    )["test"]
    #expect(test?["state"] == expected["status"])
    #expect(test?["status"]?.stringValue == expected["failures"]?.intValue.map(String.init))
    #expect(test?["fail"] == true)
    #expect(test?["error"] == expected["message"])
    // Fixed by run 1010 ('lost' accepted): the test is a new node that passes with 0
    // failing rows, and the old one is no longer in the manifest.
    let fixedID =
      "test.shop.accepted_values_fct_orders_status__placed__shipped__completed__returned__lost.656a030af6"
    let fixed = try data(
      """
      { test(jobId: 101, runId: 1010, uniqueId: "\(fixedID)") { state status fail }
        old: test(jobId: 101, runId: 1010, uniqueId: "\(id)") { state } }
      """)
    #expect(
      fixed
        == .object([
          "test": .object(["state": "pass", "status": "0", "fail": false]), "old": .null,
        ]))
  }

  @Test func skippedAndErroredModels() throws {
    // Run 1010: stg_payments errors (its column is gone); its downstream is skipped.
    let models = try #require(
      try data("{ models(jobId: 101, runId: 1010) { uniqueId status error skip } }")["models"]?
        .listValue)
    let failed = try #require(models.first { $0["uniqueId"] == "model.shop.stg_payments" })
    #expect(failed["status"] == "error")
    #expect(failed["error"]?.stringValue?.isEmpty == false)
    #expect(failed["skip"] == false)
    #expect(models.contains { $0["status"] == "skipped" && $0["skip"] == true })
  }

  @Test func catalogColumnTypeIsTheCatalog() throws {
    let catalog = try artifact("101/008/03-docs-generate/catalog.json")
    let expected = try #require(catalog["nodes"]?["model.shop.fct_orders"]?["columns"]?["amount"])
    let columns = try #require(
      try data(
        #"{ model(jobId: 101, uniqueId: "model.shop.fct_orders") { columns { name index type } } }"#
      )[
        "model"]?["columns"]?.listValue)
    let amount = try #require(columns.first { $0["name"] == "amount" })
    #expect(amount["type"] == expected["type"])
    #expect(amount["index"] == expected["index"])
  }

  @Test func runIdOmittedIsTheJobsLatestRun() throws {
    let latest = try data("{ models(jobId: 101) { runId } }")["models"]?.listValue
    #expect(latest?.allSatisfy { $0["runId"] == 1016 } == true)
    let older = try data("{ models(jobId: 101, runId: 1003) { runId } }")["models"]?.listValue
    #expect(older?.allSatisfy { $0["runId"] == 1003 } == true)
    // Job 103 only runs `dbt test`: its models have no result of their own.
    let testOnly = try data(
      #"{ model(jobId: 103, uniqueId: "model.shop.fct_orders") { runId status runResults { status } } }"#
    )["model"]
    #expect(testOnly == .object(["runId": 1015, "status": .null, "runResults": .list([])]))
  }

  // MARK: Not found

  @Test func unknownOrForeignIdsAreNotFound() throws {
    // An unknown job, a run of another job, an unknown run, and account 2 (which has no
    // runs) asking for account 1's job: one "not found" error per root field, never
    // another account's data.
    let queries: [(String, String)] = [
      ("{ models(jobId: 999) { uniqueId } }", "Job 999 not found"),
      (
        #"{ model(jobId: 999, uniqueId: "model.shop.fct_orders") { uniqueId } }"#,
        "Job 999 not found"
      ),
      ("{ tests(jobId: 101, runId: 1004) { uniqueId } }", "Run 1004 of job 101 not found"),
      ("{ models(jobId: 101, runId: 424242) { uniqueId } }", "Run 424242 of job 101 not found"),
    ]
    for (query, message) in queries {
      let result = try SampleDatabase.run(query)
      // A non-null list nulls `data`; a nullable node is null itself.
      #expect(result.data == .null || result.data?.objectValue?.values.first == .null)
      #expect(result.errors.map(\.message).first?.hasPrefix(message) == true, "\(result.errors)")
      #expect(result.errors.first?.extensions?["code"] == .string("NOT_FOUND"))
    }
    for (query, message) in [
      ("{ models(jobId: 101) { uniqueId } }", "Job 101 not found"),
      (
        #"{ model(jobId: 101, uniqueId: "model.shop.fct_orders") { uniqueId } }"#,
        "Job 101 not found"
      ),
      (
        #"{ modelByEnvironment(environmentId: 1, uniqueId: "model.shop.fct_orders") { runId } }"#,
        "Environment 1 not found"
      ),
    ] {
      let foreign = try SampleDatabase.run(query, account: 2)
      #expect(foreign.errors.count == 1)
      #expect(foreign.errors.first?.message.hasPrefix(message) == true, "\(foreign.errors)")
    }
    // An unknown node of a known run is null, not an error.
    #expect(
      try data(#"{ model(jobId: 101, uniqueId: "model.shop.nope") { uniqueId } }"#)
        == .object(["model": .null]))
    // A node of another type is not a model.
    #expect(
      try data(#"{ model(jobId: 101, uniqueId: "seed.shop.country_codes") { uniqueId } }"#)
        == .object(["model": .null]))
  }

  @Test func modelByEnvironmentRefusesBadArguments() throws {
    let tooMany = try SampleDatabase.run(
      #"{ modelByEnvironment(environmentId: 1, uniqueId: "model.shop.fct_orders", lastRunCount: 11) { runId } }"#
    )
    #expect(
      tooMany.errors.map(\.message) == [
        "Argument \"lastRunCount\" is 11: it must be between 1 and 10."
      ])
    let neither = try SampleDatabase.run("{ modelByEnvironment(environmentId: 1) { runId } }")
    #expect(
      neither.errors.map(\.message) == [
        "modelByEnvironment needs a uniqueId or an identifier."
      ])
    let byIdentifier = try data(
      #"{ modelByEnvironment(environmentId: 1, identifier: "FCT_ORDERS", withCatalog: true) { uniqueId runId } }"#
    )
    #expect(
      byIdentifier["modelByEnvironment"]
        == .list([.object(["uniqueId": "model.shop.fct_orders", "runId": 1016])]))
  }

  // MARK: Batching

  @Test func nestedListsAreLoadedOncePerRunNotPerNode() throws {
    let api = try SampleDatabase.api()
    let query = """
      { models(jobId: 101) { uniqueId status executionTime columns { name description }
          stats { id } type childrenL1
          parentsModels { uniqueId status parentsSources { uniqueId state } }
          parentsSources { uniqueId maxLoadedAt }
          tests { uniqueId state status } } }
      """
    let context = RequestContext(accountID: 1, store: api.store)
    let document = try parse(query)
    let result = execute(
      schema: api.schema, document: document, source: Source(query), context: context)
    #expect(result.errors.isEmpty)
    #expect((result.data?["models"]?.listValue?.count ?? 0) > 15)
    // The run, the models; their results, catalog, children, parents (models are already
    // loaded), the parents' sources and their freshness; the tests' results. A constant:
    // 19 models do not cost 19 calls per field.
    let calls = try JobScopedLoader.of(context).storeCalls
    #expect(calls <= 12, "\(calls) store calls")
  }
}
