import CSQLite

/// One SQLite database connection: a thin, owning handle over `sqlite3*`.
///
/// A connection is not thread-safe and is not `Sendable`: use it from one thread at a
/// time, normally through ``DatabasePool``, which serializes the writer and hands each
/// reader to one caller at a time. It is opened `SQLITE_OPEN_NOMUTEX` for that reason.
///
/// For example:
/// ```swift
/// let connection = try Connection(path: "/tmp/example.sqlite")
/// try connection.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)")
/// try connection.transaction {
///   let insert = try connection.cachedStatement("INSERT INTO t(name) VALUES (?)")
///   try insert.bind("alpha", at: 1)
///   try insert.execute()
/// }
/// ```
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/open.html>
public final class Connection {
  /// How a connection opens its file.
  public enum Mode: Sendable {
    /// Read and write; the file is created when missing.
    case readWriteCreate
    /// Read and write; the file must exist.
    case readWrite
    /// Read only; writes fail with `SQLITE_READONLY`.
    case readOnly
  }

  /// The raw handle, an escape hatch for calls this wrapper does not cover.
  public let sqliteConnection: OpaquePointer
  /// The path the connection was opened with.
  public let path: String
  /// Prepared statements kept for reuse, keyed by SQL text.
  var statementCache = StatementCache()
  /// Statement executions started on this connection (each first ``Statement/step()``
  /// after a prepare or reset; `execute(_:)` of unbound SQL is not counted).
  public internal(set) var statementsStarted = 0

  /// Opens a connection.
  ///
  /// - Parameters:
  ///   - path: the database file (`":memory:"` for a private in-memory database).
  ///   - mode: read-write (creating the file or not) or read-only.
  ///   - busyTimeout: milliseconds to wait for a lock held by another connection before
  ///     failing with `SQLITE_BUSY`.
  /// - Throws: ``SQLiteError`` when the file cannot be opened.
  public init(path: String, mode: Mode = .readWriteCreate, busyTimeout: Int32 = 5_000) throws {
    Self.configureLibrary
    var flags = SQLITE_OPEN_NOMUTEX
    switch mode {
    case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    case .readWrite: flags |= SQLITE_OPEN_READWRITE
    case .readOnly: flags |= SQLITE_OPEN_READONLY
    }
    var handle: OpaquePointer?
    let code = sqlite3_open_v2(path, &handle, flags, nil)
    guard code == SQLITE_OK, let handle else {
      // "Whether or not an error occurs when it is opened, resources associated with the
      // database connection handle should be released by passing it to sqlite3_close()
      // when it is no longer required." (sqlite3_open_v2 documentation)
      let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
      let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
      sqlite3_close_v2(handle)
      throw SQLiteError(code: ResultCode(rawValue: extended), message: "\(message): \(path)")
    }
    self.sqliteConnection = handle
    self.path = path
    sqlite3_extended_result_codes(handle, 1)
    sqlite3_busy_timeout(handle, busyTimeout)
  }

  /// Process-wide settings, applied once before the first connection opens: memory
  /// statistics off (``csqlite_disable_memory_statistics``), so concurrent readers do not
  /// contend on SQLite's global allocator mutex. (If another library in the process
  /// initialized SQLite first, the call fails harmlessly and the statistics stay on.)
  private static let configureLibrary: Void = {
    _ = csqlite_disable_memory_statistics()
  }()

  deinit {
    // Statements must be finalized before the connection goes; close_v2 would otherwise
    // keep a zombie connection alive until they are.
    statementCache.removeAll()
    sqlite3_close_v2(sqliteConnection)
  }

  // MARK: - Executing SQL

  /// Runs one or more SQL statements that bind no values and return no rows
  /// (schema changes, pragmas, `BEGIN`/`COMMIT`).
  ///
  /// - Throws: ``SQLiteError`` naming the SQL.
  public func execute(_ sql: String) throws {
    var errorMessage: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(sqliteConnection, sql, nil, nil, &errorMessage)
    guard code == SQLITE_OK else {
      let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
      sqlite3_free(errorMessage)
      throw SQLiteError(code: lastErrorCode(or: code), message: message, sql: sql)
    }
  }

