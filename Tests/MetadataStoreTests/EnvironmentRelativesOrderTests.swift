import Testing

@testable import MetadataStore

/// Each node's relatives come in unique-id order (SQLite's BINARY collation: UTF-8 bytes),
/// ordered by the store after its unordered statement.
@Suite struct EnvironmentRelativesOrderTests {
  @Test func relativesAreInUniqueIDOrder() throws {
    let database = try TemporaryDatabase()
    let store = try SyntheticProject.storeWithOneRun(extraModels: 12, in: database)
    let page = try store.environmentNodes(
      accountID: 1, environmentID: 1, query: EnvironmentNodeQuery(resourceTypes: ["model"]))
    let orders = try #require(page.nodes.first { $0.definition.uniqueID == SyntheticProject.model })
    let extra = try #require(page.nodes.first { $0.definition.uniqueID == "model.shop.extra_3" })
    func relatives(_ node: EnvironmentNodeRecord, _ relation: MetadataStore.Relation) throws
      -> [String]
    {
      try store.environmentRelatives(
        accountID: 1, environmentID: 1, nodeIDs: [node.nodeID, extra.nodeID], relation: relation
      )[node.nodeID]?.map(\.definition.uniqueID) ?? []
    }
    let children = try relatives(orders, .children)
    // extra_10 and extra_11 sort before extra_2 by bytes; the test after every model.
    #expect(
      children
        == (["0", "1", "10", "11"] + (2...9).map(String.init)).map { "model.shop.extra_\($0)" }
        + [SyntheticProject.test])
    #expect(try relatives(orders, .tests) == [SyntheticProject.test])
    #expect(try relatives(orders, .parents) == [SyntheticProject.source])
    #expect(
      try relatives(extra, .ancestors(resourceTypes: ["model", "source"]))
        == [SyntheticProject.model, SyntheticProject.source])
  }
}
