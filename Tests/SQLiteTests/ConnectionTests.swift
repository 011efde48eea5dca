import Foundation
import Testing

@testable import SQLite

@Suite struct ConnectionTests {
  @Test func bindsAndReadsEveryStorageClass() throws {
    let connection = try Connection(path: ":memory:")
    try connection.execute("CREATE TABLE t(i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
    let insert = try connection.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)")
    try insert.bind(Int64.max, at: 1)
    try insert.bind(2.5, at: 2)
    try insert.bind("héllo, \u{0}wörld", at: 3)
    try insert.bind(SQLiteValue.blob([0, 1, 255]), at: 4)
    try insert.bind(String?.none, at: 5)
    try insert.execute()

    let rows = try connection.query("SELECT i, r, s, b, n FROM t") { row in
      (row.int64(at: 0), row.double(at: 1), row.string(at: 2), row.blob(at: 3), row.string(at: 4))
    }
    #expect(rows.count == 1)
    let row = try #require(rows.first)
    #expect(row.0 == Int64.max)
    #expect(row.1 == 2.5)
    #expect(row.2 == "héllo, \u{0}wörld")  // bound with its length: NUL kept
    #expect(row.3 == [0, 1, 255])
    #expect(row.4 == nil)
  }

  @Test func emptyBlobReadsAsEmptyNotNull() throws {
    let connection = try Connection(path: ":memory:")
    let values = try connection.query("SELECT ?, ?", [.blob([]), .null]) { row in
      (row.blob(at: 0), row.blob(at: 1), row.value(at: 1))
    }
    #expect(values.first?.0 == [])
    #expect(values.first?.1 == nil)
    #expect(values.first?.2 == .null)
  }

  @Test func constraintViolationNamesTheSQLAndExtendedCode() throws {
    let connection = try Connection(path: ":memory:")
    try connection.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
    try connection.run("INSERT INTO t(name) VALUES (?)", ["secret-value"])
    let sql = "INSERT INTO t(name) VALUES (?)"
    let error = try #require(throws: SQLiteError.self) {
      try connection.run(sql, ["secret-value"])
    }
    #expect(error.code == .constraintUnique)
    #expect(ResultCode.constraint ~= error.code)
    #expect(error.sql == sql)
    #expect(error.description.contains(sql))
    #expect(error.description.contains("UNIQUE constraint failed: t.name"))
    #expect(!error.description.contains("secret-value"))
  }

  @Test func catchesByPrimaryCodePattern() throws {
    let connection = try Connection(path: ":memory:")
    try connection.execute("CREATE TABLE t(id INTEGER NOT NULL)")
    var caught = false
    do {
      try connection.run("INSERT INTO t(id) VALUES (NULL)")
    } catch SQLiteError.constraint {
      caught = true
    } catch {
      Issue.record("unexpected error \(error)")
    }
    #expect(caught)
  }

  @Test func syntaxErrorNamesTheSQL() throws {
    let connection = try Connection(path: ":memory:")
    let error = try #require(throws: SQLiteError.self) {
      _ = try connection.prepare("SELEC 1")
    }
    #expect(error.code == .error)
    #expect(error.sql == "SELEC 1")
    #expect(error.message.contains("syntax error"))
  }

  @Test func bindingOutOfRangeIsAnError() throws {
    let connection = try Connection(path: ":memory:")
    let statement = try connection.prepare("SELECT ?")
    let error = try #require(throws: SQLiteError.self) { try statement.bind(1, at: 2) }
    #expect(error.code == .range)
  }

  @Test func cachedStatementsAreReusedAndFailedOnesEvicted() throws {
    let connection = try Connection(path: ":memory:")
    try connection.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)")
    let sql = "INSERT INTO t(id) VALUES (?)"
    let first = try connection.cachedStatement(sql)
    try first.bind(1, at: 1)
    try first.execute()
    let second = try connection.cachedStatement(sql)
    #expect(first === second)
    #expect(second.isNull(at: 0))  // bindings were cleared
    try second.bind(1, at: 1)
    #expect(throws: SQLiteError.self) { try second.execute() }
    let third = try connection.cachedStatement(sql)
    #expect(third !== second)
    #expect(try connection.scalarInt("SELECT count(*) FROM t") == 1)
  }

  @Test func openingAFileThatIsNotADatabaseFails() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("not-a-db.sqlite")
    try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
    let connection = try Connection(path: path)
    let error = try #require(throws: SQLiteError.self) { try connection.checkIsDatabase() }
    #expect(error.code == .notADatabase)
  }

  @Test func openingAMissingFileReadOnlyFails() throws {
    let directory = try TemporaryDirectory()
    let error = try #require(throws: SQLiteError.self) {
      _ = try Connection(path: directory.path("missing.sqlite"), mode: .readOnly)
    }
    #expect(error.code == .cannotOpen)
    #expect(error.message.contains("missing.sqlite"))
  }

  @Test func pragmasRoundTrip() throws {
    let connection = try Connection(path: ":memory:")
    try connection.setUserVersion(7)
    try connection.setApplicationID(0x6462_746D)
    #expect(try connection.userVersion() == 7)
    #expect(try connection.applicationID() == 0x6462_746D)
  }
}
