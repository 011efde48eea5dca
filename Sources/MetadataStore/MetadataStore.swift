import Foundation
import SQLite

/// The dbt metadata database: schema and migrations, the ingester, and the read queries
/// the API serves.
///
/// One SQLite file in WAL mode, opened one of two ways (``Access``):
/// - ``Access/readWrite`` (ingest, account and token commands): one serialized writer and
///   a pool of read-only readers. Opening creates the file when asked, checks that it is
///   ours (`application_id`) and not newer than this binary (`user_version`), then applies
///   pending migrations under `BEGIN IMMEDIATE`.
/// - ``Access/readOnly`` (`runs`, the GraphQL API, the HTTP server): a pool of read-only
///   connections and no writer. Opening never creates, never migrates and never takes the
///   write lock, so reads go on while an ingest (in this process or another) holds it; a
///   file that is missing, empty, or at an older schema version is refused with an error
///   naming the command that creates or upgrades it (`dbt-metadata ingest`). One
///   read-only store can stay open for the life of a server: each read sees the latest
///   committed data.
///
/// For example:
/// ```swift
/// let writer = try MetadataStore(path: "metadata.sqlite", access: .readWrite)
/// let summary = try writer.ingest(request)
/// let reader = try MetadataStore(path: "metadata.sqlite", access: .readOnly)
/// let runs = try reader.runs(accountID: 1, jobID: 1)
/// ```
public final class MetadataStore: Sendable {
  /// How a store opens its file.
  public enum Access: Sendable, Equatable {
    /// Reads only: never creates, never migrates, never writes; ``ingest(_:)`` fails.
    case readOnly
    /// Reads and writes: may create the file, applies pending migrations.
    case readWrite
  }

  /// The database file.
  public let path: String
  /// How the store was opened.
  public let access: Access
  let pool: DatabasePool

  /// What creates or upgrades a database, named in the errors a reader gives when the
  /// file is missing, empty or older than this binary: any command that writes it.
  public static func writerHint(path: String) -> String {
    "a writer (`dbt-metadata ingest --db \(path) ...` with a run's artifacts, "
      + "or `dbt-metadata serve --db \(path)`)"
  }

  /// Opens the database at `path`.
  ///
  /// - Parameters:
  ///   - path: the database file.
  ///   - access: ``Access/readWrite`` (the default: creates when `create` is true, and
  ///     migrates) or ``Access/readOnly`` (never creates nor migrates; `create` is ignored).
  ///   - create: with ``Access/readWrite``, whether a missing or empty file is created and
  ///     initialised.
  /// - Throws: ``StoreError`` when the file is missing (and not created), is not a SQLite
  ///   database, belongs to another application, was written by a newer binary, or (read
  ///   only) is empty or needs a migration.
  public init(path: String, access: Access = .readWrite, create: Bool = true) throws {
    self.path = path
    self.access = access
    switch access {
    case .readOnly:
      pool = try Self.readingPool(path: path)
    case .readWrite:
      pool = try Self.writingPool(path: path, create: create)
      try migrate()
    }
  }

  /// Opens the new file of ``creating(at:_:)`` for writing: created and migrated as
  /// ``Access/readWrite`` does, but journaled in memory and never synced, as nothing else
  /// opens it before it is published.
  init(staged path: String) throws {
    self.path = path
    self.access = .readWrite
    pool = try Self.writingPool(path: path, create: true, journaling: .inMemoryUnsynced)
    try migrate()
  }

  private static func writingPool(
    path: String, create: Bool, journaling: DatabasePool.Journaling = .writeAheadLog
  ) throws -> DatabasePool {
    let exists = FileManager.default.fileExists(atPath: path)
    if !exists && !create { throw StoreError(.missingDatabase(path: path)) }
    if exists {
      try MetadataStore.checkHeader(path: path)
      try MetadataStore.checkOwnership(path: path)
    }
    do {
      return try DatabasePool(path: path, pageSize: Schema.pageSize, journaling: journaling)
    } catch let error as SQLiteError where ResultCode.notADatabase ~= error.code {
      throw StoreError(.notADatabase(path: path))
    } catch let error as SQLiteError {
      throw StoreError(.database(error))
    }
  }

