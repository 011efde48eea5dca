import Testing

@testable import SQLite

/// The statement counter tests use to bound a request's queries: one count per execution
/// of a statement (its first step after a prepare or reset), whatever the rows it returns.
@Suite struct StatementCountTests {
  @Test func eachExecutionCountsOnceWhateverItsRows() throws {
    let directory = try TemporaryDirectory()
    let pool = try DatabasePool(path: directory.path("count.sqlite"))
    try pool.write { db in
      try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)")
      for id in 1...50 { try db.run("INSERT INTO t(id) VALUES (?)", [.integer(Int64(id))]) }
    }
    #expect(pool.readStatementCount == 0)
    // One statement reading 50 rows, then the same cached statement again, then a scalar.
    let rows = try pool.read { db in try db.query("SELECT id FROM t") { $0.int(at: 0) } }
    #expect(rows.count == 50)
    _ = try pool.read { db in try db.query("SELECT id FROM t") { $0.int(at: 0) } }
    _ = try pool.read { db in try db.scalarInt("SELECT count(*) FROM t") }
    #expect(pool.readStatementCount == 3)
    // Writes are not counted as reads.
    try pool.write { db in try db.run("DELETE FROM t WHERE id = 1") }
    #expect(pool.readStatementCount == 3)
  }

  @Test func aConnectionCountsTheStatementsItStarts() throws {
    let connection = try Connection(path: ":memory:")
    try connection.execute("CREATE TABLE t(x)")
    let before = connection.statementsStarted
    try connection.run("INSERT INTO t(x) VALUES (1)")
    try connection.run("INSERT INTO t(x) VALUES (2)")
    let statement = try connection.prepare("SELECT x FROM t")
    while try statement.step() {}
    #expect(connection.statementsStarted - before == 3)
  }
}
