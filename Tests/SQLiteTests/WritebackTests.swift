import Foundation
import Testing

@testable import SQLite

/// Binding without a copy (``Statement/withBound(utf8:at:_:)``) and the writeback flusher
/// (``WritebackFlusher``).
@Suite struct WritebackTests {
  /// The bytes are stored as bound (a slice in the middle of a larger buffer, with a NUL
  /// inside), and the parameter is NULL again once the closure returned.
  @Test func textBoundWithoutACopyIsStoredWholeAndUnboundAfter() throws {
    let connection = try Connection(path: ":memory:")
    try connection.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT)")
    let insert = try connection.prepare("INSERT INTO t(id, s) VALUES (?, ?)")
    let buffer = Array("xx{\"a\": \"é\u{0}b\"}yy".utf8)
    let slice = buffer[2..<(buffer.count - 2)]
    try insert.bind(Int64(1), at: 1)
    try insert.withBound(utf8: slice, at: 2) { try insert.execute() }
    try insert.bind(Int64(2), at: 1)
    try insert.execute()  // without binding the text again
    let rows = try connection.query("SELECT s FROM t ORDER BY id") { $0.string(at: 0) }
    #expect(rows == ["{\"a\": \"é\u{0}b\"}", nil])
  }

  /// A database written while a flusher runs reads back the same; stopping waits for the
  /// thread, which closes what it opened (no descriptor left on the files), also when
  /// the files never existed.
  @Test func aFlusherChangesNothingStoredAndClosesItsFiles() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("flushed.sqlite")
    let flusher = WritebackFlusher(database: path)
    do {
      let pool = try DatabasePool(path: path, pageSize: 16384)
      try pool.write { db in
        try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT)")
        let insert = try db.prepare("INSERT INTO t(s) VALUES (?)")
        for index in 0..<2_000 {
          insert.reset()
          try insert.bind(String(repeating: "\(index % 10)", count: 1_000), at: 1)
          try insert.execute()
        }
      }
      // Give the flusher time to open both files and ask for their writeback.
      Thread.sleep(forTimeInterval: 0.05)
      let count = try pool.read { try $0.scalarInt("SELECT count(*) FROM t") }
      #expect(count == 2_000)
    }
    flusher.stop()
    #expect(try Self.openDescriptors(to: path) == 0)
    let check = try Connection(path: path, mode: .readOnly)
    #expect(try check.scalarString("PRAGMA integrity_check") == "ok")
    #expect(try check.scalarInt("SELECT sum(length(s)) FROM t") == 2_000_000)

    let never = WritebackFlusher(database: directory.path("never.sqlite"))
    never.stop()
    #expect(!FileManager.default.fileExists(atPath: directory.path("never.sqlite")))
  }

  /// How many of this process's descriptors name `path` or its WAL.
  static func openDescriptors(to path: String) throws -> Int {
    let names = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
    return names.filter { name in
      let target =
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)")) ?? ""
      return target.hasPrefix(path)
    }.count
  }
}
