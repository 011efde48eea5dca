import Testing

@testable import MetadataStore

/// A page read without its total (``EnvironmentNodeQuery/countsTotal`` false) has the same
/// nodes and no count; the scoping of the batch reads is inside their one statement.
@Suite struct EnvironmentPageCountTests {
  @Test func aPageWithoutItsTotalHasTheSameNodes() throws {
    let database = try TemporaryDatabase()
    let store = try SyntheticProject.storeWithOneRun(extraModels: 12, in: database)
    var query = EnvironmentNodeQuery(resourceTypes: ["model"])
    query.limit = 5
    let counted = try store.environmentNodes(accountID: 1, environmentID: 1, query: query)
    query.countsTotal = false
    let uncounted = try store.environmentNodes(accountID: 1, environmentID: 1, query: query)
    #expect(counted.totalCount == 13)
    #expect(uncounted.totalCount == nil)
    #expect(uncounted.nodes == counted.nodes)
    #expect(uncounted.hasNextPage && counted.hasNextPage)
    #expect(
      counted.nodes.map(\.definition.uniqueID) == counted.nodes.map(\.definition.uniqueID).sorted())
  }

  /// With no filter but the resource types, the total is the version's members of those
  /// types (counted without their rows): what the filtered count answers when every node
  /// passes its filter, and only with no filter given.
  @Test func theUnfilteredTotalCountsTheMembers() throws {
    let database = try TemporaryDatabase()
    let store = try SyntheticProject.storeWithOneRun(extraModels: 12, in: database)
    var query = EnvironmentNodeQuery(resourceTypes: ["model", "test"])
    query.limit = 2
    #expect(EnvironmentNodeSQL(query: query).filtersOnlyByType)
    let unfiltered = try store.environmentNodes(accountID: 1, environmentID: 1, query: query)
    #expect(unfiltered.totalCount == 14)
    var everything = query
    everything.packageName = "shop"
    #expect(!EnvironmentNodeSQL(query: everything).filtersOnlyByType)
    #expect(
      try store.environmentNodes(accountID: 1, environmentID: 1, query: everything).totalCount
        == 14)
    var models = query
    models.resourceTypes = ["model"]
    #expect(
      try store.environmentNodes(accountID: 1, environmentID: 1, query: models).totalCount == 13)
    var one = query
    one.uniqueIDs = [SyntheticProject.model]
    #expect(try store.environmentNodes(accountID: 1, environmentID: 1, query: one).totalCount == 1)
    // Another account: the check inside the page and count statements finds no version.
    for other in [query, everything, one] {
      let page = try store.environmentNodes(accountID: 2, environmentID: 1, query: other)
      #expect(page.nodes.isEmpty && page.totalCount == 0 && !page.hasNextPage)
    }
    #expect(try store.environmentNodes(accountID: 1, environmentID: 9, query: query).nodes.isEmpty)
  }

  @Test func batchReadsOfAnotherAccountAnswerNothing() throws {
    let database = try TemporaryDatabase()
    let store = try SyntheticProject.storeWithOneRun(extraModels: 0, in: database)
    let page = try store.environmentNodes(
      accountID: 1, environmentID: 1, query: EnvironmentNodeQuery(resourceTypes: ["model"]))
    let node = try #require(page.nodes.first)
    let execution = try #require(node.lastExecutionID)
    #expect(try store.executions(accountID: 1, environmentID: 1, ids: [execution]).count == 1)
    #expect(try store.executions(accountID: 2, environmentID: 1, ids: [execution]).isEmpty)
    #expect(
      try store.environmentRelatives(
        accountID: 1, environmentID: 1, nodeIDs: [node.nodeID], relation: .parents
      )[node.nodeID]?.isEmpty == false)
    #expect(
      try store.environmentRelatives(
        accountID: 2, environmentID: 1, nodeIDs: [node.nodeID], relation: .parents
      ).values.allSatisfy(\.isEmpty))
  }

  /// Node records leave the manifest JSON out; it is read by definition id, in the
  /// environment's account only.
  @Test func manifestJSONIsReadByDefinitionID() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let project = SyntheticProject(run: 1)
    let run = try store.ingest(project.request())
    let page = try store.environmentNodes(
      accountID: 1, environmentID: 1, query: EnvironmentNodeQuery(resourceTypes: ["model"]))
    let node = try #require(page.nodes.first)
    #expect(node.definition.json.isEmpty)
    let texts = try store.definitionJSON(
      accountID: 1, environmentID: 1, definitionIDs: [node.definitionID, 99_999])
    let full = try #require(
      try store.definitions(
        accountID: 1, runID: run.runID, uniqueIDs: [node.definition.uniqueID]
      ).first)
    #expect(texts == [node.definitionID: full.json])
    #expect(!full.json.isEmpty)
    #expect(
      try store.definitionJSON(accountID: 2, environmentID: 1, definitionIDs: [node.definitionID])
        .isEmpty)
  }
}
