import Foundation
import Testing

@testable import CLI

/// `dbt-metadata runs`: lists what was ingested.
@Suite struct RunsCommandTests {
  typealias T = IngestCommandTests

  @Test func listsRunsWithCountsAndFiltersByJob() throws {
    let directory = try ScratchDirectory()
    let first = T.run(
      [
        "ingest", "--db", directory.database, "--account", "1", "--project", "1", "--environment",
        "1",
        "--job", "10", "--target", T.publicArtifacts + "/diy9-dbt/target",
      ])
    #expect(first.code == 0, "\(first.err)")
    let second = T.run(
      [
        "ingest", "--db", directory.database, "--account", "1", "--project", "1", "--environment",
        "1",
        "--job", "20", "--target", T.publicArtifacts + "/tuva/v3_dbt0.21.0",
      ])
    #expect(second.code == 0, "\(second.err)")

    let all = T.run(["runs", "--db", directory.database])
    #expect(all.code == 0)
    let lines = all.out.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("run  job  env  generated_at"))
    #expect(lines[1].hasPrefix("1    10   1    "))
    #expect(lines[2].hasPrefix("2    20   1    "))

    let filtered = T.run(["runs", "--db", directory.database, "--job", "20", "--json"])
    #expect(filtered.code == 0)
    let list = try #require(
      try JSONSerialization.jsonObject(with: Data(filtered.out.utf8)) as? [[String: Any]])
    #expect(list.count == 1)
    let run = try #require(list.first)
    #expect(run["run_id"] as? Int == 2)
    #expect(run["job_id"] as? Int == 20)
    #expect(run["dbt_version"] as? String == "0.21.0")
    #expect((run["nodes"] as? Int ?? 0) > 100)
    #expect((run["catalog_tables"] as? Int ?? 0) > 0)
  }

  @Test func anEmptyDatabaseHasNoRuns() throws {
    let directory = try ScratchDirectory()
    _ = T.run(
      [
        "ingest", "--db", directory.database, "--account", "1", "--project", "1", "--environment",
        "1",
        "--job", "10", "--target", T.publicArtifacts + "/diy9-dbt/target",
      ])
    let result = T.run(["runs", "--db", directory.database, "--job", "99"])
    #expect(result.code == 0)
    #expect(result.out == "no runs\n")
  }

  @Test func aMissingDatabaseIsAFailure() throws {
    let directory = try ScratchDirectory()
    let result = T.run(["runs", "--db", directory.database])
    #expect(result.code == 1)
    #expect(
      result.err
        == "error: \(directory.database): no such database file; a writer (`dbt-metadata ingest --db \(directory.database) ...` with a run's artifacts, or `dbt-metadata serve --db \(directory.database)`) creates it\n"
    )
    #expect(!FileManager.default.fileExists(atPath: directory.database))
  }

  @Test func usageErrorsExit64() {
    #expect(T.run(["runs"]).code == 64)
    #expect(T.run(["runs", "--db", "x", "--job", "seven"]).code == 64)
    #expect(T.run(["runs", "--db", "x", "extra"]).code == 64)
  }
}
