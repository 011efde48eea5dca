import Foundation
import GraphQL
import Testing

@testable import MetadataAPI

/// `lineage(filter:)`: every selector form against a brute-force evaluation over the
/// manifest of environment 1's latest run (run 1016, `sample-runs/runs/101/008`), read
/// here straight from the JSON file; the node fields against that manifest and the run's
/// results; bad selectors giving one clear error.
@Suite struct LineageTests {
  /// The manifest behind environment 1's current state, and naive graph walks over its
  /// `parent_map` / `child_map` (independent of the API's graph code).
  /// Immutable after loading (only `let`s), so sharing it between tests is safe.
  struct Manifest: @unchecked Sendable {
    let nodes: [String: [String: Any]]
    let parentMap: [String: [String]]
    let childMap: [String: [String]]

    static let production: Result<Manifest, any Error> = Result {
      let url = SampleDatabase.repository.appendingPathComponent(
        "sample-runs/runs/101/008/02-build/manifest.json")
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
      var nodes: [String: [String: Any]] = [:]
      for section in [
        "nodes", "sources", "exposures", "metrics", "semantic_models", "saved_queries",
        "unit_tests",
      ] {
        for (id, node) in json?[section] as? [String: [String: Any]] ?? [:] { nodes[id] = node }
      }
      return Manifest(
        nodes: nodes, parentMap: json?["parent_map"] as? [String: [String]] ?? [:],
        childMap: json?["child_map"] as? [String: [String]] ?? [:])
    }

    func type(_ id: String) -> String { nodes[id]?["resource_type"] as? String ?? "" }
    func fqn(_ id: String) -> [String] { nodes[id]?["fqn"] as? [String] ?? [] }
    func tags(_ id: String) -> [String] { nodes[id]?["tags"] as? [String] ?? [] }
    func path(_ id: String) -> String { nodes[id]?["original_file_path"] as? String ?? "" }
    func config(_ id: String, _ key: String) -> String? {
      (nodes[id]?["config"] as? [String: Any])?[key] as? String
    }

    /// Every node reachable in 1...depth steps (recursive, no memo: brute force).
    func reach(_ start: Set<String>, _ map: [String: [String]], depth: Int = .max) -> Set<String> {
      var found = Set<String>()
      func visit(_ id: String, _ left: Int) {
        guard left > 0 else { return }
        for next in map[id] ?? [] {
          found.insert(next)
          visit(next, left - 1)
        }
      }
      for id in start { visit(id, depth) }
      return found
    }

    func ids(where predicate: (String) -> Bool) -> Set<String> {
      Set(nodes.keys.filter(predicate))
    }

    /// Nodes named `name` (not sources), as dbt's fqn method matches a bare name.
    func named(_ name: String) -> Set<String> {
      ids { type($0) != "source" && (fqn($0).last == name || versionedName($0) == name) }
    }

    private func versionedName(_ id: String) -> String? {
      guard nodes[id]?["version"] != nil, !(nodes[id]?["version"] is NSNull) else { return nil }
      let fqn = self.fqn(id)
      return fqn.count >= 2 ? fqn[fqn.count - 2] : nil
    }

    /// The answer a lineage query gives: only types lineage has (not analyses).
    func lineageTypes(_ ids: Set<String>) -> [String] {
      ids.filter { type($0) != "analysis" }.sorted()
    }
  }

  static func manifest() throws -> Manifest { try Manifest.production.get() }

  /// The unique ids lineage answers for a filter (as GraphQL input text).
  static func lineage(_ filter: String, state: String = "applied") throws -> [String] {
    let result = try SampleDatabase.run(
      "{ environment(id: 1) { \(state) { lineage(filter: \(filter)) { uniqueId } } } }")
    guard result.errors.isEmpty else {
      Issue.record("lineage(\(filter)) failed: \(result.errors)")
      return []
    }
    let list = result.data?["environment"]?[state]?["lineage"]?.listValue ?? []
    return list.compactMap { $0["uniqueId"]?.stringValue }
  }

