import Testing

@testable import SQLite

@Suite struct TransactionTests {
  struct Expected: Error {}

  func makeConnection() throws -> Connection {
    let connection = try Connection(path: ":memory:")
    try connection.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)")
    return connection
  }

  @Test func commitsWhenTheBodyReturns() throws {
    let connection = try makeConnection()
    let changed = try connection.transaction {
      try connection.run("INSERT INTO t(id) VALUES (1)")
      return connection.changes
    }
    #expect(changed == 1)
    #expect(!connection.isInsideTransaction)
    #expect(try connection.scalarInt("SELECT count(*) FROM t") == 1)
  }

  @Test func rollsBackAndRethrowsWhenTheBodyThrows() throws {
    let connection = try makeConnection()
    #expect(throws: Expected.self) {
      try connection.transaction(.immediate) {
        try connection.run("INSERT INTO t(id) VALUES (1)")
        throw Expected()
      }
    }
    #expect(!connection.isInsideTransaction)
    #expect(try connection.scalarInt("SELECT count(*) FROM t") == 0)
  }

  @Test func rollsBackWhenAStatementFails() throws {
    let connection = try makeConnection()
    #expect(throws: SQLiteError.self) {
      try connection.transaction {
        try connection.run("INSERT INTO t(id) VALUES (1)")
        try connection.run("INSERT INTO t(id) VALUES (1)")
      }
    }
    #expect(try connection.scalarInt("SELECT count(*) FROM t") == 0)
  }

  @Test func nestedTransactionsAreSavepoints() throws {
    let connection = try makeConnection()
    try connection.transaction {
      try connection.run("INSERT INTO t(id) VALUES (1)")
      #expect(throws: Expected.self) {
        try connection.transaction {
          try connection.run("INSERT INTO t(id) VALUES (2)")
          throw Expected()
        }
      }
      try connection.run("INSERT INTO t(id) VALUES (3)")
    }
    let ids = try connection.query("SELECT id FROM t ORDER BY id") { $0.int(at: 0) }
    #expect(ids == [1, 3])
  }
}
