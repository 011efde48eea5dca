import SQLite

/// Why the store refused a database file or an ingest: the module's one error type.
///
/// Each case says what was wrong and where (the database path, the run, the ids), so the
/// CLI can print it as one line.
public struct StoreError: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public let reason: Reason

  /// Wraps a reason.
  public init(_ reason: Reason) { self.reason = reason }

  /// The kinds of failure.
  public enum Reason: Sendable {
    /// The file exists but is not a SQLite database.
    case notADatabase(path: String)
    /// The file is a SQLite database of another application (its `application_id`), or
    /// has tables but no dbt-metadata mark.
    case foreignDatabase(path: String, applicationID: Int32)
    /// The file was written by a newer dbt-metadata, whose schema this binary cannot read.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The database file does not exist (for commands that only read).
    case missingDatabase(path: String)
    /// The file is empty or has no dbt-metadata schema yet; a reader does not create it.
    case uninitialised(path: String)
    /// The file has an older schema than this binary reads; a reader does not migrate.
    case needsMigration(path: String, found: Int, required: Int)
    /// A write was asked of a store opened with ``MetadataStore/Access/readOnly``.
    case readOnlyStore(path: String)
    /// An id names a record under another parent (a job of another environment...).
    case hierarchyConflict(String)
    /// The run id exists with other artifacts than the ones given.
    case runConflict(String)
    /// The input cannot be stored as given (no manifest...).
    case invalidInput(String)
    /// SQLite failed.
    case database(SQLiteError)
  }

  /// One line naming the file or ids involved and what was wrong.
  public var description: String {
    switch reason {
    case .notADatabase(let path):
      return "\(path): not a dbt-metadata database (not a SQLite database file)"
    case .foreignDatabase(let path, let applicationID):
      let id = "0x" + String(UInt32(bitPattern: applicationID), radix: 16)
      return "\(path): not a dbt-metadata database (a SQLite file of another application, "
        + "application_id \(id))"
    case .newerSchema(let path, let found, let supported):
      return "\(path): written by a newer dbt-metadata (schema version \(found); "
        + "this binary reads up to \(supported)); upgrade dbt-metadata"
    case .missingDatabase(let path):
      return "\(path): no such database file; \(MetadataStore.writerHint(path: path)) creates it"
    case .uninitialised(let path):
      return "\(path): no dbt-metadata schema yet (empty database); "
        + "\(MetadataStore.writerHint(path: path)) creates it"
    case .needsMigration(let path, let found, let required):
      return "\(path): schema version \(found) is older than this binary's \(required); "
        + "\(MetadataStore.writerHint(path: path)) upgrades it (readers never migrate)"
    case .readOnlyStore(let path):
      return "\(path): the store was opened read-only; writing needs a read-write store"
    case .hierarchyConflict(let message), .runConflict(let message),
      .invalidInput(let message):
      return message
    case .database(let error):
      return "database error: \(error)"
    }
  }
}
