import Foundation
import GraphQL
import Testing

@testable import MetadataAPI

/// Environment documents as dbt-labs/dbt-mcp's discovery client sends them (its
/// `get_models` and `get_model_health` selections, with variables), on the sample runs.
@Suite struct EnvironmentClientTests {
  /// dbt-mcp lists models sorted by `queryUsageCount` descending, paging by `endCursor`
  /// until a page comes back short.
  @Test func getModelsPagesThroughEveryModel() throws {
    let query = """
      query GetModels($environmentId: BigInt!, $modelsFilter: ModelAppliedFilter, $after: String,
        $first: Int, $sort: AppliedModelSort) {
        environment(id: $environmentId) { applied {
          models(filter: $modelsFilter, after: $after, first: $first, sort: $sort) {
            pageInfo { endCursor } edges { node { name uniqueId description } } } } } }
      """
    var after: JSONValue = .null
    var names: [String] = []
    for _ in 0..<20 {
      let result = try SampleDatabase.run(
        query,
        variables: [
          "environmentId": 1, "first": 4, "after": after, "modelsFilter": .object([:]),
          "sort": ["field": "queryUsageCount", "direction": "desc"],
        ])
      #expect(result.errors.isEmpty, "\(result.errors)")
      let models = result.data?["environment"]?["applied"]?["models"]
      let edges = models?["edges"]?.listValue ?? []
      names += edges.compactMap { $0["node"]?["uniqueId"]?.stringValue }
      guard edges.count == 4, let end = models?["pageInfo"]?["endCursor"] else { break }
      after = end
    }
    let manifest = try SampleArtifacts.json("101/008/02-build/manifest.json")
    let expected = (manifest["nodes"] as? [String: [String: Any]] ?? [:]).values
      .filter { $0["resource_type"] as? String == "model" }.compactMap {
        $0["unique_id"] as? String
      }
    #expect(names == expected.sorted())
  }

  /// `get_model_health`: the model's execution, its tests, and its ancestors' execution
  /// info per type (aliased, since seeds' and snapshots' `lastRunStatus` is a String) and
  /// sources' freshness.
  @Test func getModelHealth() throws {
    let result = try SampleDatabase.run(
      """
      query GetModelDetails($environmentId: BigInt!, $modelsFilter: ModelAppliedFilter, $first: Int) {
        environment(id: $environmentId) { applied { models(filter: $modelsFilter, first: $first) { edges { node {
          name uniqueId executionInfo { lastRunGeneratedAt lastRunStatus executeCompletedAt executeStartedAt }
          tests { name description columnName testType executionInfo { lastRunGeneratedAt lastRunStatus executeCompletedAt executeStartedAt } }
          ancestors(types: [Model, Source, Seed, Snapshot]) {
            ... on ModelAppliedStateNestedNode { name uniqueId resourceType materializedType modelexecutionInfo: executionInfo { lastRunStatus executeCompletedAt } }
            ... on SnapshotAppliedStateNestedNode { name uniqueId resourceType snapshotExecutionInfo: executionInfo { lastRunStatus executeCompletedAt } }
            ... on SeedAppliedStateNestedNode { name uniqueId resourceType seedExecutionInfo: executionInfo { lastRunStatus executeCompletedAt } }
            ... on SourceAppliedStateNestedNode { sourceName name resourceType freshness { maxLoadedAt maxLoadedAtTimeAgoInS freshnessStatus } } } } } } } } }
      """,
      variables: [
        "environmentId": 1, "first": 1,
        "modelsFilter": ["uniqueIds": ["model.shop.customer_lifetime_value"]],
      ])
    #expect(result.errors.isEmpty, "\(result.errors)")
    let edges = result.data?["environment"]?["applied"]?["models"]?["edges"]?.listValue ?? []
    let model = try #require(edges.first?["node"])
    let results =
      try SampleArtifacts.json("101/008/02-build/run_results.json")["results"]
      as? [[String: Any]] ?? []
    func status(_ id: String) -> String? {
      results.first { $0["unique_id"] as? String == id }?["status"] as? String
    }
    #expect(
      model["executionInfo"]?["lastRunStatus"]?.stringValue
        == status("model.shop.customer_lifetime_value"))
    for test in model["tests"]?.listValue ?? [] {
      #expect(test["executionInfo"]?["lastRunStatus"] == "pass")
    }
    let ancestors = model["ancestors"]?.listValue ?? []
    let seeds = ancestors.filter { $0["resourceType"] == "seed" }
    #expect(!seeds.isEmpty)
    for seed in seeds {
      #expect(
        seed["seedExecutionInfo"]?["lastRunStatus"]?.stringValue
          == status(seed["uniqueId"]?.stringValue ?? ""))
    }
    let models = ancestors.filter { $0["resourceType"] == "model" }
    for ancestor in models where ancestor["materializedType"] != "ephemeral" {
      #expect(
        ancestor["modelexecutionInfo"]?["lastRunStatus"]?.stringValue
          == status(ancestor["uniqueId"]?.stringValue ?? ""))
    }
    let sources = ancestors.filter { $0["resourceType"] == "source" }
    #expect(sources.contains { $0["freshness"]?["freshnessStatus"] == "Pass" })
  }
}
