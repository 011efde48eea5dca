/// How a transaction takes its locks.
///
/// Related SQLite documentation: <https://www.sqlite.org/lang_transaction.html>
public enum TransactionKind: String, Sendable {
  /// Locks on first read or write (SQLite's default).
  case deferred = "DEFERRED"
  /// Takes the write lock at `BEGIN`, so a writer fails early rather than mid-way.
  case immediate = "IMMEDIATE"
  /// Like immediate; in WAL mode the same as immediate.
  case exclusive = "EXCLUSIVE"
}
