import Foundation
import Testing

@testable import SQLite

@Suite struct DatabasePoolTests {
  struct Expected: Error {}

  @Test func readersSeeCommittedDataOnly() throws {
    let directory = try TemporaryDirectory()
    let pool = try DatabasePool(path: directory.path("pool.sqlite"))
    try pool.write { db in try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)") }
    try pool.write { db in
      try db.run("INSERT INTO t(id) VALUES (1)")
      // The write is not committed yet: a reader sees the snapshot before it.
      let seen = try pool.read { reader in try reader.scalarInt("SELECT count(*) FROM t") }
      #expect(seen == 0)
    }
    #expect(try pool.read { try $0.scalarInt("SELECT count(*) FROM t") } == 1)
  }

  /// A read whose first row is NULL (`max(id)` of an empty table), or whose row decoding
  /// throws, leaves no statement stepped: such a statement kept the reader's snapshot open
  /// after COMMIT, and every later read on that reader saw the empty table forever.
  @Test func readersSeeLaterCommitsAfterANullOrAFailedRead() throws {
    let directory = try TemporaryDirectory()
    let pool = try DatabasePool(path: directory.path("pool.sqlite"))
    try pool.write { db in try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)") }
    #expect(try pool.read { try $0.scalarInt("SELECT max(id) FROM t") } == nil)
    try pool.write { db in try db.run("INSERT INTO t(id) VALUES (1), (2)") }
    #expect(try pool.read { try $0.scalarInt("SELECT max(id) FROM t") } == 2)
    #expect(throws: Expected.self) {
      try pool.read { db in try db.query("SELECT id FROM t") { _ -> Int in throw Expected() } }
    }
    try pool.write { db in try db.run("INSERT INTO t(id) VALUES (3)") }
    #expect(try pool.read { try $0.scalarInt("SELECT count(*) FROM t") } == 3)
  }

  @Test func aFailedWriteLeavesNothing() throws {
    let directory = try TemporaryDirectory()
    let pool = try DatabasePool(path: directory.path("pool.sqlite"))
    try pool.write { db in try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)") }
    #expect(throws: Expected.self) {
      try pool.write { db in
        try db.run("INSERT INTO t(id) VALUES (1)")
        throw Expected()
      }
    }
    #expect(try pool.read { try $0.scalarInt("SELECT count(*) FROM t") } == 0)
  }

  @Test func writeIfIdleSkipsWhileAnotherWriteRuns() throws {
    let directory = try TemporaryDirectory()
    let pool = try DatabasePool(path: directory.path("pool.sqlite"))
    try pool.write { db in try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)") }
    // Inside a write (the writer is taken), an idle-only write does not wait: nil at once.
    let skipped: Void? = try pool.write { _ in
      try pool.writeIfIdle { db in try db.run("INSERT INTO t(id) VALUES (1)") }
    }
    #expect(skipped == nil)
    let done: Void? = try pool.writeIfIdle { db in try db.run("INSERT INTO t(id) VALUES (2)") }
    #expect(done != nil)
    #expect(try pool.read { try $0.scalarInt("SELECT group_concat(id) FROM t") } == 2)
  }

  @Test func readsInsideASnapshotShareItsTransaction() throws {
    let directory = try TemporaryDirectory()
    let pool = try DatabasePool(path: directory.path("pool.sqlite"), maximumReaderCount: 2)
    try pool.write { db in try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)") }
    let count: @Sendable () throws -> Int64? = {
      try pool.read { try $0.scalarInt("SELECT count(*) FROM t") }
    }
    try pool.snapshot {
      #expect(try count() == 0)
      try pool.write { db in try db.run("INSERT INTO t(id) VALUES (1)") }
      // Committed, but this thread's reads stay in the snapshot they started in...
      #expect(try count() == 0)
      // ...and a nested snapshot joins it.
      #expect(try pool.snapshot { try count() } == 0)
      // Another thread is not pinned: it sees the commit.
      let other = Result<Int64?, any Error>.fromThread { try count() }
      #expect(try other.get() == 1)
    }
    #expect(try count() == 1)
  }

  @Test func aSnapshotThatThrowsReturnsItsReader() throws {
    let directory = try TemporaryDirectory()
    let pool = try DatabasePool(path: directory.path("pool.sqlite"), maximumReaderCount: 1)
    try pool.write { db in try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)") }
    #expect(throws: Expected.self) {
      try pool.snapshot {
        _ = try pool.read { try $0.scalarInt("SELECT count(*) FROM t") }
        throw Expected()
      }
    }
    // The pool's only reader is back, outside any transaction, and the thread unpinned.
    try pool.write { db in try db.run("INSERT INTO t(id) VALUES (1)") }
    #expect(try pool.read { try $0.scalarInt("SELECT count(*) FROM t") } == 1)
  }

  @Test func readersCannotWrite() throws {
    let directory = try TemporaryDirectory()
    let pool = try DatabasePool(path: directory.path("pool.sqlite"))
    try pool.write { db in try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)") }
    let error = try #require(throws: SQLiteError.self) {
      try pool.read { db in try db.run("INSERT INTO t(id) VALUES (1)") }
    }
    #expect(ResultCode.readOnly ~= error.code)
  }

  @Test func aReadingPoolHasNoWriterAndReadsUnderAnotherWritersLock() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("pool.sqlite")
    let pool = try DatabasePool(path: path)
    try pool.write { db in try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)") }
    let reading = try DatabasePool(readingFrom: path)
    #expect(reading.isReadOnly)
    #expect(!pool.isReadOnly)
    try pool.write { db in
      try db.run("INSERT INTO t(id) VALUES (1)")
      #expect(try reading.read { try $0.scalarInt("SELECT count(*) FROM t") } == 0)
    }
    #expect(try reading.read { try $0.scalarInt("SELECT count(*) FROM t") } == 1)
    let error = try #require(throws: SQLiteError.self) {
      try reading.write { db in try db.run("INSERT INTO t(id) VALUES (2)") }
    }
    #expect(ResultCode.readOnly ~= error.code)
  }

  @Test func aReadingPoolNeverCreatesAFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("missing.sqlite")
    #expect(throws: SQLiteError.self) { try DatabasePool(readingFrom: path) }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func usesWriteAheadLogging() throws {
    let directory = try TemporaryDirectory()
    let pool = try DatabasePool(path: directory.path("pool.sqlite"))
    let mode = try pool.read { try $0.scalarString("PRAGMA journal_mode") }
    #expect(mode == "wal")
  }

  @Test func aNewDatabaseTakesThePageSizeAndAnExistingOneKeepsItsOwn() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("pool.sqlite")
    do {
      let pool = try DatabasePool(path: path, pageSize: 16384)
      try pool.write { db in try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)") }
      #expect(try pool.read { try $0.scalarInt("PRAGMA page_size") } == 16384)
    }
    let reopened = try DatabasePool(path: path, pageSize: 8192)
    #expect(try reopened.read { try $0.scalarInt("PRAGMA page_size") } == 16384)
    let defaulted = try DatabasePool(path: directory.path("default.sqlite"))
    try defaulted.write { db in try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)") }
    #expect(try defaulted.read { try $0.scalarInt("PRAGMA page_size") } == 4096)
  }

  @Test func concurrentReadersShareThePool() async throws {
    let directory = try TemporaryDirectory()
    let pool = try DatabasePool(path: directory.path("pool.sqlite"), maximumReaderCount: 2)
    try pool.write { db in
      try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)")
      for id in 1...100 { try db.run("INSERT INTO t(id) VALUES (?)", [.integer(Int64(id))]) }
    }
    let sums = try await withThrowingTaskGroup(of: Int64.self) { group in
      for _ in 0..<8 {
        group.addTask { try pool.read { try $0.scalarInt("SELECT sum(id) FROM t") ?? 0 } }
      }
      var sums: [Int64] = []
      for try await sum in group { sums.append(sum) }
      return sums
    }
    #expect(sums == Array(repeating: 5050, count: 8))
  }
}

extension Result where Failure == any Error {
  /// The outcome of `body` run on a new thread, waited for.
  static func fromThread(_ body: @escaping @Sendable () throws -> Success) -> Result
  where Success: Sendable {
    let done = NSCondition()
    nonisolated(unsafe) var outcome: Result?
    let thread = Thread {
      let result = Result { try body() }
      done.withLock {
        outcome = result
        done.signal()
      }
    }
    thread.start()
    return done.withLock {
      while outcome == nil { done.wait() }
      return outcome ?? .failure(CancellationError())
    }
  }
}
