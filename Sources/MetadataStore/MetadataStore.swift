import Foundation
import SQLite

/// The dbt metadata database: schema and migrations, the ingester, and the read queries
/// the API serves.
///
/// One writer (ingest) and a pool of read-only readers over one SQLite file in WAL mode.
/// Opening checks that the file is ours (`application_id`) and not newer than this binary
/// (`user_version`), then applies pending migrations.
///
/// For example:
/// ```swift
/// let store = try MetadataStore(path: "metadata.sqlite")
/// let summary = try store.ingest(request)
/// let runs = try store.runs(jobID: 1)
/// ```
public final class MetadataStore: Sendable {
  /// The database file.
  public let path: String
  let pool: DatabasePool

  /// Opens the database at `path`, creating and initialising it when `create` is true and
  /// the file is missing or empty.
  ///
  /// - Throws: ``StoreError`` when the file is missing (and `create` is false), is not a
  ///   SQLite database, belongs to another application, or was written by a newer binary.
  public init(path: String, create: Bool = true) throws {
    self.path = path
    let exists = FileManager.default.fileExists(atPath: path)
    if !exists && !create { throw StoreError(.missingDatabase(path: path)) }
    if exists {
      try MetadataStore.checkHeader(path: path)
      try MetadataStore.checkOwnership(path: path)
    }
    do {
      pool = try DatabasePool(path: path, pageSize: Schema.pageSize)
    } catch let error as SQLiteError where ResultCode.notADatabase ~= error.code {
      throw StoreError(.notADatabase(path: path))
    } catch let error as SQLiteError {
      throw StoreError(.database(error))
    }
    try migrate()
  }

  /// Refuses files that are not SQLite databases before SQLite touches them (opening one
  /// in WAL mode would otherwise create `-wal`/`-shm` files beside it).
  private static func checkHeader(path: String) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else { return }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    if header.isEmpty { return }  // an empty file becomes a new database
    guard header.elementsEqual(Array("SQLite format 3\u{0}".utf8)) else {
      throw StoreError(.notADatabase(path: path))
    }
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
    let applicationID = try db.applicationID()
    let version = try db.userVersion()
    let tableCount = try db.scalarInt("SELECT count(*) FROM sqlite_schema") ?? 0
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

  /// The schema version of the open database.
  public func schemaVersion() throws -> Int {
    try wrapping { try pool.read { try $0.userVersion() } }
  }

  /// Runs `body`, turning SQLite errors into ``StoreError``.
  func wrapping<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as SQLiteError where ResultCode.notADatabase ~= error.code {
      throw StoreError(.notADatabase(path: path))
    } catch let error as SQLiteError {
      throw StoreError(.database(error))
    }
  }
}