  static func select(_ selector: String, exclude: String? = nil) throws -> [String] {
    let excludePart = exclude.map { ", exclude: \"\($0)\"" } ?? ""
    return try lineage("{select: \"\(selector)\"\(excludePart)}")
  }

  @Test func noFilterAnswersEveryLineageNodeOfTheManifest() throws {
    let m = try Self.manifest()
    let expected = m.lineageTypes(Set(m.nodes.keys)).filter { !$0.hasPrefix("macro.") }
    let all = try Self.lineage("{}").filter { !$0.hasPrefix("macro.") }
    #expect(all == expected)
    #expect(all.count > 80)
  }

  @Test func bareNameSelectsByFQNLeafIncludingVersionsButNotSources() throws {
    let m = try Self.manifest()
    for name in [
      "fct_orders", "stg_payments", "dim_customers", "orders", "dim_customers.v1",
      "dim_customers_v2",
    ] {
      var expected = m.named(name)
      if name == "dim_customers.v1" { expected = ["model.shop.dim_customers.v1"] }
      if name == "dim_customers_v2" { expected = ["model.shop.dim_customers.v2"] }
      #expect(try Self.select(name) == m.lineageTypes(expected), "\(name)")
    }
    // `orders` is the metric and the semantic model, not the source table.
    #expect(try Self.select("orders") == ["metric.shop.orders", "semantic_model.shop.orders"])
  }

