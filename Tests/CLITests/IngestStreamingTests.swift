import Artifacts
import Foundation
import MetadataStore
import SQLite
import TestFixtures
import Testing

@testable import CLI

/// A project's first load stores its manifest's definitions while they are mapped
/// (``IngestCommand/readAll(_:snapshot:into:storing:)``): the same rows as a whole read,
/// and a refused file still stores nothing and is reported as before.
@Suite struct IngestStreamingTests {
  /// 1,702 definitions (streamed: more than one core's worth), with results and a catalog.
  static let adReporting = IngestCommandTests.publicArtifacts + "/fivetran-ad-reporting/v7_dbt1.3.0"

  @Test func aStreamedFirstLoadStoresWhatAWholeReadStores() throws {
    let streamed = try ScratchDirectory()
    let whole = try ScratchDirectory()
    let manifest = Self.adReporting + "/manifest.json"
    let results = Self.adReporting + "/run_results.json"
    let catalog = Self.adReporting + "/catalog.json"
    let run = IngestCommandTests.ingest(
      streamed.database,
      ["--manifest", manifest, "--run-results", results, "--catalog", catalog, "--json"])
    #expect(run.code == 0, "\(run.err)")

    let store = try MetadataStore(path: whole.database, access: .readWrite)
    var request = IngestRequest(
      accountID: 1, projectID: 2, environmentID: 3, jobID: 4, manifest: nil)
    try request.add(ArtifactReader.read(file: manifest, expecting: .manifest), file: manifest)
    try request.add(ArtifactReader.read(file: results, expecting: .runResults), file: results)
    try request.add(ArtifactReader.read(file: catalog, expecting: .catalog), file: catalog)
    let summary = try store.ingest(request)
    #expect(run.out == IngestCommand.jsonSummary(summary))

    for directory in [streamed, whole] {
      try Connection(path: directory.database).execute("UPDATE run SET ingested_at = ''")
    }
    let definitions = try Connection(path: whole.database, mode: .readOnly)
      .scalarInt("SELECT count(*) FROM definition")
    #expect((definitions ?? 0) > 1_700)
    #expect(try streamed.dump() == whole.dump())
    // The next run of the same files changes nothing, as after a whole read.
    let again = IngestCommandTests.ingest(
      streamed.database, ["--manifest", manifest, "--run-results", results, "--catalog", catalog])
    #expect(again.out.hasPrefix("run 1 unchanged"), "\(again.err)")
    // The new database was built beside its path and moved there: no staging file is left.
    #expect(try streamed.entries() == [URL(fileURLWithPath: streamed.database).lastPathComponent])
  }

  /// A definition refused near the end of a large first manifest: the reader's error (the
  /// one a whole read gives), exit 1, and no run, node or definition stored.
  @Test func aRefusedDefinitionInAStreamedManifestStoresNothing() throws {
    let directory = try ScratchDirectory()
    let bad = directory.file("manifest.json")
    try RefusedManifest.writeWithLastDocCorrupt(of: Self.adReporting + "/manifest.json", into: bad)
    let expected = try #require(
      #expect(throws: ArtifactError.self) {
        try ArtifactReader.read(file: bad, expecting: .manifest)
      })
    let results = Self.adReporting + "/run_results.json"
    let result = IngestCommandTests.ingest(
      directory.database, ["--manifest", bad, "--run-results", results])
    #expect(result.code == 1)
    #expect(result.out.isEmpty)
    #expect(result.err == "error: \(expected)\n")
    // The writer built the new database beside its path before the manifest was refused:
    // nothing of it is left, neither at the path nor beside it.
    #expect(try directory.entries() == ["manifest.json"])
    // With a missing run_results as well, the manifest's error is still the one reported.
    let both = IngestCommandTests.ingest(
      directory.database, ["--manifest", bad, "--run-results", directory.file("missing.json")])
    #expect(both.err == "error: \(expected)\n")
  }

  /// A database that existed before is never removed: a refused streamed first load of
  /// another project leaves it as it was.
  @Test func aRefusedStreamedManifestLeavesAnExistingDatabase() throws {
    let directory = try ScratchDirectory()
    let first = IngestCommandTests.ingest(
      directory.database, ["--target", IngestCommandTests.publicArtifacts + "/diy9-dbt/target"])
    #expect(first.code == 0, "\(first.err)")
    let bad = directory.file("manifest.json")
    try RefusedManifest.writeWithLastDocCorrupt(of: Self.adReporting + "/manifest.json", into: bad)
    let refused = IngestCommandTests.run([
      "ingest", "--db", directory.database, "--account", "1", "--project", "9",
      "--environment", "10", "--job", "11", "--manifest", bad,
      "--run-results", Self.adReporting + "/run_results.json",
    ])
    #expect(refused.code == 1)
    let store = try MetadataStore(path: directory.database, access: .readOnly)
    #expect(try store.allRuns().count == 1)
  }

  /// A good large manifest with a bad run_results: the run_results' error, and the
  /// database is not even created (the writer waits for every other file first).
  @Test func aBadRunResultsBesideAStreamedManifestStoresNothing() throws {
    let directory = try ScratchDirectory()
    let missing = directory.file("missing/run_results.json")
    let result = IngestCommandTests.ingest(
      directory.database,
      ["--manifest", Self.adReporting + "/manifest.json", "--run-results", missing])
    #expect(result.code == 1)
    #expect(
      result.err == "error: \(missing): cannot read file: No such file or directory (errno 2)\n")
    // The writer began the new database beside its path while the files were read; it is
    // gone, and no file was ever made at the path.
    #expect(try directory.entries().isEmpty)
  }

  /// Another process creates the database while this one builds its own beside it: the
  /// build is dropped (``DatabaseAppeared``, after which the command stores the run into
  /// that database as into any existing one) and theirs is left as it was.
  @Test func aDatabaseCreatedMeanwhileIsNotReplaced() throws {
    let directory = try ScratchDirectory()
    let target = IngestCommandTests.publicArtifacts + "/diy9-dbt/target"
    #expect(throws: DatabaseAppeared.self) {
      _ = try IngestCommand.store(database: directory.database, creating: true) {
        let theirs = IngestCommandTests.ingest(directory.database, ["--target", target])
        #expect(theirs.code == 0, "\(theirs.err)")
        var request = IngestRequest(
          accountID: 1, projectID: 2, environmentID: 3, jobID: 4, manifest: nil)
        try request.add(
          ArtifactReader.read(file: target + "/manifest.json", expecting: .manifest),
          file: target + "/manifest.json")
        return request
      }
    }
    #expect(try directory.entries() == ["metadata.sqlite"])
    let store = try MetadataStore(path: directory.database, access: .readOnly)
    #expect(try store.allRuns().count == 1)
    // The command itself: the file exists now, so the run goes into it.
    let again = IngestCommandTests.ingest(directory.database, ["--target", target])
    #expect(again.out.hasPrefix("run 1 unchanged"), "\(again.err)")
  }
}
