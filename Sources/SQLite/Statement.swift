import CSQLite

/// A prepared statement: typed binding, stepping and column reading.
///
/// Like its ``Connection``, a statement is not `Sendable`; it must only be used while its
/// connection is alive and from the thread that uses the connection. Parameters are
/// numbered from 1, columns from 0, as in SQLite's C API.
///
/// For example:
/// ```swift
/// let select = try connection.cachedStatement("SELECT id, name FROM t WHERE id > ?")
/// try select.bind(10, at: 1)
/// while try select.step() { print(select.int64(at: 0), select.string(at: 1) ?? "") }
/// ```
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/stmt.html>
public final class Statement {
  /// The raw handle, an escape hatch for calls this wrapper does not cover.
  public let sqliteStatement: OpaquePointer
  /// The SQL text the statement was prepared from.
  public let sql: String
  unowned let connection: Connection

  init(connection: Connection, sql: String, persistent: Bool) throws {
    var handle: OpaquePointer?
    let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
    let code = sqlite3_prepare_v3(connection.sqliteConnection, sql, -1, flags, &handle, nil)
    guard code == SQLITE_OK, let handle else {
      sqlite3_finalize(handle)
      throw SQLiteError(
        code: connection.lastErrorCode(or: code == SQLITE_OK ? SQLITE_MISUSE : code),
        message: code == SQLITE_OK ? "no statement in SQL" : connection.lastErrorMessage,
        sql: sql)
    }
    self.sqliteStatement = handle
    self.sql = sql
    self.connection = connection
  }

  deinit { sqlite3_finalize(sqliteStatement) }

  // MARK: - Binding

  /// Binds one value to the 1-based parameter `index`.
  ///
  /// - Throws: ``SQLiteError`` with `SQLITE_RANGE` when the index is out of range.
  public func bind(_ value: SQLiteValue, at index: Int32) throws {
    let code: Int32
    switch value {
    case .null: code = sqlite3_bind_null(sqliteStatement, index)
    case .integer(let number): code = sqlite3_bind_int64(sqliteStatement, index, number)
    case .real(let number): code = sqlite3_bind_double(sqliteStatement, index, number)
    case .text(let text):
      code = bindText(text, at: index)
    case .blob(let bytes):
      code = bytes.withUnsafeBytes { buffer in
        sqlite3_bind_blob64(
          sqliteStatement, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
          sqlite3_uint64(buffer.count), csqlite_transient())
      }
    }
    try check(code)
  }

  /// Binds an integer.
  public func bind(_ value: Int, at index: Int32) throws {
    try check(sqlite3_bind_int64(sqliteStatement, index, Int64(value)))
  }

  /// Binds a 64-bit integer.
  public func bind(_ value: Int64, at index: Int32) throws {
    try check(sqlite3_bind_int64(sqliteStatement, index, value))
  }

  /// Binds a double.
  public func bind(_ value: Double, at index: Int32) throws {
    try check(sqlite3_bind_double(sqliteStatement, index, value))
  }

  /// Binds text (SQLite copies it).
  public func bind(_ value: String, at index: Int32) throws {
    try check(bindText(value, at: index))
  }

