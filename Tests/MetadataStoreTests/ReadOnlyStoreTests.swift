import Foundation
import SQLite
import Testing

@testable import MetadataStore

/// A store opened with `access: .readOnly` reads while a writer holds the lock, never
/// creates, migrates or writes, and names the command that creates or upgrades a file.
@Suite struct ReadOnlyStoreTests {
  /// A database with one ingested run, written through a read-write store.
  static func databaseWithOneRun() throws -> TemporaryDatabase {
    let database = try TemporaryDatabase()
    _ = try database.open().ingest(SyntheticProject(run: 1).request())
    return database
  }

  @Test func readsWhileAnotherConnectionHoldsTheWriteLock() throws {
    let database = try Self.databaseWithOneRun()
    let openedBefore = try MetadataStore(path: database.path, access: .readOnly)
    let holder = try Connection(path: database.path, mode: .readWrite)
    try holder.execute("BEGIN IMMEDIATE")
    try holder.run("INSERT INTO account(id, name) VALUES (99, 'uncommitted')")

    // Opened while the lock is held: no migration, so no wait for the write lock.
    let openedDuring = try MetadataStore(path: database.path, access: .readOnly)
    #expect(try openedDuring.allRuns(jobID: nil).map(\.id) == [1])
    #expect(try openedBefore.allRuns(jobID: nil).map(\.id) == [1])
    #expect(try openedDuring.schemaVersion() == Schema.currentVersion)
    // The writer's uncommitted row is not seen.
    #expect(try database.count("SELECT count(*) FROM account WHERE id = 99") == 0)

    try holder.execute("ROLLBACK")
  }

  @Test func aLongLivedReaderSeesLaterIngestsFromAWriterStore() throws {
    let database = try Self.databaseWithOneRun()
    let reader = try MetadataStore(path: database.path, access: .readOnly)
    #expect(try reader.allRuns(jobID: nil).count == 1)
    let writer = try MetadataStore(path: database.path, access: .readWrite)
    _ = try writer.ingest(SyntheticProject(run: 2).request())
    #expect(try reader.allRuns(jobID: nil).map(\.id) == [1, 2])
    #expect(reader.access == .readOnly)
    #expect(writer.access == .readWrite)
  }

  @Test func aReadOnlyStoreRefusesToIngest() throws {
    let database = try Self.databaseWithOneRun()
    let reader = try MetadataStore(path: database.path, access: .readOnly)
    let before = try database.dump()
    let error = try #require(throws: StoreError.self) {
      _ = try reader.ingest(SyntheticProject(run: 2).request())
    }
    #expect(
      error.description
        == "\(database.path): the store was opened read-only; writing needs a read-write store")
    #expect(try database.dump() == before)
  }

  @Test func aMissingFileIsRefusedAndNotCreated() throws {
    let database = try TemporaryDatabase()
    let error = try #require(throws: StoreError.self) {
      _ = try MetadataStore(path: database.path, access: .readOnly)
    }
    #expect(
      error.description
        == "\(database.path): no such database file; a writer (`dbt-metadata ingest --db \(database.path) ...` with a run's artifacts, or `dbt-metadata serve --db \(database.path)`) creates it"
    )
    #expect(!FileManager.default.fileExists(atPath: database.path))
  }

  @Test func anEmptyFileIsRefusedAndLeftEmpty() throws {
    let database = try TemporaryDatabase()
    #expect(FileManager.default.createFile(atPath: database.path, contents: Data()))
    let error = try #require(throws: StoreError.self) {
      _ = try MetadataStore(path: database.path, access: .readOnly)
    }
    #expect(
      error.description
        == "\(database.path): no dbt-metadata schema yet (empty database); a writer (`dbt-metadata ingest --db \(database.path) ...` with a run's artifacts, or `dbt-metadata serve --db \(database.path)`) creates it"
    )
    let size = try FileManager.default.attributesOfItem(atPath: database.path)[.size] as? Int
    #expect(size == 0)
    #expect(!FileManager.default.fileExists(atPath: database.path + "-wal"))
  }

  @Test func aDatabaseWithoutTablesIsRefusedAsUninitialised() throws {
    let database = try TemporaryDatabase()
    let connection = try Connection(path: database.path)
    try connection.execute("PRAGMA page_size = 8192; VACUUM")
    #expect(FileManager.default.fileExists(atPath: database.path))
    let error = try #require(throws: StoreError.self) {
      _ = try MetadataStore(path: database.path, access: .readOnly)
    }
    guard case .uninitialised = error.reason else {
      Issue.record("expected uninitialised, found \(error)")
      return
    }
    #expect(try connection.scalarInt("SELECT count(*) FROM sqlite_schema") == 0)
  }

  @Test func anOlderSchemaIsRefusedWithTheCommandThatUpgradesIt() throws {
    let database = try Self.databaseWithOneRun()
    let older = Schema.currentVersion - 1
    do {
      let connection = try Connection(path: database.path)
      try connection.setUserVersion(older)
    }
    let error = try #require(throws: StoreError.self) {
      _ = try MetadataStore(path: database.path, access: .readOnly)
    }
    #expect(
      error.description
        == "\(database.path): schema version \(older) is older than this binary's \(Schema.currentVersion); a writer (`dbt-metadata ingest --db \(database.path) ...` with a run's artifacts, or `dbt-metadata serve --db \(database.path)`) upgrades it (readers never migrate)"
    )
    // Still at the older version: the reader migrated nothing.
    #expect(try database.count("SELECT user_version FROM pragma_user_version") == older)
  }

  @Test func anotherApplicationsDatabaseIsRefusedByAReader() throws {
    let database = try TemporaryDatabase()
    let other = try Connection(path: database.path)
    try other.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY)")
    let error = try #require(throws: StoreError.self) {
      _ = try MetadataStore(path: database.path, access: .readOnly)
    }
    #expect(error.description.contains("a SQLite file of another application"))
  }

  @Test func aFileThatIsNotADatabaseIsRefusedByAReader() throws {
    let database = try TemporaryDatabase()
    try Data("{\"not\": \"sqlite\"}".utf8).write(to: URL(fileURLWithPath: database.path))
    let error = try #require(throws: StoreError.self) {
      _ = try MetadataStore(path: database.path, access: .readOnly)
    }
    #expect(
      error.description
        == "\(database.path): not a dbt-metadata database (not a SQLite database file)")
  }

  @Test func readingChangesNoByteOfTheDatabaseFile() throws {
    let database = try Self.databaseWithOneRun()
    let before = try Data(contentsOf: URL(fileURLWithPath: database.path))
    let reader = try MetadataStore(path: database.path, access: .readOnly)
    _ = try reader.allRuns(jobID: nil)
    _ = try reader.latestRun(accountID: 1, environmentID: 1)
    #expect(try Data(contentsOf: URL(fileURLWithPath: database.path)) == before)
  }
}
