import Foundation
import SQLite
import Testing

@testable import MetadataStore

/// ``MetadataStore/creating(at:_:)``: a new database is written beside its path and
/// appears there whole, holding exactly what the same writes into an ordinary store hold.
@Suite struct StoreCreationTests {
  private func entries(_ database: TemporaryDatabase) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: database.directory.path).sorted()
  }

  @Test func aCreatedDatabaseHoldsWhatAnOrdinaryStoreHolds() throws {
    let created = try TemporaryDatabase()
    let ordinary = try TemporaryDatabase()
    let summary = try MetadataStore.creating(at: created.path) { store in
      #expect(!FileManager.default.fileExists(atPath: created.path))
      return try store.ingest(SyntheticProject(run: 1).request())
    }
    let expected = try ordinary.open().ingest(SyntheticProject(run: 1).request())
    #expect(summary?.runID == expected.runID)
    #expect(summary?.newDefinitions == expected.newDefinitions)
    #expect(try entries(created) == ["metadata.sqlite"])
    for database in [created, ordinary] {
      try Connection(path: database.path).execute("UPDATE run SET ingested_at = ''")
    }
    #expect(try created.dump() == ordinary.dump())

    // Published in WAL mode, at the current schema: a reader opens it, a writer goes on.
    let connection = try Connection(path: created.path, mode: .readOnly)
    #expect(try connection.scalarString("PRAGMA journal_mode") == "wal")
    let reader = try MetadataStore(path: created.path, access: .readOnly)
    #expect(try reader.schemaVersion() == Schema.currentVersion)
    _ = try created.open().ingest(SyntheticProject(run: 2).request())
    #expect(try reader.allRuns(jobID: nil).map(\.id) == [1, 2])
  }

  /// A refused write leaves no file at the path and nothing beside it.
  @Test func aFailedWriteLeavesNothing() throws {
    let database = try TemporaryDatabase()
    let request = IngestRequest(
      accountID: 1, projectID: 2, environmentID: 3, jobID: 4, manifest: nil)
    #expect(throws: StoreError.self) {
      _ = try MetadataStore.creating(at: database.path) { store in try store.ingest(request) }
    }
    #expect(try entries(database).isEmpty)
  }

  /// Another process created the database meanwhile: theirs is kept and nil says so.
  @Test func aDatabaseThatAppearedMeanwhileIsKept() throws {
    let database = try TemporaryDatabase()
    let theirs = try TemporaryDatabase()
    let result = try MetadataStore.creating(at: database.path) { store in
      _ = try store.ingest(SyntheticProject(run: 1).request())
      _ = try database.open().ingest(SyntheticProject(run: 7).request())
    }
    #expect(result == nil)
    #expect(try entries(database) == ["metadata.sqlite"])
    _ = try theirs.open().ingest(SyntheticProject(run: 7).request())
    for database in [database, theirs] {
      try Connection(path: database.path).execute("UPDATE run SET ingested_at = ''")
    }
    #expect(try database.dump() == theirs.dump())
  }

  @Test func aMissingDirectoryIsAStoreError() throws {
    let database = try TemporaryDatabase()
    let path = database.directory.appendingPathComponent("missing/metadata.sqlite").path
    let error = try #require(throws: StoreError.self) {
      _ = try MetadataStore.creating(at: path) { _ in 1 }
    }
    #expect(error.description.contains("\(path): cannot create the database beside it"))
  }
}
