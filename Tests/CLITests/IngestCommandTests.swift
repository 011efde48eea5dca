import Artifacts
import Foundation
import MetadataStore
import SQLite
import Testing

@testable import CLI

/// `dbt-metadata ingest`: real target folders, explicit files, the summary, and every
/// kind of bad input (one clear message, exit 1, nothing stored).
@Suite struct IngestCommandTests {
  static let publicArtifacts = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/artifacts/public").standardizedFileURL.path

  static let hierarchy = ["--account", "1", "--project", "2", "--environment", "3", "--job", "4"]

  /// Runs the CLI; returns the exit code, standard output and standard error.
  static func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
    let captured = CapturedOutput()
    let code = CLI.run(arguments, output: captured.output)
    return (code, captured.standardOutput, captured.standardError)
  }

  static func ingest(_ database: String, _ arguments: [String]) -> (
    code: Int32, out: String, err: String
  ) {
    run(["ingest", "--db", database] + hierarchy + arguments)
  }

  @Test func ingestsATargetFolderAndSaysSoTheSecondTime() throws {
    let directory = try ScratchDirectory()
    let target = Self.publicArtifacts + "/diy9-dbt/target"
    let first = Self.ingest(directory.database, ["--target", target, "--job-name", "nightly"])
    #expect(first.code == 0, "\(first.err)")
    #expect(first.err.isEmpty)
    #expect(first.out.hasPrefix("run 1 created\n"))
    #expect(first.out.contains("freshness results: "))
    #expect(first.out.contains("catalog: "))
    let second = Self.ingest(directory.database, ["--target", target])
    #expect(second.code == 0)
    #expect(second.out.hasPrefix("run 1 unchanged: these artifacts were already ingested\n"))
    #expect(second.out.contains("executions: 0"))
  }

  /// A next run reads the database's known definitions before the files and maps only the
  /// rest; it prints (and stores) what mapping everything does.
  @Test func aNextRunReadsTheKnownDefinitions() throws {
    let runs =
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("sample-runs/runs/201").path
    let known = try ScratchDirectory()
    let full = try ScratchDirectory()
    #expect(IngestCommand.knownDefinitions(database: known.database, projectID: 2).isEmpty)
    for run in ["001", "002", "003"] {
      let folder = "\(runs)/\(run)/02-build"
      let arguments = [
        "--manifest", folder + "/manifest.json", "--run-results", folder + "/run_results.json",
        "--json",
      ]
      // The other database forgets every digest first, so its ingest maps everything.
      if FileManager.default.fileExists(atPath: full.database) {
        try Connection(path: full.database).execute("UPDATE definition SET raw_digest = NULL")
      }
      let expected = Self.ingest(full.database, arguments)
      let recognised = IngestCommand.knownDefinitions(database: known.database, projectID: 2)
      let result = Self.ingest(known.database, arguments)
      #expect(result.code == 0, "\(result.err)")
      // The same summary, but for how many definitions were recognised rather than mapped.
      var summary = try #require(
        JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
      var expectedSummary = try #require(
        JSONSerialization.jsonObject(with: Data(expected.out.utf8)) as? [String: Any])
      #expect(expectedSummary.removeValue(forKey: "recognised_definitions") as? Int == 0)
      let recognisedCount = summary.removeValue(forKey: "recognised_definitions") as? Int
      let text = { (object: [String: Any]) in
        try String(
          decoding: JSONSerialization.data(withJSONObject: object, options: .sortedKeys),
          as: UTF8.self)
      }
      #expect(try text(summary) == text(expectedSummary))
      #expect(run == "001" ? recognised.isEmpty : recognised.count > 500, "run \(run)")
      #expect(run == "001" ? recognisedCount == 0 : (recognisedCount ?? 0) > 500, "run \(run)")
    }
    #expect(IngestCommand.knownDefinitions(database: known.database, projectID: 1).isEmpty)
  }

  /// The command reads its files at the same time (the known definitions on a thread of
  /// their own, the manifest's definitions over every core); the database must be the one
  /// that reading each file in turn and ingesting gives. Sample runs as next runs of each
  /// other (every kind of file), and a public set large enough for the parallel mapper.
  @Test func concurrentReadingStoresWhatSequentialReadingStores() throws {
    let runs =
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("sample-runs/runs/201").path
    var sets: [IngestCommand.Files] = ["001", "002", "003", "004"].map { run in
      IngestCommand.Files(
        manifest: "\(runs)/\(run)/02-build/manifest.json",
        runResults: [
          "\(runs)/\(run)/02-build/run_results.json",
          "\(runs)/\(run)/03-docs-generate/run_results.json",
        ],
        sources: "\(runs)/\(run)/01-source-freshness/sources.json",
        catalog: "\(runs)/\(run)/03-docs-generate/catalog.json")
    }
    let adReporting = Self.publicArtifacts + "/fivetran-ad-reporting/v7_dbt1.3.0"
    sets.append(
      IngestCommand.Files(
        manifest: adReporting + "/manifest.json", runResults: [adReporting + "/run_results.json"],
        catalog: adReporting + "/catalog.json"))
    let concurrent = try ScratchDirectory()
    let sequential = try ScratchDirectory()
    for files in sets {
      var arguments = ["--manifest", files.manifest ?? ""]
      for path in files.runResults { arguments += ["--run-results", path] }
      if let sources = files.sources { arguments += ["--sources", sources] }
      if let catalog = files.catalog { arguments += ["--catalog", catalog] }
      let result = Self.ingest(concurrent.database, arguments)
      #expect(result.code == 0, "\(result.err)")

      let store = try MetadataStore(path: sequential.database, access: .readWrite)
      var request = IngestRequest(
        accountID: 1, projectID: 2, environmentID: 3, jobID: 4, manifest: nil)
      let manifest = try #require(files.manifest)
      try request.add(
        ArtifactReader.read(
          file: manifest, expecting: .manifest, known: try store.knownDefinitions(projectID: 2)),
        file: manifest)
      for path in files.runResults {
        try request.add(ArtifactReader.read(file: path, expecting: .runResults), file: path)
      }
      if let sources = files.sources {
        try request.add(ArtifactReader.read(file: sources, expecting: .sources), file: sources)
      }
      if let catalog = files.catalog {
        try request.add(ArtifactReader.read(file: catalog, expecting: .catalog), file: catalog)
      }
      _ = try store.ingest(request)
    }
    for directory in [concurrent, sequential] {
      try Connection(path: directory.database).execute("UPDATE run SET ingested_at = ''")
    }
    let definitions = try Connection(path: sequential.database, mode: .readOnly)
      .scalarInt("SELECT count(*) FROM definition")
    #expect((definitions ?? 0) > 1_700)
    #expect(try concurrent.dump() == sequential.dump())
  }

  @Test func printsAJSONSummary() throws {
    let directory = try ScratchDirectory()
    let folder = Self.publicArtifacts + "/openlineage/test/target"
    let result = Self.ingest(
      directory.database,
      [
        "--manifest", folder + "/manifest.json", "--run-results", folder + "/run_results.json",
        "--run-id", "77", "--json",
      ])
    #expect(result.code == 0, "\(result.err)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    #expect(object["run_id"] as? Int == 77)
    #expect(object["outcome"] as? String == "created")
    let executions = try #require(object["executions"] as? [String: Int])
    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: folder + "/run_results.json")))
        as? [String: Any])
    let results = try #require(json["results"] as? [[String: Any]])
    var expected: [String: Int] = [:]
    for result in results { expected[result["status"] as? String ?? "null", default: 0] += 1 }
    #expect(executions == expected)
    #expect(executions["fail", default: 0] > 0)
    #expect((object["nodes"] as? [String: Int])?["model", default: 0] ?? 0 > 0)
  }

  @Test func acceptsSeveralRunResultsSteps() throws {
    let directory = try ScratchDirectory()
    let folder = Self.publicArtifacts + "/dbt-artifacts-parser"
    let result = Self.ingest(
      directory.database,
      [
        "--manifest", folder + "/manifest/v12/jaffle_shop/manifest_1.12.json",
        "--run-results", folder + "/run_results/v6/jaffle_shop/run_results.json",
        "--run-results=" + folder + "/run_results/v6/jaffle_shop/run_results_1.12.json",
        "--catalog", folder + "/catalog/v1/jaffle_shop/catalog_1.12.json",
      ])
    #expect(result.code == 0, "\(result.err)")
    let runs = Self.run(["runs", "--db", directory.database, "--json"])
    let list = try #require(
      try JSONSerialization.jsonObject(with: Data(runs.out.utf8)) as? [[String: Any]])
    #expect(
      list.first?["artifacts"] as? [String] == [
        "manifest", "run-results", "run-results", "catalog",
      ])
  }

  // MARK: - Usage errors (exit 64)

  @Test(arguments: [
    (["ingest"], "missing --db"),
    (["ingest", "--db", "x.db", "--account", "1"], "missing --project"),
    (["ingest", "--db", "x.db", "--account", "one"], "--account expects an integer, found 'one'"),
    (
      ["ingest", "--db", "x.db"] + IngestCommandTests.hierarchy,
      "give --target DIR or --manifest FILE"
    ),
    (
      ["ingest", "--db", "x.db", "--target", "t", "--manifest", "m"] + IngestCommandTests.hierarchy,
      "--target cannot be combined with --manifest"
    ),
    (
      ["ingest", "--db", "x.db", "--manifest", "m", "--frobnicate"] + IngestCommandTests.hierarchy,
      "unexpected argument '--frobnicate'"
    ),
    (
      ["ingest", "--db", "x.db", "--manifest", "m", "--run-id", "0"] + IngestCommandTests.hierarchy,
      "--run-id must be positive"
    ),
  ])
  func usageErrorsExit64(arguments: [String], message: String) {
    let result = Self.run(arguments)
    #expect(result.code == 64)
    #expect(result.err.hasPrefix("error: " + message), "\(result.err)")
    #expect(result.err.contains("usage: dbt-metadata ingest"))
    #expect(result.out.isEmpty)
  }

  // MARK: - Bad input (exit 1, one message, nothing stored)

  /// Ingests a good run first, then `arguments`; checks exit 1, the one-line message and
  /// that the database is exactly as before.
  func expectRefused(
    _ arguments: [String], message: String, in directory: ScratchDirectory,
    exact: Bool = true
  ) throws {
    let good = Self.ingest(
      directory.database, ["--target", Self.publicArtifacts + "/tuva/v3_dbt0.21.0"])
    #expect(good.code == 0)
    let before = try directory.dump()
    let result = Self.ingest(directory.database, arguments)
    #expect(result.code == 1)
    #expect(result.out.isEmpty)
    if exact {
      #expect(result.err == "error: \(message)\n")
    } else {
      #expect(result.err.hasPrefix("error: \(message)"), "\(result.err)")
      #expect(result.err.filter { $0 == "\n" }.count == 1)
    }
    #expect(try directory.dump() == before)
  }

  var manifest: String { Self.publicArtifacts + "/diy9-dbt/target/manifest.json" }

  @Test func aMissingFileIsRefused() throws {
    let directory = try ScratchDirectory()
    let missing = directory.file("nowhere/manifest.json")
    try expectRefused(
      ["--manifest", missing],
      message: "\(missing): cannot read file: No such file or directory (errno 2)",
      in: directory)
    // With a fresh database path, not even the file is created.
    let fresh = directory.file("fresh.db")
    #expect(Self.ingest(fresh, ["--manifest", missing]).code == 1)
    #expect(!FileManager.default.fileExists(atPath: fresh))
  }

  @Test func anUnreadableFileIsRefused() throws {
    let directory = try ScratchDirectory()
    let folder = directory.file("a-folder.json")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try expectRefused(
      ["--manifest", folder], message: "\(folder): cannot read file: Is a directory (errno 21)",
      in: directory)
  }

  @Test func aTargetFolderWithoutAManifestIsStoredWithAWarning() throws {
    let directory = try ScratchDirectory()
    let result = Self.ingest(
      directory.database, ["--target", Self.publicArtifacts + "/mitodl-ol-data-platform"])
    #expect(result.code == 0, "\(result.err)")
    #expect(result.out.contains("nodes: 0\n"))
    #expect(result.out.contains("warning: run_results name "))
    #expect(result.out.contains("catalog: 0 tables, 0 columns"))  // an empty real catalog
  }

  @Test func aMissingTargetFolderIsRefused() throws {
    let directory = try ScratchDirectory()
    let missing = directory.file("no-target")
    try expectRefused(
      ["--target", missing], message: "\(missing): no such directory", in: directory)
  }

  @Test func aGoodManifestWithACorruptCatalogStoresNothing() throws {
    let directory = try ScratchDirectory()
    let catalog = directory.file("catalog.json")
    try Data(
      "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/catalog/v1.json\"}, \"nodes\": {\"a\": [}"
        .utf8
    )
    .write(to: URL(fileURLWithPath: catalog))
    try expectRefused(
      ["--manifest", manifest, "--catalog", catalog],
      message: "\(catalog): invalid JSON at line 1, column 104 (byte 103): expected a value",
      in: directory, exact: false)
  }

  /// Files are read at the same time, but the error is the first bad file's in the order
  /// manifest, run_results, sources, catalog (what a one-by-one read reports).
  @Test func twoBadFilesReportTheFirstInOrder() throws {
    let directory = try ScratchDirectory()
    let badManifest = directory.file("manifest.json")
    try Data("{\"metadata\": [".utf8).write(to: URL(fileURLWithPath: badManifest))
    let badCatalog = directory.file("catalog.json")
    try Data("not json".utf8).write(to: URL(fileURLWithPath: badCatalog))
    let result = Self.ingest(
      directory.database, ["--manifest", badManifest, "--catalog", badCatalog])
    #expect(result.code == 1)
    #expect(result.err.hasPrefix("error: \(badManifest): "))
    #expect(!result.err.contains(badCatalog))
  }

  @Test func aTruncatedFileIsRefused() throws {
    let directory = try ScratchDirectory()
    let truncated = directory.file("manifest.json")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: manifest))
    try bytes.prefix(3000).write(to: URL(fileURLWithPath: truncated))
    let good = Self.ingest(
      directory.database, ["--target", Self.publicArtifacts + "/tuva/v3_dbt0.21.0"])
    #expect(good.code == 0)
    let before = try directory.dump()
    let result = Self.ingest(directory.database, ["--manifest", truncated])
    #expect(result.code == 1)
    #expect(result.err.hasPrefix("error: \(truncated): invalid JSON at line "))
    #expect(result.err.contains("truncated file?"))
    #expect(result.err.filter { $0 == "\n" }.count == 1)
    #expect(try directory.dump() == before)
  }

  @Test func aValueOfTheWrongTypeIsRefused() throws {
    let directory = try ScratchDirectory()
    let file = directory.file("manifest.json")
    try Data(
      """
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json",
      "dbt_version": "1.8.0"}, "nodes": {"model.a.b": {"unique_id": 5, "name": "b"}}}
      """.utf8
    ).write(to: URL(fileURLWithPath: file))
    try expectRefused(
      ["--manifest", file],
      message:
        "\(file): $.nodes[\"model.a.b\"].unique_id: expected a non-empty string, found a number",
      in: directory)
  }

  @Test func aFutureVersionIsRefused() throws {
    let directory = try ScratchDirectory()
    let file = directory.file("manifest.json")
    try Data(
      "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v13.json\"}, \"nodes\": {}}"
        .utf8
    ).write(to: URL(fileURLWithPath: file))
    try expectRefused(
      ["--manifest", file],
      message:
        "\(file): manifest v13 is not supported; supported: manifest v0-v12, run-results v0-v6, sources v0-v3, catalog v0-v1",
      in: directory)
  }

  @Test func anUnknownKindIsRefused() throws {
    let directory = try ScratchDirectory()
    let file = directory.file("semantic_manifest.json")
    try Data(
      "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/semantic-manifest/v1.json\"}}"
        .utf8
    ).write(to: URL(fileURLWithPath: file))
    let good = Self.ingest(
      directory.database, ["--target", Self.publicArtifacts + "/tuva/v3_dbt0.21.0"])
    #expect(good.code == 0)
    let before = try directory.dump()
    let result = Self.ingest(directory.database, ["--manifest", file])
    #expect(result.code == 1)
    #expect(result.err.hasPrefix("error: \(file): not a dbt artifact of a known kind"))
    #expect(result.err.contains("supported: manifest v0-v12"))
    #expect(try directory.dump() == before)
  }

  @Test func runResultsGivenAsTheManifestAreRefused() throws {
    let directory = try ScratchDirectory()
    let results = Self.publicArtifacts + "/diy9-dbt/target/run_results.json"
    try expectRefused(
      ["--manifest", results], message: "\(results): expected a manifest, found run-results v2",
      in: directory)
  }

  @Test func aManifestGivenAsTheCatalogIsRefused() throws {
    let directory = try ScratchDirectory()
    try expectRefused(
      ["--manifest", manifest, "--catalog", manifest],
      message: "\(manifest): expected a catalog, found manifest v2", in: directory)
  }

  @Test func aDatabaseFileThatIsNotADbtMetadataDatabaseIsRefused() throws {
    let directory = try ScratchDirectory()
    let notSQLite = directory.file("notes.txt")
    try Data("just some notes\n".utf8).write(to: URL(fileURLWithPath: notSQLite))
    let result = Self.ingest(notSQLite, ["--manifest", manifest])
    #expect(result.code == 1)
    #expect(
      result.err
        == "error: \(notSQLite): not a dbt-metadata database (not a SQLite database file)\n")
    #expect(try String(contentsOfFile: notSQLite, encoding: .utf8) == "just some notes\n")

    let foreign = directory.file("other.sqlite")
    let connection = try Connection(path: foreign)
    try connection.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY)")
    let refused = Self.ingest(foreign, ["--manifest", manifest])
    #expect(refused.code == 1)
    #expect(
      refused.err.hasPrefix(
        "error: \(foreign): not a dbt-metadata database (a SQLite file of another application"))
    #expect(try connection.scalarInt("SELECT count(*) FROM sqlite_schema") == 1)
  }

  @Test func aDatabaseFromANewerBinaryIsRefused() throws {
    let directory = try ScratchDirectory()
    let good = Self.ingest(
      directory.database, ["--target", Self.publicArtifacts + "/tuva/v3_dbt0.21.0"])
    #expect(good.code == 0)
    let connection = try Connection(path: directory.database)
    try connection.setUserVersion(99)
    let before = try directory.dump()
    let result = Self.ingest(directory.database, ["--manifest", manifest])
    #expect(result.code == 1)
    #expect(
      result.err.hasPrefix(
        "error: \(directory.database): written by a newer dbt-metadata (schema version 99;"))
    #expect(try directory.dump() == before)
  }
}
