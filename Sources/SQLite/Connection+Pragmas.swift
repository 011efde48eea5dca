import Foundation

/// Pragmas the project sets on its connections.
///
/// Related SQLite documentation: <https://www.sqlite.org/pragma.html>
extension Connection {
  /// Switches the database to write-ahead logging, so readers never block the writer and
  /// see only committed data.
  ///
  /// - Throws: ``SQLiteError`` when the journal mode cannot be changed (for example on a
  ///   read-only connection or inside a transaction).
  ///   <https://www.sqlite.org/wal.html>
  /// - Parameter busyTimeout: how long, in milliseconds, to keep trying while another
  ///   connection to a new file holds a lock. Changing the journal mode needs an exclusive
  ///   lock, and SQLite reports `SQLITE_BUSY` at once, without the busy handler, when
  ///   waiting could deadlock (several processes or stores opening one new file together).
  public func enableWriteAheadLog(busyTimeout: Int32 = 0) throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(busyTimeout))
    var mode: String?
    while true {
      do {
        mode = try scalarString("PRAGMA journal_mode = WAL")
        break
      } catch let error where ResultCode.busy ~= error && ContinuousClock.now < deadline {
        Thread.sleep(forTimeInterval: 0.005)
      }
    }
    guard mode?.lowercased() == "wal" || path == ":memory:" || path.isEmpty else {
      throw SQLiteError(
        code: .error, message: "could not enable WAL (journal_mode is \(mode ?? "unknown"))",
        sql: "PRAGMA journal_mode = WAL")
    }
  }

  /// The value of `PRAGMA user_version`, the schema version an application stores.
  public func userVersion() throws -> Int {
    Int(try scalarInt("PRAGMA user_version") ?? 0)
  }

  /// Sets `PRAGMA user_version`.
  public func setUserVersion(_ version: Int) throws {
    try execute("PRAGMA user_version = \(version)")
  }

  /// The value of `PRAGMA application_id`, which tells which application owns the file.
  /// <https://www.sqlite.org/fileformat.html#application_id>
  public func applicationID() throws -> Int32 {
    Int32(truncatingIfNeeded: try scalarInt("PRAGMA application_id") ?? 0)
  }

  /// Sets `PRAGMA application_id`.
  public func setApplicationID(_ id: Int32) throws {
    try execute("PRAGMA application_id = \(id)")
  }

  /// Turns foreign key enforcement on or off (off by default in SQLite).
  public func setForeignKeysEnabled(_ enabled: Bool) throws {
    try execute("PRAGMA foreign_keys = \(enabled ? "ON" : "OFF")")
  }

  /// Reads the first page so that a file that is not a SQLite database fails now with
  /// `SQLITE_NOTADB`, not at the first real query.
  public func checkIsDatabase() throws {
    _ = try scalarInt("SELECT count(*) FROM sqlite_schema")
  }
}
