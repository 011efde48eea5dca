import Foundation
import GraphQL
import Testing

@testable import MetadataAPI

/// The Part 4 fields whose values are environment nodes (``MetadataAPI/bindResourceRelatives(_:)``):
/// semantic models' and saved queries' `parents` / `children` / `ancestors`,
/// `GroupNode.models`, `RecentResourceChange.resource`, and `AppliedState.latestGitSha`,
/// on the sample runs (environment 1's latest manifest is `101/008`).
///
/// The sample project has one semantic model (`semantic_model.shop.orders`, on
/// `fct_orders`, with metrics `orders` and `revenue`) and no saved query: saved queries'
/// relatives share the semantic models' resolver but are only checked to answer an empty
/// list here.
@Suite struct ResourceRelativesTests {
  static func data(_ query: String) throws -> JSONValue {
    let result = try SampleDatabase.run(query)
    #expect(result.errors.isEmpty, "\(result.errors.map(\.message))")
    return result.data ?? .null
  }

  static func manifest() throws -> [String: Any] {
    try SampleArtifacts.json("101/008/02-build/manifest.json")
  }

  static func ids(_ list: JSONValue?) -> [String] {
    (list?.listValue ?? []).compactMap { $0["uniqueId"]?.stringValue }
  }

  /// Every unique id upstream of `id` in the manifest's `parent_map`.
  static func upstream(_ id: String, _ parentMap: [String: [String]]) -> Set<String> {
    var seen = Set<String>()
    var queue = parentMap[id] ?? []
    while let next = queue.popLast() {
      if seen.insert(next).inserted { queue += parentMap[next] ?? [] }
    }
    return seen
  }

