/// An error reported by SQLite: the extended result code, SQLite's message, and the SQL
/// that failed.
///
/// Bound values are deliberately not part of the error, so a description can go to a log
/// without leaking data (GRDB's `DatabaseError` does the same by default).
///
/// For example:
/// ```swift
/// do { try connection.execute("INSERT INTO t(id) VALUES (1)") }
/// catch let error as SQLiteError where ResultCode.constraint ~= error.code { ... }
/// ```
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/errcode.html>
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
  /// The extended result code (`sqlite3_extended_errcode`).
  public let code: ResultCode
  /// SQLite's message (`sqlite3_errmsg`) or this wrapper's explanation.
  public let message: String
  /// The statement that failed, if any.
  public let sql: String?

  /// Creates an error; `sql` is the statement text, never its bound values.
  public init(code: ResultCode, message: String, sql: String? = nil) {
    self.code = code
    self.message = message
    self.sql = sql
  }

  /// "SQLite error 2067 (UNIQUE constraint failed: t.id) while executing `INSERT ...`".
  public var description: String {
    var text = "SQLite error \(code.rawValue): \(message)"
    if let sql { text += " (while executing `\(sql)`)" }
    return text
  }

  // MARK: - Codes as patterns, for `catch SQLiteError.constraint`

  public static let constraint = ResultCode.constraint
  public static let busy = ResultCode.busy
  public static let readOnly = ResultCode.readOnly
  public static let notADatabase = ResultCode.notADatabase
}
