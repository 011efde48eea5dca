import CLI
import Foundation
import GraphQL
import MetadataStore
import Testing

@testable import MetadataAPI

/// The kept applied state (``AppliedState``) answers every page, filter, sort, cursor and
/// page size, every relative list and every execution info exactly as the SQL path does
/// (``MetadataStore/MetadataStore/environmentNodes(accountID:environmentID:query:)`` and its
/// siblings), on the sample runs and on the generated 1,000-model environment; and the
/// cache (``AppliedStateCache``) never answers from a state older than the request's
/// snapshot: every ingest after a cached read is in the next answer.
@Suite struct AppliedStateTests {
  /// The state of an environment as the store has it now.
  static func state(_ store: MetadataStore, environmentID: Int) throws -> AppliedState {
    let generation = try #require(
      try store.appliedStateGeneration(accountID: 1, environmentID: environmentID))
    return try #require(
      try AppliedStateCache(building: .inline).state(
        store: store, accountID: 1, environmentID: environmentID, generation: generation,
        build: true, environment: { try store.environment(accountID: 1, id: environmentID) }))
  }

  /// A record as a page of `sort` reads it, for comparing with a kept entry.
  static func normalized(_ record: EnvironmentNodeRecord) -> EnvironmentNodeRecord {
    var record = record
    record.sortValue = .null
    return record
  }

  /// Queries of every resource type, filter, sort and direction, with filter values taken
  /// from the environment's own nodes (and some that match nothing).
  static func queries(_ state: AppliedState) -> [EnvironmentNodeQuery] {
    let records = state.entries.map(\.record)
    func first(_ type: String, _ value: (EnvironmentNodeRecord) -> String?) -> String {
      records.lazy.filter { $0.definition.resourceType == type }.compactMap(value).first ?? "none"
    }
    func upper(_ text: String) -> String { text.uppercased() }
    var queries: [EnvironmentNodeQuery] = []
    func add(_ types: [String], _ change: (inout EnvironmentNodeQuery) -> Void = { _ in }) {
      var query = EnvironmentNodeQuery(resourceTypes: types)
      change(&query)
      queries.append(query)
    }
    for types in [
      ["model"], ["source"], ["test", "unit_test"], ["seed"], ["snapshot"], ["exposure"],
      ["macro"], ["metric"], ["model", "source", "seed", "snapshot"], [],
      ["semantic_model", "saved_query"], ["analysis", "operation"],
    ] {
      add(types)
      add(types) { $0.descending = true }
    }
    let models = ["model"]
    add(models) { $0.database = upper(first("model", \.definition.database)) }
    add(models) { $0.schema = upper(first("model", \.definition.schema)) }
    add(models) { $0.identifier = upper(first("model", { $0.definition.alias })) }
    add(["source"]) { $0.identifier = first("source", { $0.definition.identifier }) }
    add(models) { $0.tags = ["even"] }
    add(models) { $0.tags = ["five", "nope"] }
    add(models) { $0.tags = [] }
    add(["test", "unit_test"]) { $0.tags = [first("test", { _ in "even" })] }
    let someIDs = records.filter { $0.definition.resourceType == "model" }.prefix(5)
      .map(\.definition.uniqueID)
    add(models) { $0.uniqueIDs = someIDs + someIDs + ["model.none.none"] }
    add(models) { $0.uniqueIDs = [] }
    add(["model", "source"]) { $0.uniqueIDs = someIDs + [first("source", \.definition.uniqueID)] }
    add(models) { $0.names = [first("model", \.definition.name)] }
    add(models) { $0.packageName = first("model", \.definition.packageName) }
    add(models) { $0.access = "public" }
    add(models) { $0.access = "private" }
    add(models) { $0.group = first("model", \.definition.group) }
    for layer in ["staging", "intermediate", "marts"] {
      add(models) { $0.modelingLayer = layer }
    }
    for status in ["SUCCESS", "error", "skipped", "Pass"] {
      add(models) { $0.lastRunStatus = status }
      add(["test", "unit_test"]) { $0.lastRunStatus = status }
    }
    for checked in [true, false] {
      add(["source"]) { $0.freshnessChecked = checked }
    }
    for status in ["pass", "warn", "error"] {
      add(["source"]) { $0.freshnessStatus = status }
    }
    add(["source"]) { $0.sourceNames = [first("source", \.definition.sourceName), "none"] }
    for testType in ["GENERIC_DATA_TEST", "SINGULAR_DATA_TEST", "UNIT_TEST"] {
      add(["test", "unit_test"]) { $0.testTypes = [testType] }
    }
    add(["exposure"]) { $0.exposureType = "dashboard" }
    add(["exposure"]) { $0.exposureType = "notebook" }
    // Every sort and direction, alone and with filters.
    var sorted: [EnvironmentNodeQuery] = []
    for sort: EnvironmentNodeQuery.Sort in [.executeCompletedAt, .rowCount, .uniqueID] {
      for descending in [false, true] {
        for base in [
          EnvironmentNodeQuery(resourceTypes: models),
          EnvironmentNodeQuery(resourceTypes: ["model", "seed", "snapshot", "test"]),
          queries[queries.count - 20], queries[queries.count - 30],
        ] {
          var query = base
          query.sort = sort
          query.descending = descending
          sorted.append(query)
        }
      }
    }
    return queries + sorted
  }

  /// Compares one query on both paths, page by page: every page size, and cursors at
  /// several positions of the whole answer and at made-up positions.
  static func compare(
    _ query: EnvironmentNodeQuery, state: AppliedState, store: MetadataStore, environmentID: Int
  ) throws {
    func check(_ query: EnvironmentNodeQuery) throws {
      let sql = try store.environmentNodes(
        accountID: 1, environmentID: environmentID, query: query)
      let page = try #require(try state.page(query), "\(query)")
      #expect(
        page.entries.map { state.entries[Int($0)].record } == sql.nodes.map(normalized),
        "\(query)")
      #expect(page.sortValues == sql.nodes.map(\.sortValue), "\(query)")
      #expect(page.totalCount == sql.totalCount, "\(query)")
      #expect(page.hasNextPage == sql.hasNextPage, "\(query)")
    }
    var whole = query
    whole.limit = nil
    try check(whole)
    for limit in [0, 1, 7, 500] {
      var paged = query
      paged.limit = limit
      try check(paged)
    }
    let all = try store.environmentNodes(accountID: 1, environmentID: environmentID, query: whole)
      .nodes
    var positions = Set([0, 1, all.count / 3, all.count / 2, all.count - 2, all.count - 1])
      .filter { all.indices.contains($0) }
      .map {
        EnvironmentNodeQuery.Position(
          value: all[$0].sortValue, uniqueID: all[$0].definition.uniqueID)
      }
    positions += [
      .init(value: .null, uniqueID: "m"), .init(value: .text("2026"), uniqueID: "model.z"),
      .init(value: .integer(5), uniqueID: "a"), .init(value: .text(""), uniqueID: ""),
    ]
    for position in positions {
      for limit in [nil, 3] {
        var paged = query
        paged.after = position
        paged.limit = limit
        try check(paged)
      }
    }
  }

  /// Every query, every relative list and every execution info of an environment, on both
  /// paths.
  static func compareEverything(_ store: MetadataStore, environmentID: Int) throws {
    let state = try state(store, environmentID: environmentID)
    #expect(state.count > 0)
    for query in queries(state) {
      try compare(query, state: state, store: store, environmentID: environmentID)
    }
    let nodeIDs = state.entries.map(\.record.nodeID)
    for relation: MetadataStore.Relation in [
      .parents, .children, .tests, .ancestors(resourceTypes: MetadataAPI.allAncestorTypes),
      .ancestors(resourceTypes: ["source"]), .ancestors(resourceTypes: ["model", "test"]),
    ] {
      let sql = try store.environmentRelatives(
        accountID: 1, environmentID: environmentID, nodeIDs: nodeIDs, relation: relation)
      for entry in state.entries {
        let kept = state.relatives(of: entry.index, relation).map {
          state.entries[Int($0)].record
        }
        #expect(
          kept == (sql[entry.record.nodeID] ?? []).map(normalized),
          "\(relation) of \(entry.record.definition.uniqueID)")
      }
    }
    let ids = state.entries.flatMap { [$0.record.lastExecutionID, $0.record.lastSuccessID] }
      .compactMap { $0 }
    #expect(!ids.isEmpty)
    let executions = try store.executions(accountID: 1, environmentID: environmentID, ids: ids)
    for entry in state.entries {
      let info = try #require(entry.executionInfo)
      #expect(info.last == entry.record.lastExecutionID.flatMap { executions[$0] })
      #expect(info.lastSuccess == entry.record.lastSuccessID.flatMap { executions[$0] })
    }
  }

  @Test func theSampleRunsAnswerAsInSQL() throws {
    let store = try SampleDatabase.api().store
    for environmentID in [1, 2] {
      try Self.compareEverything(store, environmentID: environmentID)
    }
  }

  @Test func theGeneratedEnvironmentAnswersAsInSQL() throws {
    try Self.compareEverything(try GeneratedEnvironment.api().store, environmentID: 1)
  }

  /// A store of its own on the sample database file: its statement count and its
  /// background builds are this test's alone (other tests read the shared one concurrently).
  static func ownStore() throws -> MetadataStore {
    try MetadataStore(path: try SampleDatabase.api().store.path, create: false)
  }

  @Test func anotherAccountGetsNoState() throws {
    let store = try Self.ownStore()
    #expect(try store.appliedStateGeneration(accountID: 2, environmentID: 1) == nil)
    #expect(try store.environmentState(accountID: 2, environmentID: 1) == nil)
    let generation = try #require(try store.appliedStateGeneration(accountID: 1, environmentID: 1))
    for building: AppliedStateBuilding in [.inline, .background] {
      let cache = AppliedStateCache(building: building)
      #expect(
        try cache.state(
          store: store, accountID: 2, environmentID: 1, generation: generation, build: true,
          environment: { try store.environment(accountID: 2, id: 1) }) == nil)
      cache.waitForBuilds()
      #expect(cache.stateCount == 0)
      #expect(cache.statistics.buildsKept == 0)
    }
  }

  @Test func statesBeyondTheBoundAreNotKept() throws {
    let store = try SampleDatabase.api().store
    let generation = try #require(try store.appliedStateGeneration(accountID: 1, environmentID: 1))
    let small = AppliedStateCache(maximumNodes: 1, building: .inline)
    #expect(
      try small.state(
        store: store, accountID: 1, environmentID: 1, generation: generation, build: true,
        environment: { try store.environment(accountID: 1, id: 1) }) != nil)
    #expect(small.stateCount == 0)
    // Later requests at that generation read SQL instead of reading the state again.
    #expect(
      try small.state(
        store: store, accountID: 1, environmentID: 1, generation: generation, build: true,
        environment: { try store.environment(accountID: 1, id: 1) }) == nil)
    let roomy = AppliedStateCache(building: .inline)
    let kept = try roomy.state(
      store: store, accountID: 1, environmentID: 1, generation: generation, build: true,
      environment: { try store.environment(accountID: 1, id: 1) })
    #expect(roomy.stateCount == 1)
    // The same generation answers from the kept state, without building; another
    // generation is not answered without building.
    let again = try roomy.state(
      store: store, accountID: 1, environmentID: 1, generation: generation, build: false,
      environment: { nil })
    #expect(again === kept)
    #expect(
      try roomy.state(
        store: store, accountID: 1, environmentID: 1, generation: generation + [1], build: false,
        environment: { nil })
        == nil)
  }

  /// A state built in the background beyond the bound is not kept either, and the
  /// environment's later requests at that generation start no other build.
  @Test func backgroundStatesBeyondTheBoundAreNotKept() throws {
    let store = try Self.ownStore()
    let generation = try #require(try store.appliedStateGeneration(accountID: 1, environmentID: 1))
    let small = AppliedStateCache(maximumNodes: 1)
    for _ in 0..<2 {
      #expect(
        try small.state(
          store: store, accountID: 1, environmentID: 1, generation: generation, build: true,
          environment: { nil }) == nil)
      small.waitForBuilds()
    }
    #expect(small.stateCount == 0)
    #expect(small.statistics.buildsStarted == 1)
    #expect(small.statistics.buildsKept == 0)
    #expect(small.statistics.lastBuildMilliseconds != nil)
  }

  /// The 500-model page of the benchmark, with relatives and execution info, as one query
  /// text for both the warm and a fresh API.
  static let pageQuery = """
    { environment(id: 1) { applied {
      models(first: 500) { totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { uniqueId name materializedType
          executionInfo { lastRunId lastRunStatus executionTime executeCompletedAt lastSuccessRunId }
          parents { uniqueId resourceType name } children { uniqueId } tests { uniqueId }
          ancestors(types: [Source]) { uniqueId } } } }
      sources(first: 50) { totalCount edges { node { uniqueId freshness { freshnessStatus } } } }
      tests(first: 100, filter: {status: "fail"}) { totalCount edges { node { uniqueId
        executionInfo { lastRunStatus lastRunError } } } }
      seeds(first: 20) { totalCount edges { node { uniqueId executionInfo { lastRunStatus } } } }
    } } }
    """

  @Test func everyIngestAfterACachedReadIsInTheNextAnswer() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("applied-state-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("applied.sqlite").path
    let store = try MetadataStore(path: path)
    let requests = try SampleRuns.read(
      under: SampleDatabase.repository.appendingPathComponent("sample-runs").path)
    // A reader opened before the first ingest, as a server's: it reads the generation
    // on a pooled connection that must see every later commit.
    try SampleRuns.ingest(Array(requests.prefix(1)), into: store)
    let reader = try MetadataStore(path: path, access: .readOnly)
    let api = try MetadataAPI(store: reader)
    var answers: [JSONValue?] = []
    for request in requests.dropFirst() {
      let cached = api.execute(query: Self.pageQuery, accountID: 1)
      // Before the environment's first run is in, it is not found.
      #expect(
        cached.errors.allSatisfy { $0.message.contains("not found") }, "\(cached.errors)")
      try SampleRuns.ingest([request], into: store)
      // The warm API (its state read before this ingest) and a fresh one agree.
      let warm = api.execute(query: Self.pageQuery, accountID: 1)
      let fresh = try MetadataAPI(store: reader).execute(query: Self.pageQuery, accountID: 1)
      #expect(warm.serialized() == fresh.serialized())
      // Once the build the warm answer started is kept, the state answers as SQL did.
      api.waitForAppliedStateBuilds()
      let stateReads = api.appliedStateStatistics.stateReads
      let fromState = api.execute(query: Self.pageQuery, accountID: 1)
      #expect(fromState.serialized() == fresh.serialized())
      if fresh.errors.isEmpty {
        #expect(api.appliedStateStatistics.stateReads > stateReads)
      }
      answers.append(warm.data)
      // And the kept state is the SQL's.
      if try reader.appliedStateGeneration(accountID: 1, environmentID: 1) != nil {
        let state = try Self.state(reader, environmentID: 1)
        let query = EnvironmentNodeQuery(resourceTypes: ["model"])
        let sql = try reader.environmentNodes(accountID: 1, environmentID: 1, query: query)
        #expect(
          (try state.page(query))?.entries.map { state.entries[Int($0)].record }
            == sql.nodes.map(Self.normalized))
      }
    }
    #expect(Set(answers.map { "\($0 ?? .null)" }).count > 1, "the runs change the answer")
  }

  @Test func aRepeatedPageReadsOnlyTheEnvironmentAndTheGeneration() throws {
    let api = try MetadataAPI(store: Self.ownStore())
    // The first answer starts the build of the state (or finds it); it is kept once the
    // build is done.
    let first = api.execute(query: Self.pageQuery, accountID: 1)
    #expect(first.errors.isEmpty, "\(first.errors)")
    api.waitForAppliedStateBuilds()
    let before = api.store.readStatementCount
    let repeated = api.execute(query: Self.pageQuery, accountID: 1)
    // The environment, the generation, the sources' freshness results (read by id) and
    // their manifest JSON (their configured freshness criteria).
    #expect(api.store.readStatementCount - before == 4)
    #expect(repeated.serialized() == first.serialized())
  }

  /// The state's shared nodes (handed to summary-only lists) answer as nodes made per
  /// request do, JSON-backed fields included (read uncached), on every side.
  @Test func sharedNodesAnswerAsRequestNodes() throws {
    let api = try SampleDatabase.api()
    let store = api.store
    let state = try Self.state(store, environmentID: 1)
    let environment = try #require(try store.environment(accountID: 1, id: 1))
    let context = RequestContext(accountID: 1, store: store)
    let documents = DefinitionDocuments.of(context)
    var compared = 0
    for entry in state.entries {
      for side in EnvironmentNode.Side.allCases {
        let made = EnvironmentNode(
          entry.record, environment: environment, side: side, documents: documents)
        guard let shared = state.sharedNode(entry.index, side: side) else {
          #expect(entry.mayBeExternal || made.typeName == nil)
          continue
        }
        #expect(shared.typeName == made.typeName)
        for field in ["uniqueId", "name", "materializedType", "rawCode", "config", "tags"] {
          #expect(
            "\(shared.value(of: field) ?? "nil")" == "\(made.value(of: field) ?? "nil")",
            "\(field) of \(entry.record.definition.uniqueID)")
        }
        compared += 1
      }
    }
    #expect(compared > 100)
    // The shared relative lists are the relatives that have a type on the side.
    for entry in state.entries {
      for relation: MetadataStore.Relation in [.parents, .children, .tests] {
        for side: EnvironmentNode.Side in [.appliedNested, .definitionNested] {
          guard let shared = state.sharedRelatives(of: entry.index, relation, side: side) else {
            continue
          }
          let expected = state.relatives(of: entry.index, relation).filter {
            EnvironmentNode(
              state.entries[Int($0)].record, environment: environment, side: side,
              documents: documents
            ).typeName != nil
          }
          #expect(shared.map(\.entry.index) == expected)
          #expect(shared.allSatisfy { $0.side == side })
        }
      }
    }
  }

  /// Requests on several threads at once read one kept state and its shared nodes.
  @Test func concurrentRequestsAgree() async throws {
    let api = try SampleDatabase.api()
    let expected = api.execute(query: Self.pageQuery, accountID: 1).serialized()
    let answers = await withTaskGroup(of: String.self) { group in
      for _ in 0..<8 {
        group.addTask { api.execute(query: Self.pageQuery, accountID: 1).serialized() }
      }
      return await group.reduce(into: [String]()) { $0.append($1) }
    }
    #expect(answers.allSatisfy { $0 == expected })
  }

  /// Nodes without `tags` match the tags filter by their `config.tags` (read by the kept
  /// state only when a tags filter first needs them), as in SQL: the generated environment
  /// with `config.tags` on every test and model (models with tags of their own keep them).
  @Test func configTagsMatchAsInSQL() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("applied-config-tags-\(UUID().uuidString)")
    let run = directory.appendingPathComponent("runs/1/1")
    try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let manifest = GeneratedEnvironment.manifest
      .replacingOccurrences(
        of: #""config": {"materialized": "test", "severity": "ERROR"}"#,
        with: #""config": {"materialized": "test", "severity": "ERROR", "tags": ["cfg"]}"#
      )
      .replacingOccurrences(
        of: #""config": {"materialized": "table", "enabled": true,"#,
        with: #""config": {"materialized": "table", "enabled": true, "tags": ["cfg", "even"],"#)
    #expect(manifest != GeneratedEnvironment.manifest)
    try GeneratedEnvironment.write(
      GeneratedEnvironment.runJSON, to: run.appendingPathComponent("run.json"))
    try GeneratedEnvironment.write(manifest, to: run.appendingPathComponent("manifest.json"))
    try GeneratedEnvironment.write(
      GeneratedEnvironment.runResults, to: run.appendingPathComponent("run_results.json"))
    try GeneratedEnvironment.write(
      GeneratedEnvironment.catalog, to: run.appendingPathComponent("catalog.json"))
    let store = try MetadataStore(path: directory.appendingPathComponent("tags.sqlite").path)
    try SampleRuns.load(under: directory.appendingPathComponent("runs").path, into: store)
    let state = try Self.state(store, environmentID: 1)
    var matched = 0
    for types in [["model"], ["test", "unit_test"], ["model", "test"]] {
      for tags in [["cfg"], ["even"], ["five"], ["cfg", "five"], ["none"]] {
        var query = EnvironmentNodeQuery(resourceTypes: types)
        query.tags = tags
        let sql = try store.environmentNodes(accountID: 1, environmentID: 1, query: query)
        let page = try #require(try state.page(query))
        #expect(
          page.entries.map { state.entries[Int($0)].record } == sql.nodes.map(Self.normalized),
          "\(types) \(tags)")
        #expect(page.totalCount == sql.totalCount)
        matched += page.entries.count
      }
    }
    #expect(matched > 1_000)
  }
}
