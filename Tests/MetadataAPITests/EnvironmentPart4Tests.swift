import Foundation
import GraphQL
import Testing

@testable import MetadataAPI

/// The fields Part 4 added to the environment node types (reference
/// dbt-discovery-api-2024.md §4), `resources`, and the definition-side nested nodes, on the
/// sample runs with values checked against run 1016's manifest.
@Suite struct EnvironmentPart4Tests {
  @Test func versionedModelFields() throws {
    let data = try EnvironmentTests.data(
      """
      { environment(id: 1) { applied { models(first: 5, filter: {uniqueIds: ["model.shop.dim_customers.v1", "model.shop.dim_customers.v2"]}) { edges { node {
        uniqueId version latestVersion releaseVersion deprecationDate versions { name releaseVersion uniqueId } constraints { type } usageQueryCount isDescriptionInherited } } } } } }
      """)
    let models = EnvironmentTests.nodes(data["environment"]?["applied"]?["models"])
    #expect(models.count == 2)
    let manifest = try SampleArtifacts.json("\(EnvironmentTests.latest)/02-build/manifest.json")
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
    let data = try EnvironmentTests.data(
      """
      { environment(id: 1) { applied { tests(first: 10, filter: {testTypes: [UNIT_TEST]}) { edges { node {
        uniqueId testType model given expect overrides numGiven numGivenRows numExpectRows thisInputNodeUniqueId testedNodeUniqueId config
        executionInfo { lastRunStatus } } } } } } }
      """)
    let tests = EnvironmentTests.nodes(data["environment"]?["applied"]?["tests"])
    let manifest = try SampleArtifacts.json("\(EnvironmentTests.latest)/02-build/manifest.json")
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
    let data = try EnvironmentTests.data(
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
    let nodes = EnvironmentTests.nodes(applied)
    #expect(
      nodes.compactMap { $0["__typename"]?.stringValue }
        == ["ExposureAppliedStateNode", "MacroDefinitionNode", "MetricDefinitionNode"])
    #expect(nodes[1]["packageName"] == "dbt")
    #expect(nodes[2]["type"] == "simple")
    #expect(data["environment"]?["none"]?["resources"]?["totalCount"] == 0)
    let tagged = EnvironmentTests.nodes(data["environment"]?["definition"]?["resources"])
    let manifest = try SampleArtifacts.json("\(EnvironmentTests.latest)/02-build/manifest.json")
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
    let data = try EnvironmentTests.data(
      """
      { environment(id: 1) {
        definition { macros(first: 5, filter: {uniqueIds: ["macro.dbt.run_query"]}) { edges { node { uniqueId parents { __typename uniqueId } } } }
          exposures(first: 5) { edges { node { uniqueId freshnessStatus ancestors { __typename uniqueId } parents { __typename uniqueId } } } } }
        applied { exposures(first: 5, filter: {exposureType: "dashboard"}) { edges { node { uniqueId exposureType ownerName manifestGeneratedAt
          ancestors(types: [Source]) { uniqueId } } } } } } }
      """)
    let manifest = try SampleArtifacts.json("\(EnvironmentTests.latest)/02-build/manifest.json")
    let macro = (manifest["macros"] as? [String: [String: Any]])?["macro.dbt.run_query"]
    let dependsOn = (macro?["depends_on"] as? [String: Any])?["macros"] as? [String] ?? []
    let runQuery = EnvironmentTests.nodes(data["environment"]?["definition"]?["macros"]).first
    #expect(
      runQuery?["parents"]?.listValue?.compactMap { $0["uniqueId"]?.stringValue }
        == dependsOn.sorted())
    #expect(
      runQuery?["parents"]?.listValue?.allSatisfy {
        $0["__typename"] == "MacroDefinitionNestedNode"
      } == true)

    let exposures = EnvironmentTests.nodes(data["environment"]?["definition"]?["exposures"])
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
    let dashboards = EnvironmentTests.nodes(data["environment"]?["applied"]?["exposures"])
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
    let data = try EnvironmentTests.data(
      """
      { environment(id: 1) { definition { models(first: 5, filter: {uniqueIds: ["model.shop.fct_orders"]}) { edges { node {
        uniqueId parents { __typename uniqueId runGeneratedAt ... on ModelDefinitionNestedNode { materializedType access releaseVersion } }
        children { __typename uniqueId } tests { __typename uniqueId testType columnName }
        ancestors(types: [Seed]) { __typename uniqueId } } } } } } }
      """)
    let modelList = EnvironmentTests.nodes(data["environment"]?["definition"]?["models"])
    let model = try #require(modelList.first)
    let manifest = try SampleArtifacts.json("\(EnvironmentTests.latest)/02-build/manifest.json")
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
}
