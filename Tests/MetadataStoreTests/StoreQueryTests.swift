import Artifacts
import Foundation
import SQLite
import Testing

@testable import MetadataStore

/// The read API and the hierarchy: runs of a job, nodes by kind, lineage, freshness and
/// catalog, account scoping, names and conflicts, warnings.
@Suite struct StoreQueryTests {
  typealias P = SyntheticProject

  @Test func runsOfAJobAndNodesByKind() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let project = P(run: 1)
    let first = try store.ingest(
      project.request(
        runResults: [try project.runResults([(P.model, "success"), (P.test, "pass")])],
        sources: try project.sources(status: "warn"), catalog: try project.catalog(rows: 42)))
    let other = try store.ingest(P(run: 2).request(job: 2))
    #expect(try store.runs(accountID: 1, jobID: 1).map(\.id) == [first.runID])
    #expect(try store.runs(accountID: 1).map(\.id) == [other.runID, first.runID])
    #expect(try store.latestRun(accountID: 1, jobID: 2)?.id == other.runID)

    let run = try #require(try store.run(accountID: 1, id: first.runID))
    #expect(run.jobID == 1 && run.environmentID == 1 && run.projectID == 1 && run.accountID == 1)
    #expect(run.dbtVersion == "1.8.3")
    #expect(run.generatedAt == project.time())
    #expect(run.nodeCount == 3)
    #expect(run.executionCount == 2)
    #expect(run.freshnessCount == 1)
    #expect(run.catalogCount == 1)
    #expect(run.artifactKinds == ["manifest", "run-results", "sources", "catalog"])