  @Test func plusOperatorsWalkParentMapAndChildMap() throws {
    let m = try Self.manifest()
    let base = m.named("fct_orders")
    #expect(
      try Self.select("+fct_orders") == m.lineageTypes(base.union(m.reach(base, m.parentMap))))
    #expect(try Self.select("fct_orders+") == m.lineageTypes(base.union(m.reach(base, m.childMap))))
    #expect(
      try Self.select("+fct_orders+")
        == m.lineageTypes(base.union(m.reach(base, m.parentMap)).union(m.reach(base, m.childMap))))
  }

  @Test func depthLimitedOperators() throws {
    let m = try Self.manifest()
    for name in ["fct_orders", "stg_payments", "customer_lifetime_value"] {
      let base = m.named(name)
      for depth in 0...3 {
        #expect(
          try Self.select("\(depth)+\(name)")
            == m.lineageTypes(base.union(m.reach(base, m.parentMap, depth: depth))),
          "\(depth)+\(name)")
        #expect(
          try Self.select("\(name)+\(depth)")
            == m.lineageTypes(base.union(m.reach(base, m.childMap, depth: depth))),
          "\(name)+\(depth)")
      }
    }
    // 2+stg_payments reaches the source; 1+ only the source too; 0+ only itself.
    #expect(try Self.select("0+stg_payments") == ["model.shop.stg_payments"])
    #expect(
      try Self.select("1+stg_payments") == [
        "model.shop.stg_payments", "source.shop.stripe.payments",
      ])
  }

  @Test func atOperatorAddsTheAncestorsOfEveryDescendant() throws {
    let m = try Self.manifest()
    for name in ["stg_payments", "fct_orders"] {
      let base = m.named(name)
      let down = base.union(m.reach(base, m.childMap))
      let expected = down.union(m.reach(down, m.parentMap))
      #expect(try Self.select("@\(name)") == m.lineageTypes(expected), "@\(name)")
    }
  }

  @Test func tagSourcePathResourceTypeConfigAndFQNMethods() throws {
    let m = try Self.manifest()
    let cases: [(String, Set<String>)] = [
      ("tag:marts", m.ids { m.tags($0).contains("marts") }),
      ("tag:app-db", m.ids { m.tags($0).contains("app-db") }),
      ("tag:week*", m.ids { m.tags($0).contains { $0.hasPrefix("week") } }),
      ("source:shop", m.ids { m.type($0) == "source" && $0.hasPrefix("source.shop.shop.") }),
      ("source:stripe.payments", ["source.shop.stripe.payments"]),
      ("source:shop.shop.orders", ["source.shop.shop.orders"]),
      ("source:*.order*", m.ids { $0.hasPrefix("source.shop.shop.order") }),
      ("path:models/staging", m.ids { m.path($0).hasPrefix("models/staging/") }),
      ("models/marts/finance", m.ids { m.path($0).hasPrefix("models/marts/finance/") }),
      ("path:models/marts/core/fct_orders.sql", ["model.shop.fct_orders"]),
      ("fct_orders.sql", ["model.shop.fct_orders"]),
      ("resource_type:seed", m.ids { m.type($0) == "seed" }),
      ("resource_type:exposure", m.ids { m.type($0) == "exposure" }),
      ("config.materialized:incremental", m.ids { m.config($0, "materialized") == "incremental" }),
      ("config.materialized:ephemeral", m.ids { m.config($0, "materialized") == "ephemeral" }),
      (
        "fqn:shop.marts.finance",
        m.ids { m.type($0) != "source" && m.fqn($0).starts(with: ["shop", "marts", "finance"]) }
      ),
      (
        "shop.staging.*",
        m.ids { m.type($0) != "source" && m.fqn($0).starts(with: ["shop", "staging"]) }
      ),
      ("package:shop", m.ids { (m.nodes[$0]?["package_name"] as? String) == "shop" }),
      ("exposure:weekly_revenue_dashboard", ["exposure.shop.weekly_revenue_dashboard"]),
      ("test_type:unit", m.ids { m.type($0) == "unit_test" }),
      (
        "access:private",
        m.ids { m.type($0) == "model" && (m.nodes[$0]?["access"] as? String) == "private" }
      ),
      (
        "group:finance",
        m.ids {
          (m.nodes[$0]?["group"] as? String) == "finance" || m.config($0, "group") == "finance"
        }
      ),
    ]
    for (selector, expected) in cases {
      #expect(!expected.isEmpty, "\(selector) selects nothing in the manifest: a weak case")
      #expect(try Self.select(selector) == m.lineageTypes(expected), "\(selector)")
    }
  }

  @Test func spaceIsUnionCommaIsIntersectionAndExcludeSubtracts() throws {
    let m = try Self.manifest()
    #expect(
      try Self.select("stg_orders stg_customers")
        == ["model.shop.stg_customers", "model.shop.stg_orders"])
    let tableMarts = m.ids {
      m.tags($0).contains("marts") && m.config($0, "materialized") == "table"
    }
    #expect(try Self.select("tag:marts,config.materialized:table") == m.lineageTypes(tableMarts))
    let base = m.named("fct_orders")
    let upstream = base.union(m.reach(base, m.parentMap))
    #expect(
      try Self.select("+fct_orders", exclude: "resource_type:source")
        == m.lineageTypes(upstream.filter { m.type($0) != "source" }))
    // Intersection with graph operators on each side, then a union with another term.
    let staging = m.ids { m.tags($0).contains("staging") }
    let both = upstream.intersection(staging).union(m.named("daily_revenue"))
    #expect(try Self.select("+fct_orders,tag:staging daily_revenue") == m.lineageTypes(both))
    // Exclude alone (no select) removes from everything.
    let everythingButTests = try Self.lineage(
      "{exclude: \"resource_type:test resource_type:unit_test\", types: [Model, Source]}")
    #expect(
      everythingButTests == m.lineageTypes(m.ids { ["model", "source"].contains(m.type($0)) }))
  }

  @Test func typesUniqueIdsAndTagsFilterTheSelection() throws {
    let m = try Self.manifest()
    let base = m.named("fct_orders")
    let upstream = base.union(m.reach(base, m.parentMap))
    #expect(
      try Self.lineage("{select: \"+fct_orders\", types: [Source]}")
        == m.lineageTypes(upstream.filter { m.type($0) == "source" }))
    #expect(
      try Self.lineage("{types: [Model], tags: [\"staging\", \"intermediate\"]}")
        == m.lineageTypes(
          m.ids {
            m.type($0) == "model" && !Set(m.tags($0)).isDisjoint(with: ["staging", "intermediate"])
          }))
    #expect(
      try Self.lineage("{uniqueIds: [\"model.shop.fct_orders\", \"seed.shop.country_codes\"]}")
        == ["model.shop.fct_orders", "seed.shop.country_codes"])
    #expect(
      try Self.lineage("{types: [SemanticModel, Metric, Exposure]}")
        == m.lineageTypes(m.ids { ["semantic_model", "metric", "exposure"].contains(m.type($0)) }))
    // Input coercion: one value stands for a list of one (as the reference's examples use).
    #expect(
      try Self.lineage("{uniqueIds: \"model.shop.fct_orders\", types: Model}")
        == ["model.shop.fct_orders"])
    let macros = try Self.lineage("{types: [Macro]}")
    #expect(macros.count > 100 && macros.allSatisfy { $0.hasPrefix("macro.") })
    // A macro's parents are the macros it calls (`depends_on.macros`), as the manifest has them.
    let result = try SampleDatabase.run(
      """
      { environment(id: 1) { applied { lineage(filter: {types: [Macro], uniqueIds: ["macro.dbt_duckdb.duckdb__load_csv_rows"]}) {
        __typename filePath ... on LineageNodeWithParents { parentIds } } } } }
      """)
    #expect(
      result.data?["environment"]?["applied"]?["lineage"]
        == [
          [
            "__typename": "MacroLineageNode", "filePath": "macros/seed.sql",
            "parentIds": [
              "macro.dbt.get_batch_size", "macro.dbt.get_binding_char",
              "macro.dbt.get_seed_column_quoted_csv",
            ],
          ]
        ])
  }

  @Test func nodeFieldsMatchTheManifestAndTheLatestRun() throws {
    let result = try SampleDatabase.run(
      """
      { environment(id: 1) { applied { lineage(filter: {select: "1+fct_orders source:stripe"}) {
        __typename uniqueId name filePath resourceType projectId parentIds publicParentIds tags
        database schema alias materializationType access group version matchesMethod
        ... on LineageGraphNode { fqn }
        ... on LineageNodeExecutable { lastRunStatus }
        ... on LineageNodeTestable { worstTestStatus }
        ... on LineageNodeWithParents { parentIds }
        ... on ModelLineageNode { modelingLayer }
        ... on SourceLineageNode { sourceName freshnessStatus } } } } }
      """)
    #expect(result.errors.isEmpty, "\(result.errors)")
    let nodes = result.data?["environment"]?["applied"]?["lineage"]?.listValue ?? []
    let byID = Dictionary(
      nodes.map { ($0["uniqueId"]?.stringValue ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    let fct = try #require(byID["model.shop.fct_orders"])
    #expect(fct["__typename"] == "ModelLineageNode")
    #expect(fct["resourceType"] == "Model")
    #expect(fct["filePath"] == "models/marts/core/fct_orders.sql")
    #expect(fct["materializationType"] == "incremental")
    #expect(fct["parentIds"] == ["model.shop.int_order_items_enriched", "model.shop.stg_orders"])
    #expect(fct["publicParentIds"] == [])
    #expect(fct["fqn"] == ["shop", "marts", "core", "fct_orders"])
    #expect(fct["database"] == "prod" && fct["schema"] == "analytics_marts")
    #expect(fct["access"] == "public" && fct["tags"] == ["marts"])
    #expect(fct["lastRunStatus"] == "success" && fct["matchesMethod"] == true)
    #expect(fct["modelingLayer"] == "marts" && fct["projectId"] == 1)
    // The warn-severity singular test on fct_orders warns in every run (README).
    #expect(fct["worstTestStatus"] == "warn")
    let parent = try #require(byID["model.shop.stg_orders"])
    #expect(parent["matchesMethod"] == false && parent["modelingLayer"] == "staging")
    let payments = try #require(byID["source.shop.stripe.payments"])
    #expect(payments["__typename"] == "SourceLineageNode")
    #expect(payments["sourceName"] == "stripe" && payments["freshnessStatus"] == "Pass")
    #expect(payments["alias"] == "payments" && payments["schema"] == "raw_stripe")
    #expect(
      payments["parentIds"] == [] && payments["fqn"] == ["shop", "staging", "stripe", "payments"])
    // Ephemeral models never execute: no run status.
    let ephemeral = try #require(byID["model.shop.int_order_items_enriched"])
    #expect(ephemeral["lastRunStatus"] == .null && ephemeral["worstTestStatus"] == .null)
  }

  /// Every node's `lastRunStatus` and `worstTestStatus` against run 1016's results (the
  /// latest run of environment 1, which built and tested everything).
  @Test func runStatusesOfEveryNodeMatchTheLatestRunResults() throws {
    let results = try SampleTimeline.get().results.filter { $0.runID == 1016 }
    let status = Dictionary(
      results.map { ($0.uniqueID, $0.status) }, uniquingKeysWith: { first, _ in first })
    let severity = ["pass": 0, "warn": 1, "fail": 2, "error": 3]
    var worst: [String: String] = [:]
    for test in results where test.uniqueID.hasPrefix("test.") {
      guard let tested = test.testedUniqueID, let rank = severity[test.status] else { continue }
      if let current = worst[tested], (severity[current] ?? 0) >= rank { continue }
      worst[tested] = test.status
    }
    let result = try SampleDatabase.run(
      """
      { environment(id: 1) { applied { lineage(filter: {types: [Model, Seed, Snapshot, Source, Test]}) {
        uniqueId ... on LineageNodeExecutable { lastRunStatus } ... on LineageNodeTestable { worstTestStatus } } } } }
      """)
    #expect(result.errors.isEmpty, "\(result.errors)")
    let nodes = result.data?["environment"]?["applied"]?["lineage"]?.listValue ?? []
    #expect(nodes.count > 80)
    var checkedWorst = 0
    for node in nodes {
      let id = node["uniqueId"]?.stringValue ?? ""
      if !id.hasPrefix("source.") {
        #expect(node["lastRunStatus"] == (status[id].map(JSONValue.string) ?? .null), "\(id)")
      }
      if !id.hasPrefix("test.") && !id.hasPrefix("unit_test.") {
        #expect(node["worstTestStatus"] == (worst[id].map(JSONValue.string) ?? .null), "\(id)")
        if worst[id] != nil { checkedWorst += 1 }
      }
    }
    #expect(checkedWorst > 10)
    #expect(worst["model.shop.fct_orders"] == "warn")
  }

  @Test func statusesFollowTheLatestRunOfEachNode() throws {
    // Staging (environment 2): latest run 1012 passes, but stg_payments errored in 1009.
    let result = try SampleDatabase.run(
      """
      { environment(id: 2) { applied { lineage(filter: {select: "stg_payments", types: [Model]}) {
        uniqueId ... on ModelLineageNode { lastRunStatus } } } } }
      """)
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(
      result.data?["environment"]?["applied"]?["lineage"]
        == [["uniqueId": "model.shop.stg_payments", "lastRunStatus": "success"]])
  }

  @Test func definitionLineageHasTheSameNodesWithoutRunState() throws {
    let applied = try Self.select("+fct_orders")
    let definition = try Self.lineage("{select: \"+fct_orders\"}", state: "definition")
    #expect(applied == definition)
    let result = try SampleDatabase.run(
      """
      { environment(id: 1) { definition { lineage(filter: {uniqueIds: ["model.shop.fct_orders"]}) {
        ... on ModelLineageNode { lastRunStatus worstTestStatus matchesMethod } } } } }
      """)
    #expect(
      result.data?["environment"]?["definition"]?["lineage"]
        == [["lastRunStatus": nil, "worstTestStatus": nil, "matchesMethod": nil]])
  }

  /// The reference's example (dbt-metadata-api.md §4.8) returns the documented shape.
  @Test func documentedLineageExampleAnswersModels() throws {
    let m = try Self.manifest()
    let result = try SampleDatabase.run(
      """
      query { environment(id: 1) { applied { lineage(filter: {types: [Model]}) {
        name resourceType filePath projectId materializationType parentIds tags uniqueId } } } }
      """)
    #expect(result.errors.isEmpty, "\(result.errors)")
    let nodes = result.data?["environment"]?["applied"]?["lineage"]?.listValue ?? []
    #expect(
      nodes.compactMap { $0["uniqueId"]?.stringValue }
        == m.lineageTypes(m.ids { m.type($0) == "model" }))
    for node in nodes {
      let id = node["uniqueId"]?.stringValue ?? ""
      #expect(node["resourceType"] == "Model" && node["projectId"] == 1)
      #expect(node["filePath"] == .string(m.path(id)))
      #expect(
        node["materializationType"] == m.config(id, "materialized").map(JSONValue.string) ?? .null)
      #expect(
        node["parentIds"] == .list((m.parentMap[id] ?? []).sorted().map(JSONValue.string)), "\(id)")
      #expect(node["tags"] == .list(m.tags(id).map(JSONValue.string)), "\(id)")
    }
  }

  /// What dbt-labs/dbt-mcp's `GetLineage` document selects (less
  /// `SourceLineageNode.lastRunStatus`, a field the spec does not have), with a selector
  /// and variables.
  @Test func dbtMCPLineageDocumentRuns() throws {
    let result = try SampleDatabase.run(
      """
      query GetLineage($environmentId: BigInt!, $filter: LineageFilter!) {
        environment(id: $environmentId) { applied { lineage(filter: $filter) {
          ... on ModelLineageNode { uniqueId name resourceType filePath matchesMethod tags projectId fqn database schema alias materializationType lastRunStatus }
          ... on SourceLineageNode { uniqueId name resourceType filePath matchesMethod tags projectId fqn database schema sourceName }
          ... on SeedLineageNode { uniqueId name resourceType filePath matchesMethod tags projectId fqn database schema alias lastRunStatus }
          ... on SnapshotLineageNode { uniqueId name resourceType filePath matchesMethod tags projectId fqn database schema alias lastRunStatus }
          ... on ExposureLineageNode { uniqueId name resourceType filePath matchesMethod tags projectId fqn }
          ... on MetricLineageNode { uniqueId name resourceType filePath matchesMethod tags projectId fqn }
          ... on SemanticModelLineageNode { uniqueId name resourceType filePath matchesMethod tags projectId fqn publicParentIds }
          ... on SavedQueryLineageNode { uniqueId name resourceType filePath matchesMethod tags projectId fqn }
          ... on MacroLineageNode { uniqueId name resourceType filePath matchesMethod tags projectId }
          ... on TestLineageNode { uniqueId name resourceType filePath matchesMethod tags projectId fqn lastRunStatus } } } } }
      """,
      variables: [
        "environmentId": 1,
        "filter": [
          "select": "+fct_orders+", "types": ["Model", "Source", "SemanticModel", "Exposure"],
        ],
      ])
    #expect(result.errors.isEmpty, "\(result.errors)")
    let nodes = result.data?["environment"]?["applied"]?["lineage"]?.listValue ?? []
    let matched = nodes.filter { $0["matchesMethod"] == true }.compactMap {
      $0["uniqueId"]?.stringValue
    }
    #expect(matched == ["model.shop.fct_orders"])
    let semantic = nodes.first { $0["uniqueId"] == "semantic_model.shop.orders" }
    #expect(semantic?["resourceType"] == "SemanticModel" && semantic?["publicParentIds"] == [])
    #expect(nodes.contains { $0["uniqueId"] == "source.shop.shop.orders" })
    #expect(nodes.contains { $0["uniqueId"] == "exposure.shop.weekly_revenue_dashboard" })
  }

  @Test func blankSelectorsAreNoSelectors() throws {
    #expect(
      try Self.lineage("{select: \"  \", exclude: \"\", types: [Seed]}") == [
        "seed.shop.country_codes", "seed.shop.payment_methods",
      ])
  }

  @Test(arguments: [
    ("foo:bar", "unknown selector method \"foo\"", 1),
    ("tag:marts state:modified", "unknown selector method \"state\"", 11),
    ("+fct_orders,config:table", "config method needs a key", 13),
    ("config.owner:me", "config key \"owner\"", 14),
    ("@+fct_orders", "'@' and a '+' prefix", 1),
    ("resource_type:widget", "\"widget\" is not a resource type", 15),
    ("source:a.b.c.d", "a source selector", 8),
    ("tag:", "no value to select", 5),
    ("a,,b", "an empty criterion", 3),
  ])
  func badSelectorsGiveOneClearError(selector: String, message: String, position: Int) throws {
    for argument in ["select", "exclude"] {
      let result = try SampleDatabase.run(
        "{ environment(id: 1) { applied { lineage(filter: {\(argument): \"\(selector)\"}) { uniqueId } } } }"
      )
      #expect(result.errors.count == 1, "\(selector): \(result.errors)")
      let text = result.errors.first?.message ?? ""
      #expect(text.contains(message), "\(text)")
      #expect(
        text.contains("Invalid \(argument) \"\(selector)\" at position \(position):"), "\(text)")
    }
  }

  @Test func anotherAccountSeesNoEnvironment() throws {
    let result = try SampleDatabase.run(
      "{ environment(id: 1) { applied { lineage(filter: {}) { uniqueId } } } }", account: 2)
    #expect(result.errors.count == 1)
    #expect(result.data?["environment"] == nil || result.data?["environment"] == .null)
  }

  @Test func oneStoreReadPerRequestForTheGraph() throws {
    // applied and definition lineage in one request share the graph read.
    let result = try SampleDatabase.run(
      """
      { environment(id: 1) {
        a: applied { lineage(filter: {select: "fct_orders+"}) { uniqueId } }
        d: definition { lineage(filter: {types: [Model]}) { uniqueId } } } }
      """)
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect((result.data?["environment"]?["d"]?["lineage"]?.listValue?.count ?? 0) > 15)
  }
}