  /// Binds UTF-8 text given as bytes, without making a `String` first (for large JSON
  /// texts copied straight from an artifact). SQLite copies the bytes.
  public func bind(utf8 bytes: ArraySlice<UInt8>, at index: Int32) throws {
    let code = bytes.withUnsafeBufferPointer { buffer in
      sqlite3_bind_text64(
        sqliteStatement, index,
        UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1))?
          .assumingMemoryBound(to: CChar.self),
        sqlite3_uint64(buffer.count), csqlite_transient(), UInt8(SQLITE_UTF8))
    }
    try check(code)
  }

  /// Binds UTF-8 text given as bytes without copying them, runs `body` (which steps the
  /// statement), then binds NULL in their place.
  ///
  /// Why: SQLite copies bound text (``bind(utf8:at:)``) before copying it again into the
  /// record it inserts; for the definitions' JSON (36 MB on a 10,000-node first load) the
  /// first copy and its allocation are saved when the bytes stay valid while SQLite reads
  /// them, which is what the closure guarantees.
  /// <https://www.sqlite.org/c3ref/bind_blob.html> (`SQLITE_STATIC`)
  public func withBound<Result>(
    utf8 bytes: ArraySlice<UInt8>, at index: Int32, _ body: () throws -> Result
  ) throws -> Result {
    try bytes.withUnsafeBufferPointer { buffer in
      try check(
        sqlite3_bind_text64(
          sqliteStatement, index,
          UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1))?
            .assumingMemoryBound(to: CChar.self),
          sqlite3_uint64(buffer.count), nil, UInt8(SQLITE_UTF8)))
      defer { sqlite3_bind_null(sqliteStatement, index) }
      return try body()
    }
  }

  /// Binds an optional value of any supported type; `nil` binds NULL.
  ///
  /// Inlinable so callers in other modules get a specialized copy: the ingester binds
  /// hundreds of thousands of values, and the unspecialized generic path looked up type
  /// metadata for each.
  @inlinable
  public func bind<Value: SQLiteValueConvertible>(_ value: Value?, at index: Int32) throws {
    try bind(value?.sqliteValue ?? .null, at: index)
  }

  /// Binds `values` to parameters 1, 2, ... in order.
  public func bind(_ values: [SQLiteValue]) throws {
    for (offset, value) in values.enumerated() {
      try bind(value, at: Int32(offset + 1))
    }
  }

  /// Binds text with its UTF-8 length, so text with an embedded NUL is kept whole.
  private func bindText(_ text: String, at index: Int32) -> Int32 {
    var text = text
    return text.withUTF8 { buffer in
      sqlite3_bind_text64(
        sqliteStatement, index,
        UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1))?
          .assumingMemoryBound(to: CChar.self),
        sqlite3_uint64(buffer.count), csqlite_transient(), UInt8(SQLITE_UTF8))
    }
  }

  /// Resets the statement so it can run again, and clears its bindings.
  public func reset() {
    // The return code of reset repeats the last step's error, which was already reported.
    sqlite3_reset(sqliteStatement)
    sqlite3_clear_bindings(sqliteStatement)
  }

  // MARK: - Stepping

  /// Advances to the next row: `true` when a row is available, `false` when done.
  ///
  /// - Throws: ``SQLiteError`` (with this statement's SQL) on failure; the statement is
  ///   then dropped from its connection's cache.
  @discardableResult
  public func step() throws -> Bool {
    // A statement not yet stepped since its reset starts a new execution: counted, so
    // tests can bound the statements a request runs (no N+1 queries).
    if sqlite3_stmt_busy(sqliteStatement) == 0 { connection.statementsStarted += 1 }
    switch sqlite3_step(sqliteStatement) {
    case SQLITE_ROW: return true
    case SQLITE_DONE:
      sqlite3_reset(sqliteStatement)
      return false
    case let code:
      let error = SQLiteError(
        code: connection.lastErrorCode(or: code), message: connection.lastErrorMessage, sql: sql)
      sqlite3_reset(sqliteStatement)
      connection.statementDidFail(self)
      throw error
    }
  }

  /// Runs the statement to completion, ignoring rows, then resets it.
  public func execute() throws {
    while try step() {}
  }

  // MARK: - Reading columns (0-based)

  /// The number of columns in a result row.
  public var columnCount: Int32 { sqlite3_column_count(sqliteStatement) }

  /// The name of a result column.
  public func columnName(at index: Int32) -> String {
    sqlite3_column_name(sqliteStatement, index).map { String(cString: $0) } ?? ""
  }

  /// Whether the column's value in the current row is NULL.
  public func isNull(at index: Int32) -> Bool {
    sqlite3_column_type(sqliteStatement, index) == SQLITE_NULL
  }

  /// The column as an integer (0 for NULL).
  public func int(at index: Int32) -> Int { Int(sqlite3_column_int64(sqliteStatement, index)) }

  /// The column as a 64-bit integer (0 for NULL).
  public func int64(at index: Int32) -> Int64 { sqlite3_column_int64(sqliteStatement, index) }

  /// The column as a double (0 for NULL).
  public func double(at index: Int32) -> Double { sqlite3_column_double(sqliteStatement, index) }

  /// The column as text, or `nil` for NULL.
  public func string(at index: Int32) -> String? {
    guard let text = sqlite3_column_text(sqliteStatement, index) else { return nil }
    let count = Int(sqlite3_column_bytes(sqliteStatement, index))
    return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
  }

  /// The column as bytes, or `nil` for NULL (an empty blob reads as `[]`).
  public func blob(at index: Int32) -> [UInt8]? {
    if isNull(at: index) { return nil }
    let count = Int(sqlite3_column_bytes(sqliteStatement, index))
    guard count > 0, let bytes = sqlite3_column_blob(sqliteStatement, index) else { return [] }
    return Array(UnsafeRawBufferPointer(start: bytes, count: count))
  }

  /// The column as an optional integer (`nil` for NULL).
  public func optionalInt64(at index: Int32) -> Int64? {
    isNull(at: index) ? nil : int64(at: index)
  }

  /// The column as an optional double (`nil` for NULL).
  public func optionalDouble(at index: Int32) -> Double? {
    isNull(at: index) ? nil : double(at: index)
  }

  /// The column as a dynamically typed value.
  public func value(at index: Int32) -> SQLiteValue {
    switch sqlite3_column_type(sqliteStatement, index) {
    case SQLITE_INTEGER: return .integer(int64(at: index))
    case SQLITE_FLOAT: return .real(double(at: index))
    case SQLITE_TEXT: return .text(string(at: index) ?? "")
    case SQLITE_BLOB: return .blob(blob(at: index) ?? [])
    default: return .null
    }
  }

  /// Throws for a failed bind, naming the SQL (bound values stay out of the error).
  private func check(_ code: Int32) throws {
    guard code == SQLITE_OK else {
      throw SQLiteError(
        code: connection.lastErrorCode(or: code), message: connection.lastErrorMessage, sql: sql)
    }
  }
}

@available(*, unavailable, message: "a statement must be used from its connection's thread")
extension Statement: Sendable {}