  @Test func semanticModelRelativesFollowTheManifestMaps() throws {
    let data = try Self.data(
      """
      { environment(id: 1) { definition { semanticModels(first: 10) { edges { node {
          uniqueId
          parents { __typename uniqueId resourceType name }
          children { __typename uniqueId resourceType name }
          ancestors { __typename uniqueId resourceType }
      } } } } } }
      """)
    let edges = data["environment"]?["definition"]?["semanticModels"]?["edges"]?.listValue ?? []
    #expect(edges.count == 1)
    let model = try #require(edges.first?["node"])
    #expect(model["uniqueId"] == "semantic_model.shop.orders")
    let manifest = try Self.manifest()
    let parentMap = manifest["parent_map"] as? [String: [String]] ?? [:]
    let childMap = manifest["child_map"] as? [String: [String]] ?? [:]
    let id = "semantic_model.shop.orders"
    #expect(Self.ids(model["parents"]) == (parentMap[id] ?? []).sorted())
    #expect(Self.ids(model["parents"]) == ["model.shop.fct_orders"])
    #expect(model["parents"]?.listValue?.first?["__typename"] == "ModelDefinitionNestedNode")
    #expect(Self.ids(model["children"]) == (childMap[id] ?? []).sorted())
    #expect(Self.ids(model["children"]) == ["metric.shop.orders", "metric.shop.revenue"])
    #expect(
      (model["children"]?.listValue ?? []).allSatisfy {
        $0["__typename"] == "MetricDefinitionNestedNode"
      })
    // Ancestors: everything upstream of the resource types nested lists hold (no tests).
    let expected = Self.upstream(id, parentMap).filter { !$0.hasPrefix("test.") }
    #expect(Set(Self.ids(model["ancestors"])) == expected)
    #expect(Self.ids(model["ancestors"]).contains("source.shop.shop.orders"))
  }

  @Test func semanticModelRelativesThroughResources() throws {
    // The same node reached through `applied.resources` (dbt-mcp's path) answers the same.
    let data = try Self.data(
      """
      { environment(id: 1) { applied { resources(first: 5, filter: {types: [SemanticModel]}) {
          edges { node { ... on SemanticModelDefinitionNode { uniqueId parents { uniqueId } } } } } } } }
      """)
    let node = data["environment"]?["applied"]?["resources"]?["edges"]?.listValue?.first?["node"]
    #expect(Self.ids(node?["parents"]) == ["model.shop.fct_orders"])
  }

  @Test func savedQueriesAnswerEmptyListsWithoutSavedQueries() throws {
    let data = try Self.data(
      """
      { environment(id: 1) { definition { savedQueries(first: 10) { totalCount edges { node {
          parents { uniqueId } children { uniqueId } ancestors { uniqueId } } } } } } }
      """)
    #expect(data["environment"]?["definition"]?["savedQueries"]?["totalCount"] == 0)
  }

  @Test func groupModelsAreTheModelsOfTheGroup() throws {
    let data = try Self.data(
      """
      { environment(id: 1) { definition { groups(first: 10) { edges { node {
          name modelCount models { __typename uniqueId group } } } } } } }
      """)
    let groups = (data["environment"]?["definition"]?["groups"]?["edges"]?.listValue ?? [])
      .compactMap { $0["node"] }
    #expect(groups.count == 2)
    let nodes = (try Self.manifest()["nodes"] as? [String: [String: Any]] ?? [:]).values
    for group in groups {
      let name = group["name"]?.stringValue ?? ""
      let expected = nodes.filter {
        $0["resource_type"] as? String == "model"
          && (($0["config"] as? [String: Any])?["group"] as? String ?? $0["group"] as? String)
            == name
      }.compactMap { $0["unique_id"] as? String }.sorted()
      #expect(!expected.isEmpty, "\(name)")
      #expect(Self.ids(group["models"]) == expected, "\(name)")
      #expect(group["modelCount"]?.intValue == expected.count, "\(name)")
      for model in group["models"]?.listValue ?? [] {
        #expect(model["__typename"] == "ModelDefinitionNestedNode")
        #expect(model["group"]?.stringValue == name)
      }
    }
  }

  @Test func recentChangesNameTheirCurrentResource() throws {
    let data = try Self.data(
      """
      { environment(id: 1) { applied { recentResourceChanges(numDays: 100000, first: 500) {
          edges { node { uniqueId resource { __typename uniqueId resourceType } } } } } } }
      """)
    let changes =
      (data["environment"]?["applied"]?["recentResourceChanges"]?["edges"]?
      .listValue ?? []).compactMap { $0["node"] }
    #expect(!changes.isEmpty)
    let current = Set(
      [
        "nodes", "sources", "exposures", "metrics", "semantic_models", "saved_queries", "macros",
        "unit_tests",
      ]
      .flatMap { (try? Self.manifest()[$0] as? [String: Any])??.keys.map { $0 } ?? [] })
    var present = 0
    for change in changes {
      let id = change["uniqueId"]?.stringValue ?? ""
      if current.contains(id) {
        present += 1
        #expect(change["resource"]?["uniqueId"]?.stringValue == id, "\(id)")
        #expect(
          change["resource"]?["__typename"]?.stringValue?.hasSuffix("NestedNode") == true
            || change["resource"]?["__typename"] == "ExternalModelNode", "\(id)")
      } else {
        // A resource removed from the project since: null (reference §2).
        #expect(change["resource"] == .null, "\(id)")
      }
    }
    #expect(present > 0)
    let model = changes.first { $0["uniqueId"] == "model.shop.fct_orders" }
    #expect(model?["resource"]?["__typename"] == "ModelAppliedStateNestedNode")
    #expect(model?["resource"]?["resourceType"] == "model")
  }

  @Test func latestGitShaIsNullWithoutARecordedSha() throws {
    // The sample artifacts carry no GIT_SHA in metadata.env (only the dbt Cloud ids), and
    // the store records none: null, as the reference says.
    let env = try Self.manifest()["metadata"] as? [String: Any]
    let variables = env?["env"] as? [String: Any] ?? [:]
    #expect(variables["GIT_SHA"] == nil)
    let data = try Self.data("{ environment(id: 1) { applied { latestGitSha } } }")
    #expect(data["environment"]?["applied"]?["latestGitSha"] == .null)
  }

  @Test func pageInfoIsReadFromEveryKindOfConnection() throws {
    let data = try Self.data(
      """
      { environment(id: 1) {
          applied { models(first: 2) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }
          definition { groups(first: 1) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }
      """)
    let models = data["environment"]?["applied"]?["models"]?["pageInfo"]
    #expect(models?["hasNextPage"] == true)
    #expect(models?["hasPreviousPage"] == false)
    #expect(models?["startCursor"]?.stringValue != nil)
    #expect(models?["endCursor"]?.stringValue != nil)
    let groups = data["environment"]?["definition"]?["groups"]?["pageInfo"]
    #expect(groups?["hasNextPage"] == true)
    #expect(groups?["hasPreviousPage"] == false)
    #expect(groups?["startCursor"] == groups?["endCursor"])
    #expect(groups?["endCursor"]?.stringValue != nil)
  }
}