    let models = try store.definitions(accountID: 1, runID: first.runID, resourceType: "model")
    #expect(models.map(\.uniqueID) == [P.model])
    let orders = try #require(models.first)
    #expect(orders.materialized == "table")
    #expect(orders.relationName == "\"db\".\"public\".\"orders\"")
    #expect(orders.tagsJSON == "[\"nightly\"]")
    #expect(orders.metaJSON == "{\"owner\":\"data\"}")
    #expect(orders.json.hasPrefix("{\"unique_id\": \"model.shop.orders\""))
    #expect(orders.json.contains("\"raw_code\": \"select * from"))
    let test = try #require(
      try store.definition(accountID: 1, runID: first.runID, uniqueID: P.test))
    #expect(test.testName == "not_null")
    #expect(test.testColumnName == "id")
    #expect(test.testedUniqueID == P.model)
    let source = try #require(
      try store.definitions(accountID: 1, runID: first.runID, resourceType: "source").first)
    #expect(source.sourceName == "raw")
    #expect(source.loadedAtField == "_loaded_at")
    #expect(try store.definitions(accountID: 1, runID: first.runID).count == 3)

    let freshness = try store.freshness(accountID: 1, runID: first.runID)
    #expect(freshness.map(\.status) == ["warn"])
    #expect(freshness.first?.warnAfterCount == 12)
    #expect(freshness.first?.errorAfterPeriod == "hour")
    #expect(freshness.first?.maxLoadedAtTimeAgoInS == 3900)

    let catalog = try store.catalog(accountID: 1, runID: first.runID)
    #expect(catalog.count == 1)
    #expect(catalog.first?.rowCount == 42)
    #expect(catalog.first?.columns.map(\.name) == ["id"])
    #expect(catalog.first?.stats.map(\.id) == ["has_stats", "row_count"])
    #expect(catalog.first?.stats.last?.valueJSON == "42")
  }

  @Test func environmentStateHasCountsAndEveryPointer() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let project = P(run: 1)
    let summary = try store.ingest(
      project.request(
        runResults: [try project.runResults([(P.model, "success"), (P.test, "pass")])],
        sources: try project.sources(status: "pass"), catalog: try project.catalog(rows: 7)))
    #expect(
      try store.resourceCounts(accountID: 1, environmentID: 1)
        == ["model": 1, "test": 1, "source": 1])
    let applied = try store.appliedState(accountID: 1, environmentID: 1)
    #expect(applied.map(\.definition.uniqueID) == [P.model, P.source, P.test])
    let model = try #require(applied.first)
    #expect(model.lastExecution?.invocationID == project.invocationID)
    #expect(model.lastExecution?.runElapsedTime == 2.5)
    #expect(model.lastExecution?.argsJSON?.contains("\"which\":\"build\"") == true)
    #expect(model.lastCatalog?.rowCount == 7)
    #expect(model.lastCatalog?.runID == summary.runID)
    #expect(model.lastCatalog?.columns.map(\.type) == ["integer"])
    #expect(applied[1].lastFreshness?.status == "pass")
    #expect(applied[1].lastExecution == nil)
    #expect(applied[2].lastSuccess?.status == "pass")
    #expect(try store.resourceCounts(accountID: 2, environmentID: 1).isEmpty)
  }

  @Test func readsAreScopedToTheAccount() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let project = P(run: 1)
    let summary = try store.ingest(
      project.request(runResults: [try project.runResults([(P.model, "success")])]))
    #expect(try store.run(accountID: 2, id: summary.runID) == nil)
    #expect(try store.runs(accountID: 2).isEmpty)
    #expect(try store.definitions(accountID: 2, runID: summary.runID).isEmpty)
    #expect(try store.executions(accountID: 2, runID: summary.runID).isEmpty)
    #expect(try store.appliedState(accountID: 2, environmentID: 1).isEmpty)
    #expect(
      try store.executionHistory(accountID: 2, environmentID: 1, uniqueID: P.model).isEmpty)
    #expect(try store.parents(accountID: 2, runID: summary.runID, uniqueID: P.model).isEmpty)
  }

  @Test func lineageFollowsTheRunsManifest() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let summary = try store.ingest(P(run: 1, extraModels: 2).request())
    let parents = try store.parents(accountID: 1, runID: summary.runID, uniqueID: P.model)
    #expect(parents == [LineageRecord(uniqueID: P.source, resourceType: "source")])
    let children = try store.children(accountID: 1, runID: summary.runID, uniqueID: P.model)
    #expect(
      children.map(\.uniqueID) == ["model.shop.extra_0", "model.shop.extra_1", P.test])
    let later = try store.ingest(P(run: 2, extraModels: 1).request())
    #expect(
      try store.children(accountID: 1, runID: later.runID, uniqueID: P.model).map(\.uniqueID)
        == ["model.shop.extra_0", P.test])
  }

  @Test func lineageOfARealManifestMatchesItsParentMap() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let set = try Fixtures.set("fivetran-hubspot/v4_dbt1.0.0")
    let summary = try store.ingest(Fixtures.request(set))
    let json = try IndependentCounts.object(try #require(set.manifest))
    let parentMap = try #require(json["parent_map"] as? [String: [String]])
    // parent_map may list a parent twice; lineage keeps one edge per pair.
    var checked = 0
    for (id, expected) in parentMap where !expected.isEmpty {
      let parents = try store.parents(accountID: 1, runID: summary.runID, uniqueID: id)
      #expect(parents.map(\.uniqueID) == Set(expected).sorted(), "\(id)")
      checked += 1
    }
    #expect(checked > 50)
    // The bulk edge list agrees with parent_map, every edge once.
    let edges = try store.lineage(accountID: 1, runID: summary.runID)
    let expectedEdges = parentMap.flatMap { child, parents in Set(parents).map { "\(child)<-\($0)" }
    }
    #expect(
      edges.map { "\($0.child.uniqueID)<-\($0.parent.uniqueID)" }.sorted() == expectedEdges.sorted()
    )
    let childMap = try #require(json["child_map"] as? [String: [String]])
    for (parent, children) in childMap where !children.isEmpty {
      let stored = try store.children(accountID: 1, runID: summary.runID, uniqueID: parent)
      #expect(stored.map(\.uniqueID) == Set(children).sorted(), "\(parent)")
    }
  }

  @Test func freshnessHistoryIsNewestFirst() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    for (run, status) in [(1, "pass"), (2, "warn"), (3, "error")] {
      let project = P(run: run)
      _ = try store.ingest(project.request(sources: try project.sources(status: status)))
    }
    let history = try store.freshnessHistory(
      accountID: 1, environmentID: 1, uniqueID: P.source, limit: 2)
    #expect(history.map(\.status) == ["error", "warn"])
    let applied = try store.appliedState(accountID: 1, environmentID: 1, resourceType: "source")
    #expect(applied.first?.lastFreshness?.status == "error")
    #expect(applied.first?.lastFreshness?.runID == 3)
  }

  @Test func hierarchyRecordsAreCreatedAndRenamed() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    var request = try P(run: 1).request()
    request.jobName = "nightly"
    request.environmentName = "prod"
    _ = try store.ingest(request)
    #expect(try database.count("SELECT count(*) FROM job WHERE name = 'nightly'") == 1)
    #expect(try database.count("SELECT count(*) FROM project WHERE name = 'shop'") == 1)
    var later = try P(run: 2).request()
    later.jobName = nil
    later.environmentName = "production"
    _ = try store.ingest(later)
    #expect(try database.count("SELECT count(*) FROM job WHERE name = 'nightly'") == 1)
    #expect(try database.count("SELECT count(*) FROM environment WHERE name = 'production'") == 1)
  }

  @Test func anIdUnderAnotherParentIsRefusedAndNothingIsStored() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    _ = try store.ingest(P(run: 1).request(job: 7, environment: 1))
    let before = try database.dump()
    let error = try #require(throws: StoreError.self) {
      try store.ingest(P(run: 2).request(job: 7, environment: 2))
    }
    #expect(error.description == "job 7 belongs to environment 1, not environment 2")
    #expect(try database.dump() == before)
  }

  @Test func anExplicitRunIdIsUsedAndGuarded() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    var request = try P(run: 1).request()
    request.runID = 5000
    #expect(try store.ingest(request).runID == 5000)
    #expect(try store.ingest(request).outcome == .unchanged)
    var other = try P(run: 2).request()
    other.runID = 5000
    let error = try #require(throws: StoreError.self) { try store.ingest(other) }
    #expect(error.description.contains("run 5000 already holds another manifest"))
    #expect(try store.ingest(P(run: 2).request()).runID == 5001)
    var otherJob = try P(run: 1).request(job: 2)
    otherJob.runID = 5000
    let conflict = try #require(throws: StoreError.self) { try store.ingest(otherJob) }
    #expect(conflict.description == "run 5000 belongs to job 1, not job 2")
  }

  @Test func inconsistentFilesAreAcceptedWithOneWarningPerKind() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let project = P(run: 1)
    let summary = try store.ingest(
      project.request(
        runResults: [
          try project.runResults(
            [
              ("model.shop.gone", "success"), ("model.shop.gone_too", "error"),
              (P.model, "success"),
            ],
            invocation: "another-invocation")
        ],
        sources: try project.sources(status: "pass", sourceID: "source.shop.raw.missing"),
        catalog: try project.catalog(rows: 1, tableID: "model.shop.stale")))
    #expect(summary.warnings.count == 4)
    #expect(summary.warnings[0].hasPrefix("the artifacts come from 2 different dbt invocations"))
    #expect(
      summary.warnings[1]
        == "run_results name 2 nodes missing from the manifest (first: model.shop.gone); stored without a definition"
    )
    #expect(summary.warnings[2].contains("source.shop.raw.missing"))
    #expect(summary.warnings[3].contains("model.shop.stale"))
    #expect(summary.executions == 3)
    let history = try store.executionHistory(
      accountID: 1, environmentID: 1, uniqueID: "model.shop.gone_too")
    #expect(history.first?.status == "error")
    #expect(history.first?.resourceType == "model")
  }

  @Test func aRunWithoutAManifestIsStoredWithItsResults() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let set = try Fixtures.set("mitodl-ol-data-platform")
    #expect(set.manifest == nil)
    let summary = try store.ingest(Fixtures.request(set))
    #expect(summary.nodesByType.isEmpty)
    #expect(summary.executions + summary.nonExecutingResults > 1000)
    #expect(summary.warnings.contains { $0.hasPrefix("run_results name") })
    // A run without a manifest never becomes the environment's definition state.
    #expect(try store.latestRun(accountID: 1, environmentID: 1) == nil)
    #expect(try store.ingest(Fixtures.request(set)).outcome == .unchanged)
  }
}

