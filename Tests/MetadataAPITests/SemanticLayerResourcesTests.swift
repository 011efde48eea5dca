import Foundation
import GraphQL
import Testing

@testable import MetadataAPI

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
