/// Transactions that commit when their closure returns and roll back when it throws.
extension Connection {
  /// Runs `body` in a transaction: commits when it returns, rolls back when it throws
  /// and rethrows that first error (even if the rollback also fails).
  ///
  /// Inside an open transaction this nests as a savepoint, so helpers can be composed.
  ///
  /// For example:
  /// ```swift
  /// let count = try connection.transaction(.immediate) {
  ///   try connection.run("INSERT INTO t(name) VALUES (?)", ["a"])
  ///   return connection.changes
  /// }
  /// ```
  ///
  /// Related SQLite documentation: <https://www.sqlite.org/lang_transaction.html>,
  /// <https://www.sqlite.org/lang_savepoint.html>
  public func transaction<T>(_ kind: TransactionKind = .deferred, _ body: () throws -> T) throws
    -> T
  {
    if isInsideTransaction { return try savepoint(body) }
    try execute("BEGIN \(kind.rawValue) TRANSACTION")
    let result: T
    do {
      result = try body()
    } catch {
      rollbackQuietly("ROLLBACK TRANSACTION")
      throw error
    }
    do {
      try execute("COMMIT TRANSACTION")
    } catch {
      rollbackQuietly("ROLLBACK TRANSACTION")
      throw error
    }
    return result
  }

  /// Runs `body` inside a savepoint, released on return, rolled back on throw.
  public func savepoint<T>(_ body: () throws -> T) throws -> T {
    let name = "sqlite_swift_savepoint"
    try execute("SAVEPOINT \(name)")
    let result: T
    do {
      result = try body()
    } catch {
      rollbackQuietly("ROLLBACK TO SAVEPOINT \(name); RELEASE SAVEPOINT \(name)")
      throw error
    }
    try execute("RELEASE SAVEPOINT \(name)")
    return result
  }

  /// Rolls back, ignoring a failure: the caller is already reporting the first error,
  /// and SQLite may have rolled back by itself (for example after `SQLITE_FULL`).
  private func rollbackQuietly(_ sql: String) {
    guard isInsideTransaction else { return }
    try? execute(sql)
  }
}