  /// Checks the file read-only, then keeps that connection as the first of a reader pool.
  private static func readingPool(path: String) throws -> DatabasePool {
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError(.missingDatabase(path: path))
    }
    guard try checkHeader(path: path) else { throw StoreError(.uninitialised(path: path)) }
    do {
      let connection = try Connection(path: path, mode: .readOnly)
      try checkMark(connection, path: path)
      let version = try connection.userVersion()
      if version < Schema.currentVersion {
        if version == 0, try connection.scalarInt("SELECT count(*) FROM sqlite_schema") == 0 {
          throw StoreError(.uninitialised(path: path))
        }
        throw StoreError(
          .needsMigration(path: path, found: version, required: Schema.currentVersion))
      }
      return try DatabasePool(readingFrom: path, firstReader: connection)
    } catch let error as SQLiteError where ResultCode.notADatabase ~= error.code {
      throw StoreError(.notADatabase(path: path))
    } catch let error as SQLiteError {
      throw StoreError(.database(error))
    }
  }

  /// Refuses files that are not SQLite databases before SQLite touches them (opening one
  /// in WAL mode would otherwise create `-wal`/`-shm` files beside it).
  /// Returns false for an empty file (which a writer initialises).
  @discardableResult
  private static func checkHeader(path: String) throws -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return true }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    if header.isEmpty { return false }  // an empty file becomes a new database
    guard header.elementsEqual(Array("SQLite format 3\u{0}".utf8)) else {
      throw StoreError(.notADatabase(path: path))
    }
    return true
  }

  /// Refuses another application's database, or one written by a newer binary, before
  /// anything (such as switching it to WAL) touches the file: read-only.
  private static func checkOwnership(path: String) throws {
    do {
      let connection = try Connection(path: path, mode: .readOnly)
      try checkMark(connection, path: path)
    } catch let error as SQLiteError where ResultCode.notADatabase ~= error.code {
      throw StoreError(.notADatabase(path: path))
    } catch let error as SQLiteError {
      throw StoreError(.database(error))
    }
  }

  /// Throws unless the database is ours (or empty) and not newer than this binary.
  private static func checkMark(_ db: Connection, path: String) throws {
    // One snapshot for the three reads: outside a transaction each would see the file as
    // it is then, and a writer migrating a new file between them (another store opening
    // it at the same moment) would show an unmarked file with tables, refused as another
    // application's. Inside the migration's transaction this nests as a savepoint.
    let (applicationID, version, tableCount) = try db.transaction(.deferred) {
      (
        try db.applicationID(), try db.userVersion(),
        try db.scalarInt("SELECT count(*) FROM sqlite_schema") ?? 0
      )
    }
    if applicationID != Schema.applicationID {
      guard applicationID == 0, version == 0, tableCount == 0 else {
        throw StoreError(.foreignDatabase(path: path, applicationID: applicationID))
      }
    }
    guard version <= Schema.currentVersion else {
      throw StoreError(
        .newerSchema(path: path, found: version, supported: Schema.currentVersion))
    }
  }

  /// Applies the migrations the file lacks, in one `IMMEDIATE` transaction together with
  /// the mark and the new `user_version`; the version is read inside that transaction, so
  /// two processes opening a new file at once migrate it once.
  private func migrate() throws {
    try wrapping {
      try pool.writeWithoutTransaction { db in
        try db.transaction(.immediate) {
          try Self.checkMark(db, path: path)
          let version = try db.userVersion()
          guard version < Schema.currentVersion else { return }
          for index in version..<Schema.currentVersion {
            try db.execute(Schema.migrations[index])
          }
          try db.setApplicationID(Schema.applicationID)
          try db.setUserVersion(Schema.currentVersion)
        }
      }
    }
  }

  /// The SQL statements run by reads since the store opened (``SQLite/DatabasePool/readStatementCount``):
  /// tests bound it to prove a request's queries do not grow with its lists (no N+1).
  public var readStatementCount: Int { pool.readStatementCount }

  /// Runs `body` so that every read it makes through this store (on this thread) sees
  /// one snapshot of committed data, in one read transaction
  /// (``SQLite/DatabasePool/snapshot(_:)``).
  ///
  /// Why: a request answered by many reads, such as a GraphQL query whose resolvers each
  /// read, must answer from one state of the database even when an ingest commits while
  /// it runs; one transaction is also cheaper than one per read.
  ///
  /// - Throws: what `body` throws, or ``StoreError`` when the read transaction cannot begin.
  public func snapshot<T>(_ body: () throws -> T) throws -> T {
    try wrapping { try pool.snapshot(body) }
  }

  /// The schema version of the open database.
  public func schemaVersion() throws -> Int {
    try wrapping { try pool.read { try $0.userVersion() } }
  }

  /// Runs `body`, turning SQLite errors into ``StoreError`` (a write attempted through a
  /// read-only store becomes ``StoreError/Reason/readOnlyStore(path:)``).
  func wrapping<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as SQLiteError where pool.isReadOnly && ResultCode.readOnly ~= error.code {
      throw StoreError(.readOnlyStore(path: path))
    } catch let error as SQLiteError where ResultCode.notADatabase ~= error.code {
      throw StoreError(.notADatabase(path: path))
    } catch let error as SQLiteError {
      throw StoreError(.database(error))
    }
  }
}