/// Opening database files: ours, foreign, newer, missing.
@Suite struct DatabaseFileTests {
  @Test func aNewFileIsMarkedAndVersioned() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    #expect(try store.schemaVersion() == Schema.currentVersion)
    let connection = try Connection(path: database.path, mode: .readOnly)
    #expect(try connection.applicationID() == Schema.applicationID)
    #expect(try connection.scalarString("PRAGMA journal_mode") == "wal")
    #expect(try connection.scalarInt("PRAGMA page_size") == Int64(Schema.pageSize))
    // Reopening an existing store works and changes nothing.
    let before = try database.dump()
    _ = try database.open()
    #expect(try database.dump() == before)
  }

  @Test func aFileThatIsNotSQLiteIsRefused() throws {
    let database = try TemporaryDatabase()
    try Data("{\"metadata\": {}}".utf8).write(to: URL(fileURLWithPath: database.path))
    let error = try #require(throws: StoreError.self) { try database.open() }
    #expect(
      error.description
        == "\(database.path): not a dbt-metadata database (not a SQLite database file)")
    #expect(try String(contentsOfFile: database.path, encoding: .utf8) == "{\"metadata\": {}}")
    #expect(!FileManager.default.fileExists(atPath: database.path + "-wal"))
  }

  @Test func anotherApplicationsDatabaseIsRefused() throws {
    let database = try TemporaryDatabase()
    let other = try Connection(path: database.path)
    try other.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: database.path))
    let error = try #require(throws: StoreError.self) { try database.open() }
    #expect(
      error.description.contains(
        "not a dbt-metadata database (a SQLite file of another application"))
    #expect(try other.scalarInt("SELECT count(*) FROM sqlite_schema") == 1)
    // Refused without a write: not even switched to WAL.
    #expect(try Data(contentsOf: URL(fileURLWithPath: database.path)) == bytes)
    #expect(try other.scalarString("PRAGMA journal_mode") == "delete")
  }

  @Test func twoStoresOnOneFileMigrateOnceAndBothIngest() async throws {
    let database = try TemporaryDatabase()
    let path = database.path
    let runIDs = try await withThrowingTaskGroup(of: Int.self) { group in
      for run in 1...4 {
        group.addTask {
          let store = try MetadataStore(path: path)
          return try store.ingest(SyntheticProject(run: run).request(job: run)).runID
        }
      }
      var ids: [Int] = []
      for try await id in group { ids.append(id) }
      return ids
    }
    #expect(runIDs.sorted() == [1, 2, 3, 4])
    #expect(try database.count("run") == 4)
    #expect(try database.count("definition") == 3)
  }

  @Test func aDatabaseFromANewerBinaryIsRefused() throws {
    let database = try TemporaryDatabase()
    _ = try database.open()
    let connection = try Connection(path: database.path)
    try connection.setUserVersion(Schema.currentVersion + 1)
    let error = try #require(throws: StoreError.self) { try database.open() }
    #expect(
      error.description
        == "\(database.path): written by a newer dbt-metadata (schema version \(Schema.currentVersion + 1); this binary reads up to \(Schema.currentVersion)); upgrade dbt-metadata"
    )
  }

  @Test func aMissingFileIsAnErrorWhenNotCreating() throws {
    let database = try TemporaryDatabase()
    let error = try #require(throws: StoreError.self) {
      _ = try MetadataStore(path: database.path, create: false)
    }
    #expect(
      error.description
        == "\(database.path): no such database file; a writer (`dbt-metadata ingest --db \(database.path) ...` with a run's artifacts, or `dbt-metadata serve --db \(database.path)`) creates it"
    )
    #expect(!FileManager.default.fileExists(atPath: database.path))
  }
}