  /// Prepares a new statement owned by the caller (not cached).
  ///
  /// - Throws: ``SQLiteError`` when the SQL does not compile.
  public func prepare(_ sql: String) throws -> Statement {
    try Statement(connection: self, sql: sql, persistent: false)
  }

  /// A prepared statement for `sql`, reused across calls: reset, with bindings cleared.
  ///
  /// Prepared with `SQLITE_PREPARE_PERSISTENT`; use it for statements run many times,
  /// such as the ingester's inserts.
  public func cachedStatement(_ sql: String) throws -> Statement {
    if let statement = statementCache[sql] {
      statement.reset()
      return statement
    }
    let statement = try Statement(connection: self, sql: sql, persistent: true)
    statementCache[sql] = statement
    return statement
  }

  /// Runs `sql` with `arguments` through the statement cache, ignoring any rows.
  public func run(_ sql: String, _ arguments: [SQLiteValue] = []) throws {
    let statement = try cachedStatement(sql)
    try statement.bind(arguments)
    try statement.execute()
  }

  /// Every row of a query, mapped by `row`, through the statement cache.
  public func query<T>(
    _ sql: String, _ arguments: [SQLiteValue] = [], row: (Statement) throws -> T
  ) throws -> [T] {
    let statement = try cachedStatement(sql)
    // Reset however this ends: a statement left stepped keeps its read transaction open
    // after COMMIT, and every later read on the connection would see that old snapshot.
    defer { statement.reset() }
    try statement.bind(arguments)
    var rows: [T] = []
    while try statement.step() { rows.append(try row(statement)) }
    return rows
  }

  /// The first column of the first row of a query, or `nil` when there is no row or the
  /// value is NULL.
  public func scalarInt(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> Int64? {
    let statement = try cachedStatement(sql)
    // Reset on every path (a NULL first row, as `max(id)` of an empty table gives, too):
    // see ``query(_:_:row:)``.
    defer { statement.reset() }
    try statement.bind(arguments)
    guard try statement.step(), !statement.isNull(at: 0) else { return nil }
    return statement.int64(at: 0)
  }

  /// The text of the first column of the first row of a query, if any.
  public func scalarString(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> String? {
    let statement = try cachedStatement(sql)
    defer { statement.reset() }
    try statement.bind(arguments)
    guard try statement.step() else { return nil }
    return statement.string(at: 0)
  }

  // MARK: - State

  /// The rowid of the most recent successful `INSERT` on this connection.
  public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(sqliteConnection) }

  /// Rows changed by the most recent `INSERT`, `UPDATE` or `DELETE`.
  public var changes: Int { Int(sqlite3_changes(sqliteConnection)) }

  /// Rows changed since the connection opened.
  public var totalChanges: Int { Int(sqlite3_total_changes(sqliteConnection)) }

  /// Whether a transaction is open (SQLite is not in autocommit mode).
  public var isInsideTransaction: Bool { sqlite3_get_autocommit(sqliteConnection) == 0 }

  /// Whether the connection cannot write (opened read-only).
  public var isReadOnly: Bool { sqlite3_db_readonly(sqliteConnection, "main") == 1 }

  /// SQLite's message for the most recent failure on this connection.
  var lastErrorMessage: String { String(cString: sqlite3_errmsg(sqliteConnection)) }

  /// The extended code of the most recent failure, or `fallback` when SQLite reports none.
  func lastErrorCode(or fallback: Int32) -> ResultCode {
    let extended = sqlite3_extended_errcode(sqliteConnection)
    return ResultCode(rawValue: extended == SQLITE_OK ? fallback : extended)
  }

  /// Drops a statement whose step failed from the cache, so a broken statement is never
  /// reused (GRDB's `statementDidFail`).
  func statementDidFail(_ statement: Statement) {
    if statementCache[statement.sql] === statement {
      statementCache[statement.sql] = nil
    }
  }
}

@available(*, unavailable, message: "a connection must be used from one thread at a time")
extension Connection: Sendable {}
