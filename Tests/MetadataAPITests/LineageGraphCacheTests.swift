import CLI
import Foundation
import GraphQL
import MetadataStore
import Testing

@testable import MetadataAPI

/// The API keeps an environment's lineage graph between requests (``LineageGraphCache``):
/// a repeat reads only the generation, and an ingest is in the next answer.
@Suite struct LineageGraphCacheTests {
  static let query = """
    { environment(id: 1) { applied { lineage(filter: {types: [Model, Seed, Source, Test]}) {
      uniqueId parentIds ... on LineageNodeExecutable { lastRunStatus } } } } }
    """

  @Test func aRepeatReadsOnlyTheGenerationAndAnIngestIsInTheNextAnswer() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("lineage-cache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try MetadataStore(path: directory.appendingPathComponent("lineage.sqlite").path)
    let requests = try SampleRuns.read(
      under: SampleDatabase.repository.appendingPathComponent("sample-runs").path)
    let half = requests.count / 2
    try SampleRuns.ingest(Array(requests.prefix(half)), into: store)
    let api = try MetadataAPI(store: store)
    func answer(_ api: MetadataAPI) -> JSONValue? {
      let result = api.execute(query: Self.query, accountID: 1)
      #expect(result.errors.isEmpty, "\(result.errors)")
      return result.data
    }
    let start = store.readStatementCount
    let first = answer(api)
    let before = store.readStatementCount
    let repeated = answer(api)
    // The environment (the root field's check) and the generation; the graph's two
    // whole-graph statements only the first time.
    #expect(store.readStatementCount - before == 2)
    #expect(before - start > 2)
    #expect(repeated == first)
    #expect((first?["environment"]?["applied"]?["lineage"]?.listValue?.count ?? 0) > 0)

    try SampleRuns.ingest(Array(requests.dropFirst(half)), into: store)
    let after = answer(api)
    let fresh = answer(try MetadataAPI(store: store))
    #expect(after == fresh)
    #expect(after != first, "the second half of the runs changes the lineage's statuses")
    // Another account does not see the kept graph.
    let other = api.execute(query: Self.query, accountID: 2)
    #expect(other.data?["environment"]?["applied"]?["lineage"]?.listValue?.isEmpty ?? true)
  }

  @Test func graphsBeyondTheBoundAreNotKept() throws {
    let store = try SampleDatabase.api().store
    let small = LineageGraphCache(maximumNodes: 1)
    let found = try small.graph(store: store, accountID: 1, environmentID: 1, includeMacros: false)
    #expect(found.found && found.graph != nil)
    #expect(small.graphCount == 0)
    let roomy = LineageGraphCache()
    _ = try roomy.graph(store: store, accountID: 1, environmentID: 1, includeMacros: false)
    _ = try roomy.graph(store: store, accountID: 1, environmentID: 2, includeMacros: false)
    #expect(roomy.graphCount == 2)
    #expect(
      try roomy.graph(store: store, accountID: 2, environmentID: 1, includeMacros: false).found
        == false)
  }
}
