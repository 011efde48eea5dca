import CSQLite

/// A SQLite result code, primary or extended.
///
/// An open set, as SQLite adds codes over time: a `RawRepresentable` struct with
/// `static let` members rather than a closed enum. A primary code pattern-matches its
/// extended codes, so `catch SQLiteError.constraint` also catches
/// `SQLITE_CONSTRAINT_UNIQUE`.
///
/// Related SQLite documentation: <https://www.sqlite.org/rescode.html>
public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  /// The numeric code as SQLite returns it.
  public let rawValue: Int32

  /// Wraps a code returned by a SQLite call.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// The primary code: the low eight bits of an extended code.
  public var primaryResultCode: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

  /// SQLite's English text for the code (`sqlite3_errstr`).
  public var description: String {
    guard let text = sqlite3_errstr(rawValue) else { return "code \(rawValue)" }
    return "\(String(cString: text)) (code \(rawValue))"
  }

  /// Matches when `pattern` is equal to `code`, or when `pattern` is a primary code
  /// and `code` is one of its extended codes.
  public static func ~= (pattern: ResultCode, code: ResultCode) -> Bool {
    if pattern == code { return true }
    return pattern.rawValue == pattern.primaryResultCode.rawValue
      && pattern == code.primaryResultCode
  }

  // MARK: - Primary codes
  // Named after SQLite's `SQLITE_*` constants (https://www.sqlite.org/rescode.html#primary_result_code_list).

  public static let ok = ResultCode(rawValue: SQLITE_OK)
  public static let error = ResultCode(rawValue: SQLITE_ERROR)
  public static let `internal` = ResultCode(rawValue: SQLITE_INTERNAL)
  public static let permission = ResultCode(rawValue: SQLITE_PERM)
  public static let abort = ResultCode(rawValue: SQLITE_ABORT)
  public static let busy = ResultCode(rawValue: SQLITE_BUSY)
  public static let locked = ResultCode(rawValue: SQLITE_LOCKED)
  public static let noMemory = ResultCode(rawValue: SQLITE_NOMEM)
  public static let readOnly = ResultCode(rawValue: SQLITE_READONLY)
  public static let interrupt = ResultCode(rawValue: SQLITE_INTERRUPT)
  public static let ioError = ResultCode(rawValue: SQLITE_IOERR)
  public static let corrupt = ResultCode(rawValue: SQLITE_CORRUPT)
  public static let notFound = ResultCode(rawValue: SQLITE_NOTFOUND)
  public static let full = ResultCode(rawValue: SQLITE_FULL)
  public static let cannotOpen = ResultCode(rawValue: SQLITE_CANTOPEN)
  public static let `protocol` = ResultCode(rawValue: SQLITE_PROTOCOL)
  public static let schema = ResultCode(rawValue: SQLITE_SCHEMA)
  public static let tooBig = ResultCode(rawValue: SQLITE_TOOBIG)
  public static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
  public static let mismatch = ResultCode(rawValue: SQLITE_MISMATCH)
  public static let misuse = ResultCode(rawValue: SQLITE_MISUSE)
  public static let range = ResultCode(rawValue: SQLITE_RANGE)
  public static let notADatabase = ResultCode(rawValue: SQLITE_NOTADB)
  public static let row = ResultCode(rawValue: SQLITE_ROW)
  public static let done = ResultCode(rawValue: SQLITE_DONE)

  // MARK: - Extended codes used by this project

  /// A `UNIQUE` constraint failed (`SQLITE_CONSTRAINT_UNIQUE`).
  public static let constraintUnique = ResultCode(rawValue: SQLITE_CONSTRAINT | (8 << 8))
  /// A `PRIMARY KEY` constraint failed (`SQLITE_CONSTRAINT_PRIMARYKEY`).
  public static let constraintPrimaryKey = ResultCode(rawValue: SQLITE_CONSTRAINT | (6 << 8))
  /// A `NOT NULL` constraint failed (`SQLITE_CONSTRAINT_NOTNULL`).
  public static let constraintNotNull = ResultCode(rawValue: SQLITE_CONSTRAINT | (5 << 8))
  /// A `FOREIGN KEY` constraint failed (`SQLITE_CONSTRAINT_FOREIGNKEY`).
  public static let constraintForeignKey = ResultCode(rawValue: SQLITE_CONSTRAINT | (3 << 8))
  /// A write was attempted on a read-only connection (`SQLITE_READONLY_DBMOVED` etc. share
  /// the primary code; this is the plain one).
  public static let readOnlyDatabase = ResultCode(rawValue: SQLITE_READONLY)

  /// Matches an error by its (primary or extended) result code:
  /// `catch SQLiteError.constraint`.
  public static func ~= (pattern: ResultCode, error: any Error) -> Bool {
    guard let error = error as? SQLiteError else { return false }
    return pattern ~= error.code
  }

}
