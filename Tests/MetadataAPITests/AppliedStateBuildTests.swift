import CLI
import Dispatch
import Foundation
import GraphQL
import MetadataStore
import Testing

@testable import MetadataAPI

/// When applied states are built (``AppliedStateBuilding``): by default the request that
/// finds no state of its generation answers by SQL and starts one build off the request
/// thread; later requests read the state once it is kept, and a state never answers a
/// generation other than its own, even when an ingest commits while it is built. Every
/// test waits for builds with ``AppliedStateCache/waitForBuilds()``, never for a time.
@Suite struct AppliedStateBuildTests {
  /// An API of its own over the sample database file (its own cache and statement count).
  static func freshAPI(_ building: AppliedStateBuilding = .background) throws -> MetadataAPI {
    try MetadataAPI(
      store: MetadataStore(path: try SampleDatabase.api().store.path, create: false),
      appliedStateBuilding: building)
  }

  @Test func theFirstAnswerIsSQLsAndLaterOnesReadTheState() throws {
    let api = try Self.freshAPI()
    let first = api.execute(query: AppliedStateTests.pageQuery, accountID: 1)
    #expect(first.errors.isEmpty, "\(first.errors)")
    var statistics = api.appliedStateStatistics
    #expect(statistics.stateReads == 0)
    #expect(statistics.sqlReads > 0)
    #expect(statistics.buildsStarted == 1)
    #expect(
      first.serialized()
        == (try AppliedStateAnswerTests.sqlAnswer(api, AppliedStateTests.pageQuery)))
    api.waitForAppliedStateBuilds()
    statistics = api.appliedStateStatistics
    #expect(statistics.buildsKept == 1)
    #expect(statistics.lastBuildMilliseconds != nil)
    #expect(api.appliedStates.stateCount == 1)
    let sqlReads = statistics.sqlReads
    let before = api.store.readStatementCount
    let cached = api.execute(query: AppliedStateTests.pageQuery, accountID: 1)
    let statements = api.store.readStatementCount - before
    statistics = api.appliedStateStatistics
    #expect(cached.serialized() == first.serialized())
    #expect(statistics.stateReads > 0)
    #expect(statistics.sqlReads == sqlReads)
    #expect(statistics.buildsStarted == 1)
    // The state's answer reads the environment, the generation and the sources' freshness.
    #expect(statements == 4)
  }

  @Test func concurrentFirstRequestsStartOneBuild() async throws {
    let api = try Self.freshAPI()
    let expected = try AppliedStateAnswerTests.sqlAnswer(api, AppliedStateTests.pageQuery)
    let answers = await withTaskGroup(of: String.self) { group in
      for _ in 0..<8 {
        group.addTask { api.execute(query: AppliedStateTests.pageQuery, accountID: 1).serialized() }
      }
      return await group.reduce(into: [String]()) { $0.append($1) }
    }
    #expect(answers.count == 8)
    #expect(answers.allSatisfy { $0 == expected })
    api.waitForAppliedStateBuilds()
    #expect(api.appliedStateStatistics.buildsStarted == 1)
    #expect(api.appliedStateStatistics.buildsKept == 1)
  }

  @Test func inlineBuildsAnswerTheFirstRequestFromTheState() throws {
    let api = try Self.freshAPI(.inline)
    let first = api.execute(query: AppliedStateTests.pageQuery, accountID: 1)
    #expect(api.appliedStateStatistics.buildsKept == 1)
    #expect(api.appliedStateStatistics.stateReads == 0)
    #expect(api.appliedStates.stateCount == 1)
    let second = api.execute(query: AppliedStateTests.pageQuery, accountID: 1)
    #expect(api.appliedStateStatistics.stateReads > 0)
    #expect(first.serialized() == second.serialized())
    #expect(
      first.serialized()
        == (try AppliedStateAnswerTests.sqlAnswer(api, AppliedStateTests.pageQuery)))
  }

  /// One-shot callers (the CLI `query` command) never build: every answer is SQL's.
  @Test func neverBuildingAnswersBySQL() throws {
    let api = try Self.freshAPI(.never)
    let first = api.execute(query: AppliedStateTests.pageQuery, accountID: 1)
    let second = api.execute(query: AppliedStateTests.pageQuery, accountID: 1)
    api.waitForAppliedStateBuilds()
    #expect(first.errors.isEmpty, "\(first.errors)")
    #expect(first.serialized() == second.serialized())
    #expect(api.appliedStateStatistics.buildsStarted == 0)
    #expect(api.appliedStateStatistics.stateReads == 0)
    #expect(api.appliedStates.stateCount == 0)
  }

  /// A build reads one snapshot: an ingest committed after it read its generation is not
  /// in its state, which is kept under that older generation and answers no request of the
  /// newer one; the next request of the newer generation starts the next build.
  @Test func anIngestDuringABuildDoesNotLetItsStateAnswerTheNewerGeneration() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("applied-build-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("applied.sqlite").path
    let writer = try MetadataStore(path: path)
    let requests = try SampleRuns.read(
      under: SampleDatabase.repository.appendingPathComponent("sample-runs").path)
    try #require(requests.count > 2)
    try SampleRuns.ingest(Array(requests.dropLast()), into: writer)
    let reader = try MetadataStore(path: path, access: .readOnly)
    let reached = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let generationsBuilt = Locked<[[Int64]]>([])
    let cache = AppliedStateCache(buildDidReadGeneration: { generation in
      generationsBuilt.update { $0.append(generation) }
      reached.signal()
      release.wait()
    })
    func state(_ generation: [Int64], build: Bool) throws -> AppliedState? {
      try cache.state(
        store: reader, accountID: 1, environmentID: 1, generation: generation, build: build,
        environment: { try reader.environment(accountID: 1, id: 1) })
    }
    let older = try #require(try reader.appliedStateGeneration(accountID: 1, environmentID: 1))
    #expect(try state(older, build: true) == nil)
    // The build has read its generation in its snapshot; an ingest commits now.
    reached.wait()
    try SampleRuns.ingest([try #require(requests.last)], into: writer)
    let newer = try #require(try reader.appliedStateGeneration(accountID: 1, environmentID: 1))
    #expect(newer != older)
    // A request of the newer generation answers by SQL; the build in flight is the only one.
    #expect(try state(newer, build: true) == nil)
    #expect(cache.statistics.buildsStarted == 1)
    release.signal()
    release.signal()  // for the next build, below
    cache.waitForBuilds()
    #expect(generationsBuilt.value == [older])
    #expect(cache.stateCount == 1)
    #expect(try state(older, build: false) != nil)
    #expect(try state(newer, build: false) == nil)
    // The next request of the newer generation starts its build.
    #expect(try state(newer, build: true) == nil)
    cache.waitForBuilds()
    #expect(generationsBuilt.value == [older, newer])
    #expect(cache.statistics.buildsStarted == 2)
    let kept = try #require(try state(newer, build: false))
    for types in [["model"], ["source"], ["test", "unit_test"]] {
      let query = EnvironmentNodeQuery(resourceTypes: types)
      let sql = try reader.environmentNodes(accountID: 1, environmentID: 1, query: query)
      #expect(
        (try kept.page(query))?.entries.map { kept.entries[Int($0)].record }
          == sql.nodes.map(AppliedStateTests.normalized))
    }
  }
}

/// A value shared between a test and a build's thread, under a lock.
private final class Locked<Value>: @unchecked Sendable {
  // Every access to `stored` holds `lock`.
  private let lock = NSLock()
  private var stored: Value
  init(_ value: Value) { stored = value }
  var value: Value { lock.withLock { stored } }
  func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