/// The selector parser and the wildcard matcher on their own.
@Suite struct NodeSelectorTests {
  @Test func parsesGraphOperatorsAndMethods() throws {
    let selector = try NodeSelector(parsing: "  2+config.materialized:table+3,@tag:x  path:a/b ")
    #expect(selector.terms.count == 2)
    let first = selector.terms[0][0]
    #expect(first.method == .config && first.methodArgument == "materialized")
    #expect(first.value == "table" && first.parentsDepth == 2 && first.childrenDepth == 3)
    #expect(first.position == 3)
    #expect(selector.terms[0][1].childrensParents && selector.terms[0][1].method == .tag)
    #expect(selector.terms[1][0].method == .path && selector.terms[1][0].value == "a/b")
    #expect(try NodeSelector(parsing: "   ").terms.isEmpty)
    let bare = try NodeSelector(parsing: "model_v2 x.sql +y+")
    #expect(bare.terms[0][0].method == .fqn && bare.terms[0][0].childrenDepth == nil)
    #expect(bare.terms[1][0].method == .file)
    #expect(bare.terms[2][0].parentsDepth == .max && bare.terms[2][0].childrenDepth == .max)
  }

  @Test func wildcardsFollowFnmatch() {
    #expect(Wildcard.matches("stg_orders", "stg_*"))
    #expect(Wildcard.matches("stg_orders", "*orders"))
    #expect(Wildcard.matches("a.b.c", "a*c"))
    #expect(!Wildcard.matches("stg_orders", "stg_"))
    #expect(Wildcard.matches("v1", "v[0-9]"))
    #expect(!Wildcard.matches("vx", "v[0-9]"))
    #expect(Wildcard.matches("vx", "v[!0-9]"))
    #expect(Wildcard.matches("ab", "a?"))
    #expect(Wildcard.matches("[x", "[x"))
    #expect(Wildcard.matches("aaab", "*a*b"))
  }
}
