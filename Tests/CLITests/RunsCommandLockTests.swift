import Foundation
import Testing

@testable import CLI

/// `dbt-metadata runs` is a reader: it answers while another process holds the write lock
/// and never creates or migrates the database.
@Suite struct RunsCommandLockTests {
  typealias T = IngestCommandTests

  /// A Python process (the interpreter the benchmarks use) that holds `BEGIN IMMEDIATE`
  /// on a database until its standard input closes.
  final class LockHolder {
    let process = Process()
    let input = Pipe()
    let output = Pipe()

    init(database: String) throws {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [
        "python3", "-u", "-c",
        """
        import sqlite3, sys
        c = sqlite3.connect(sys.argv[1], isolation_level=None)
        c.execute("BEGIN IMMEDIATE")
        c.execute("INSERT INTO account(id, name) VALUES (99, 'held')")
        print("locked", flush=True)
        sys.stdin.read()
        c.execute("ROLLBACK")
        """,
        database,
      ]
      process.standardInput = input
      process.standardOutput = output
      try process.run()
    }

    /// Waits until the other process says it holds the lock.
    func waitUntilLocked() -> String {
      var line = Data()
      while let byte = try? output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty,
        byte != Data("\n".utf8)
      {
        line.append(byte)
      }
      return String(decoding: line, as: UTF8.self)
    }

    func release() throws {
      try input.fileHandleForWriting.close()
      process.waitUntilExit()
    }
  }

  static let pythonAvailable =
    FileManager.default.isExecutableFile(atPath: "/usr/bin/env")
    && ProcessInfo.processInfo.environment["PATH"].map { path in
      path.split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/python3")
      }
    } == true

  @Test(.enabled(if: pythonAvailable)) func runsAnswersWhileAnotherProcessHoldsTheWriteLock()
    throws
  {
    let directory = try ScratchDirectory()
    let ingest = T.run(
      ["ingest", "--db", directory.database] + T.hierarchy
        + ["--target", T.publicArtifacts + "/diy9-dbt/target"])
    #expect(ingest.code == 0, "\(ingest.err)")

    let holder = try LockHolder(database: directory.database)
    #expect(holder.waitUntilLocked() == "locked")
    let result = T.run(["runs", "--db", directory.database])
    try holder.release()
    #expect(result.code == 0, "\(result.err)")
    #expect(result.out.split(separator: "\n").count == 2)
    #expect(holder.process.terminationStatus == 0)
  }

  @Test func runsOnAnEmptyFileCreatesNoSchema() throws {
    let directory = try ScratchDirectory()
    #expect(FileManager.default.createFile(atPath: directory.database, contents: Data()))
    let result = T.run(["runs", "--db", directory.database])
    #expect(result.code == 1)
    #expect(
      result.err
        == "error: \(directory.database): no dbt-metadata schema yet (empty database); a writer (`dbt-metadata ingest --db \(directory.database) ...` with a run's artifacts, or `dbt-metadata serve --db \(directory.database)`) creates it\n"
    )
    let size = try FileManager.default.attributesOfItem(atPath: directory.database)[.size] as? Int
    #expect(size == 0)
  }
}
