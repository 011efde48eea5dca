/// Prepared statements kept for reuse, keyed by their SQL text.
///
/// A thread-unsafe cache owned by one ``Connection`` (GRDB's `StatementCache`).
/// Statements that fail are removed by the connection so they are never reused.
struct StatementCache {
  private var statements: [String: Statement] = [:]

  /// The statement prepared for `sql`, if any.
  subscript(sql: String) -> Statement? {
    get { statements[sql] }
    set { statements[sql] = newValue }
  }

  /// How many statements are cached.
  var count: Int { statements.count }

  /// Finalizes every cached statement (when nothing else holds them).
  mutating func removeAll() { statements.removeAll() }
}
