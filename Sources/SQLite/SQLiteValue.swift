/// A value as SQLite stores it: one of its five storage classes.
///
/// Related SQLite documentation: <https://www.sqlite.org/datatype3.html>
public enum SQLiteValue: Hashable, Sendable {
  /// SQL `NULL`.
  case null
  /// A signed 64-bit integer.
  case integer(Int64)
  /// An IEEE 754 double.
  case real(Double)
  /// UTF-8 text.
  case text(String)
  /// Bytes, stored as given.
  case blob([UInt8])
}

/// A Swift type that binds as a SQLite value.
public protocol SQLiteValueConvertible {
  /// The value to bind.
  var sqliteValue: SQLiteValue { get }
}

extension Int: SQLiteValueConvertible {
  public var sqliteValue: SQLiteValue { .integer(Int64(self)) }
}

extension Int64: SQLiteValueConvertible {
  public var sqliteValue: SQLiteValue { .integer(self) }
}

extension Int32: SQLiteValueConvertible {
  public var sqliteValue: SQLiteValue { .integer(Int64(self)) }
}

extension Bool: SQLiteValueConvertible {
  public var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) }
}

extension Double: SQLiteValueConvertible {
  public var sqliteValue: SQLiteValue { .real(self) }
}

extension String: SQLiteValueConvertible {
  public var sqliteValue: SQLiteValue { .text(self) }
}

extension Array: SQLiteValueConvertible where Element == UInt8 {
  public var sqliteValue: SQLiteValue { .blob(self) }
}

extension SQLiteValue: SQLiteValueConvertible {
  public var sqliteValue: SQLiteValue { self }
}

extension Optional: SQLiteValueConvertible where Wrapped: SQLiteValueConvertible {
  public var sqliteValue: SQLiteValue { self?.sqliteValue ?? .null }
}

extension SQLiteValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral,
  ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
  public init(integerLiteral value: Int64) { self = .integer(value) }
  public init(stringLiteral value: String) { self = .text(value) }
  public init(floatLiteral value: Double) { self = .real(value) }
  public init(nilLiteral: ()) { self = .null }
}
