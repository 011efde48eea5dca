import GraphQL
import MetadataStore
import Testing

@testable import MetadataAPI

/// Pages and relatives whose selection stays within ``EnvironmentNode/summaryFields`` are
/// read with their nodes' summary alone; the answer is the same as with the whole
/// definition read, and a selection with any other field reads the whole definition.
@Suite struct SummaryNodeReadTests {
  @Test func summaryRecordsMatchTheWholeRecords() throws {
    let store = try SampleDatabase.api().store
    var query = EnvironmentNodeQuery(resourceTypes: ["model", "test", "seed"])
    query.countsTotal = false
    let page = try store.environmentNodes(accountID: 1, environmentID: 1, query: query)
    let ids = page.nodes.map(\.nodeID)
    for relation: MetadataStore.Relation in [
      .parents, .children, .tests, .ancestors(resourceTypes: ["model", "source", "seed"]),
    ] {
      let whole = try store.environmentRelatives(
        accountID: 1, environmentID: 1, nodeIDs: ids, relation: relation)
      let identity = try store.environmentRelatives(
        accountID: 1, environmentID: 1, nodeIDs: ids, relation: relation, summaryOnly: true)
      #expect(whole.keys.sorted() == identity.keys.sorted())
      #expect(whole.values.contains { !$0.isEmpty }, "\(relation)")
      for (anchor, nodes) in whole {
        let narrow = identity[anchor] ?? []
        #expect(narrow.map(\.definition.uniqueID) == nodes.map(\.definition.uniqueID))
        for (a, b) in zip(nodes, narrow) {
          #expect(a.definition.resourceType == b.definition.resourceType)
          #expect(a.definition.name == b.definition.name)
          #expect(a.definition.originalFilePath == b.definition.originalFilePath)
          #expect(a.definition.materialized == b.definition.materialized)
          #expect(a.nodeID == b.nodeID && a.definitionID == b.definitionID)
          #expect(a.lastExecutionID == b.lastExecutionID && a.lastSuccessID == b.lastSuccessID)
          #expect(a.lastFreshnessID == b.lastFreshnessID && a.lastCatalogID == b.lastCatalogID)
          #expect(b.definition.description == nil && b.definition.database == nil)
        }
      }
      #expect(
        try store.environmentRelatives(
          accountID: 2, environmentID: 1, nodeIDs: ids, relation: relation, summaryOnly: true
        ).values.allSatisfy(\.isEmpty))
    }
  }

  /// The same parents, children and tests whether the selection is summary fields only,
  /// or adds fields of the whole definition (read then, not left null).
  @Test func answersAreTheSameWithOrWithoutOtherFields() throws {
    func relatives(_ extra: String) throws -> [JSONValue] {
      let result = try SampleDatabase.run(
        """
        { environment(id: 1) { applied { models(first: 50) { edges { node {
          uniqueId
          parents { uniqueId name resourceType filePath __typename \(extra)
            ... on ModelAppliedStateNestedNode { executionInfo { lastRunStatus } } }
          children { uniqueId ... on ModelAppliedStateNestedNode { name \(extra) } }
          ancestors(types: [Model, Source]) { uniqueId ...F }
        } } } } } }
        fragment F on EnvironmentAppliedNestedNode { name \(extra) }
        """)
      #expect(result.errors.isEmpty, "\(result.errors)")
      return result.data?["environment"]?["applied"]?["models"]?["edges"]?.listValue ?? []
    }
    let narrow = try relatives("")
    let whole = try relatives("description")
    #expect(narrow.count == whole.count && !narrow.isEmpty)
    /// The answer without the `description` members.
    func strip(_ value: JSONValue) -> JSONValue {
      switch value {
      case .object(let object):
        var kept = JSONObject()
        for (key, member) in object where key != "description" { kept.append(key, strip(member)) }
        return .object(kept)
      case .list(let items): return .list(items.map(strip))
      default: return value
      }
    }
    #expect(narrow.map(strip) == whole.map(strip))
    // The whole read did fill the extra field: some parent has a description.
    let descriptions = whole.flatMap { $0["node"]?["parents"]?.listValue ?? [] }.compactMap {
      $0["description"]?.stringValue
    }
    #expect(descriptions.contains { !$0.isEmpty })
  }

  /// A page whose nodes are asked only summary fields reads only those; the answer is the
  /// same as the whole read's, and any other field reads the whole definitions.
  @Test func pagesOfSummaryFieldsAnswerAsWholePages() throws {
    let store = try SampleDatabase.api().store
    var query = EnvironmentNodeQuery(resourceTypes: ["model", "source", "test"])
    query.limit = 40
    let whole = try store.environmentNodes(accountID: 1, environmentID: 1, query: query)
    query.summaryOnly = true
    let summary = try store.environmentNodes(accountID: 1, environmentID: 1, query: query)
    #expect(summary.totalCount == whole.totalCount && summary.hasNextPage == whole.hasNextPage)
    #expect(summary.nodes.map(\.definition.uniqueID) == whole.nodes.map(\.definition.uniqueID))
    #expect(!whole.nodes.isEmpty)
    for (a, b) in zip(whole.nodes, summary.nodes) {
      #expect(a.definition.name == b.definition.name)
      #expect(a.definition.materialized == b.definition.materialized)
      #expect(a.definition.originalFilePath == b.definition.originalFilePath)
      #expect(a.nodeID == b.nodeID && a.definitionID == b.definitionID)
      #expect(a.lastExecutionID == b.lastExecutionID && a.lastCatalogID == b.lastCatalogID)
      #expect(b.definition.description == nil && b.definition.tagsJSON == nil)
    }

    func page(_ extra: String) throws -> [JSONValue] {
      let result = try SampleDatabase.run(
        """
        { environment(id: 1) { applied { models(first: 20) { totalCount edges { cursor node {
          uniqueId name materializedType filePath __typename \(extra)
          executionInfo { lastRunStatus executionTime }
          parents { uniqueId name }
        } } } } } }
        """)
      #expect(result.errors.isEmpty, "\(result.errors)")
      return result.data?["environment"]?["applied"]?["models"]?["edges"]?.listValue ?? []
    }
    let narrow = try page("")
    let full = try page("description tags")
    #expect(narrow.count == 20 && full.count == 20)
    func strip(_ edge: JSONValue) -> JSONValue {
      guard case .object(let object) = edge["node"] ?? .null else { return edge }
      var kept = JSONObject()
      for (key, member) in object where key != "description" && key != "tags" {
        kept.append(key, member)
      }
      return .object(["cursor": edge["cursor"] ?? .null, "node": .object(kept)])
    }
    #expect(narrow == full.map(strip))
    #expect(full.contains { $0["node"]?["description"]?.stringValue?.isEmpty == false })
    #expect(narrow.contains { $0["node"]?["materializedType"]?.stringValue != nil })
  }
}
