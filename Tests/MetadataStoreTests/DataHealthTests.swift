import Testing

@testable import MetadataStore

/// Data health per environment follows the applied state: a later run's results replace
/// the earlier ones, environments and accounts stay apart.
@Suite struct DataHealthTests {
  typealias P = SyntheticProject

  @Test func healthFollowsTheLatestResults() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    _ = try store.ingest(
      P(run: 1).request(
        runResults: [try P(run: 1).runResults([(P.model, "error"), (P.test, "fail")])],
        sources: try P(run: 1).sources(status: "error")))
    var health = try #require(try store.dataHealth(accountID: 1).first)
    #expect(health.environmentID == 1 && health.projectID == 1)
    #expect(health.modelsInError == 1 && health.failingTests == 1 && health.warningTests == 0)
    #expect(health.sources.map(\.uniqueID) == [P.source])
    #expect(health.sources.first?.status == "error")
    #expect(health.sources.first?.maxLoadedAt != nil)

    _ = try store.ingest(
      P(run: 2).request(
        runResults: [try P(run: 2).runResults([(P.model, "success"), (P.test, "warn")])],
        sources: try P(run: 2).sources(status: "pass")))
    health = try #require(try store.dataHealth(accountID: 1).first)
    #expect(health.modelsInError == 0 && health.failingTests == 0 && health.warningTests == 1)
    #expect(health.sources.first?.status == "pass")
  }

  @Test func accountsAndEnvironmentsStayApart() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    _ = try store.ingest(
      P(run: 1).request(
        runResults: [try P(run: 1).runResults([(P.model, "error"), (P.test, "pass")])]))
    _ = try store.ingest(
      P(run: 2).request(
        runResults: [try P(run: 2).runResults([(P.model, "success"), (P.test, "fail")])],
        job: 2, environment: 2))
    let health = try store.dataHealth(accountID: 1)
    #expect(health.map(\.environmentID) == [1, 2])
    #expect(health.map(\.modelsInError) == [1, 0])
    #expect(health.map(\.failingTests) == [0, 1])
    #expect(try store.dataHealth(accountID: 2).isEmpty)
    #expect(try store.dataHealth(accountID: nil).count == 2)
  }
}
