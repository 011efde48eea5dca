import Foundation
import Testing

@testable import SQLite

/// A database built beside its path and linked into place (``StagedDatabase``): the path
/// holds no file until the finished one, a file that appeared meanwhile is never replaced,
/// and what killed builds leave behind is cleaned up.
@Suite struct StagedDatabaseTests {
  /// Writes one table through a staged pool (journal in memory, no syncs), switches it to
  /// WAL and closes it.
  private func build(_ staged: StagedDatabase, rows: Int = 3) throws {
    let pool = try DatabasePool(path: staged.path, journaling: .inMemoryUnsynced)
    #expect(
      try pool.writeWithoutTransaction { try $0.scalarString("PRAGMA journal_mode") } == "memory")
    try pool.write { db in
      try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)")
      for id in 1...rows {
        try db.run("INSERT INTO t(id, name) VALUES (?, 'x')", [.integer(Int64(id))])
      }
      // A rolled-back savepoint still undoes its rows: the journal is in memory, not off.
      _ = try? db.transaction { () throws -> Void in
        try db.run("INSERT INTO t(id, name) VALUES (100, 'undone')")
        throw SQLiteError(code: .abort, message: "undo")
      }
    }
    try pool.finishStaging()
  }

  @Test func aPublishedDatabaseAppearsWholeInWALMode() throws {
    let directory = try TemporaryDirectory()
    let final = directory.path("metadata.sqlite")
    let staged = try StagedDatabase(finalPath: final)
    #expect(staged.path.hasPrefix(directory.path(".metadata.sqlite.staged-")))
    try build(staged)
    #expect(!FileManager.default.fileExists(atPath: final))
    #expect(try staged.publish())
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["metadata.sqlite"]
    )
    let connection = try Connection(path: final, mode: .readOnly)
    #expect(try connection.scalarString("PRAGMA journal_mode") == "wal")
    #expect(try connection.scalarInt("SELECT count(*) FROM t") == 3)
    #expect(try connection.scalarInt("SELECT count(*) FROM t WHERE id = 100") == 0)
  }

  @Test func aFileThatAppearedMeanwhileIsKept() throws {
    let directory = try TemporaryDirectory()
    let final = directory.path("metadata.sqlite")
    let staged = try StagedDatabase(finalPath: final)
    try build(staged)
    try Data("theirs".utf8).write(to: URL(fileURLWithPath: final))
    #expect(try !staged.publish())
    #expect(try String(contentsOfFile: final, encoding: .utf8) == "theirs")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["metadata.sqlite"]
    )
  }

  @Test func aDiscardedBuildLeavesNothing() throws {
    let directory = try TemporaryDirectory()
    let staged = try StagedDatabase(finalPath: directory.path("metadata.sqlite"))
    try build(staged)
    staged.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
  }

  /// A staging file whose process is gone (a killed ingest) is removed by the next
  /// staging for the same path; one of a live process, or for another path, is kept.
  @Test func staleStagingFilesOfDeadProcessesAreRemoved() throws {
    let directory = try TemporaryDirectory()
    let final = directory.path("metadata.sqlite")
    let dead = try Self.finishedProcessID()
    let prefix = directory.path(".metadata.sqlite.staged-")
    let stale = ["\(prefix)\(dead)-1a", "\(prefix)\(dead)-1a-journal"]
    let live = "\(prefix)1-2b"  // init never exits
    let other = directory.path(".other.sqlite.staged-\(dead)-3c")
    for path in stale + [live, other] {
      #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
    }
    // The cleanup runs beside the build; discarding the build waits for it.
    try StagedDatabase(finalPath: final).discard()
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory.url.path))
    #expect(left == Set([live, other].map { ($0 as NSString).lastPathComponent }))
  }

  @Test func aMissingDirectoryIsReportedWithThePath() throws {
    let directory = try TemporaryDirectory()
    let final = directory.path("missing/metadata.sqlite")
    let error = try #require(throws: SQLiteError.self) { try StagedDatabase(finalPath: final) }
    #expect(error.code == .cannotOpen)
    #expect(error.message.hasPrefix("\(final): cannot create the database beside it"))
    #expect(error.message.contains("No such file or directory"))
  }

  /// The id of a process that has exited and been reaped.
  private static func finishedProcessID() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }
}
