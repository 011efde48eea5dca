import Artifacts
import Foundation
import SQLite
import Testing

@testable import MetadataStore

/// A next run read with the store's known definitions (``MetadataStore/knownDefinitions(projectID:)``)
/// maps only what changed, and stores exactly what reading every definition stores.
@Suite struct NextRunTests {
  static let repository: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// One sample run: its ids and its artifact files, in step order.
  struct SampleRun {
    let runID: Int
    let environmentID: Int
    let jobID: Int
    let files: [String]
  }

  /// Every run under `sample-runs/runs`, in the order they happened (run ids grow with time).
  static func sampleRuns() throws -> [SampleRun] {
    let root = repository.appendingPathComponent("sample-runs/runs")
    var runs: [SampleRun] = []
    for job in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
      let jobFolder = root.appendingPathComponent(job)
      for run in try FileManager.default.contentsOfDirectory(atPath: jobFolder.path).sorted() {
        let folder = jobFolder.appendingPathComponent(run)
        let data = try Data(contentsOf: folder.appendingPathComponent("run.json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
          let runID = object["run_id"] as? Int,
          let environmentID = object["environment_id"] as? Int,
          let jobID = object["job_id"] as? Int, let steps = object["steps"] as? [[String: Any]]
        else { throw Fixtures.FixtureError(message: "\(folder.path): unexpected run.json") }
        let files = steps.flatMap { $0["artifacts"] as? [String] ?? [] }
          .map { folder.appendingPathComponent($0).path }
        runs.append(
          SampleRun(runID: runID, environmentID: environmentID, jobID: jobID, files: files))
      }
    }
    return runs.sorted { $0.runID < $1.runID }
  }

  /// The request for `run`, its manifest read with `known`.
  static func request(_ run: SampleRun, known: KnownDefinitions) throws -> IngestRequest {
    var request = IngestRequest(
      accountID: 1, projectID: 1, environmentID: run.environmentID, jobID: run.jobID,
      manifest: nil, runID: run.runID)
    for file in run.files {
      let kind = try ArtifactReader.readHeader(file: file).kind
      try request.add(ArtifactReader.read(file: file, expecting: kind, known: known), file: file)
    }
    return request
  }

  /// Every row of every table except the columns that differ by design: when the run was
  /// ingested, and the raw digests (never written by a store without them).
  static func dump(_ path: String) throws -> String {
    let connection = try Connection(path: path, mode: .readOnly)
    let tables = try connection.query(
      "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
    ) { $0.string(at: 0) ?? "" }
    var text = ""
    for table in tables {
      let columns = try connection.query("SELECT name FROM pragma_table_info(?)", [.text(table)]) {
        $0.string(at: 0) ?? ""
      }.filter { $0 != "raw_digest" && $0 != "ingested_at" }
      let list = columns.joined(separator: ", ")
      text += "## \(table) (\(list))\n"
      let statement = try connection.prepare("SELECT \(list) FROM \(table) ORDER BY \(list)")
      while try statement.step() {
        text +=
          (0..<statement.columnCount).map { "\(statement.value(at: $0))" }
          .joined(separator: "|") + "\n"
      }
    }
    return text
  }

  /// A summary without the count of recognised definitions (the one field that differs).
  static func comparable(_ summary: IngestSummary) -> IngestSummary {
    var summary = summary
    summary.recognisedDefinitions = 0
    return summary
  }

  @Test func everySampleRunStoresWhatReadingEverythingStores() throws {
    let full = try TemporaryDatabase()
    let next = try TemporaryDatabase()
    let fullStore = try full.open()
    let nextStore = try next.open()
    var recognised = 0
    var mapped = 0
    for run in try Self.sampleRuns() {
      let expected = try fullStore.ingest(Self.request(run, known: KnownDefinitions()))
      let known = try nextStore.knownDefinitions(projectID: 1)
      let request = try Self.request(run, known: known)
      let summary = try nextStore.ingest(request)
      #expect(Self.comparable(summary) == Self.comparable(expected), "run \(run.runID)")
      #expect(summary.recognisedDefinitions == request.manifest?.value.reused.count ?? 0)
      recognised += summary.recognisedDefinitions
      mapped += request.manifest?.value.nodes.count ?? 0
    }
    #expect(try Self.dump(next.path) == Self.dump(full.path))
    // The runs after the first repeat most definitions, although dbt rewrote every
    // created_at: most of them were recognised, not mapped.
    #expect(recognised > 4 * mapped)
    // Every stored definition that mapped without a warning has its digest.
    #expect(try next.count("SELECT count(*) FROM definition WHERE raw_digest IS NULL") == 0)
  }

  /// A request carrying the snapshot read with its known definitions
  /// (``MetadataStore/ingestSnapshot(projectID:)``) stores what one whose transaction reads
  /// everything stores; so does one carrying a stale snapshot (read before the previous run
  /// added nodes and a manifest version), which the ingest must notice and not use.
  @Test func aSnapshotFreshOrStaleStoresWhatReadingInTheTransactionStores() throws {
    let plain = try TemporaryDatabase()
    let snapshotted = try TemporaryDatabase()
    let plainStore = try plain.open()
    let store = try snapshotted.open()
    var earlier = IngestSnapshot()
    for (index, run) in try Self.sampleRuns().enumerated() {
      let expected = try plainStore.ingest(
        Self.request(run, known: plainStore.knownDefinitions(projectID: 1)))
      let current = try store.ingestSnapshot(projectID: 1)
      // The snapshot's known definitions are the store's: every definition with a digest
      // of the latest manifest version, read here by SQL of its own.
      let known = try Self.latestVersionKnownDefinitions(snapshotted.path)
      #expect(current.knownDefinitions.count == known.count)
      for definition in known {
        #expect(current.knownDefinitions[definition.rawDigest] == definition)
      }
      let snapshot = index % 2 == 1 ? earlier : current
      var request = try Self.request(run, known: snapshot.knownDefinitions)
      request.snapshot = snapshot
      let summary = try store.ingest(request)
      #expect(Self.comparable(summary) == Self.comparable(expected), "run \(run.runID)")
      earlier = current
    }
    #expect(try Self.dump(snapshotted.path) == Self.dump(plain.path))
  }

  /// Each public set ingested twice (as two jobs' runs of one manifest): the second time
  /// every definition without warnings is recognised; both ways store the same.
  @Test(arguments: try Fixtures.publicSets().filter { $0.manifest != nil })
  func aPublicSetIngestedAgainIsRecognised(_ set: Fixtures.ArtifactSet) throws {
    let full = try TemporaryDatabase()
    let next = try TemporaryDatabase()
    let fullStore = try full.open()
    let nextStore = try next.open()
    let first = try Fixtures.request(set)
    let firstSummary = try fullStore.ingest(first)
    #expect(try nextStore.ingest(first) == firstSummary)

    let manifestFile = try #require(set.manifest)
    let known = try nextStore.knownDefinitions(projectID: 1)
    guard
      case .manifest(let manifest) = try ArtifactReader.read(
        file: manifestFile, expecting: .manifest, known: known)
    else { throw Fixtures.FixtureError(message: "not a manifest") }
    let full2 = try Fixtures.request(set, job: 2)
    var next2 = full2
    next2.manifest = NamedArtifact(file: manifestFile, value: manifest)
    let expected = try fullStore.ingest(full2)
    let summary = try nextStore.ingest(next2)
    #expect(Self.comparable(summary) == Self.comparable(expected))
    #expect(summary.warnings == expected.warnings)
    #expect(summary.reusedManifestVersion)
    let withDigest = first.manifest?.value.nodes.filter { $0.rawDigest != nil }.count ?? 0
    #expect(summary.recognisedDefinitions == withDigest)
    #expect(manifest.definitionCount == first.manifest?.value.nodes.count)
    #expect(try Self.dump(next.path) == Self.dump(full.path))
  }

  /// The read of a next run that covers the latest manifest version's definitions (the
  /// snapshot's, and the transaction's when the snapshot is stale) uses the covering index,
  /// never the table's pages (which hold every definition's JSON).
  @Test func theDefinitionReadUsesTheCoveringIndex() throws {
    let database = try TemporaryDatabase()
    _ = try database.open()
    let connection = try Connection(path: database.path, mode: .readOnly)
    let plan = try connection.query(
      "EXPLAIN QUERY PLAN " + Ingester.previousDefinitionsSQL, [.integer(1)]
    ) { $0.string(at: 3) ?? "" }
    #expect(plan.contains { $0.contains("COVERING INDEX definition_digest") }, "\(plan)")
  }

  /// The definitions with a raw digest of project 1's latest manifest version in the
  /// database at `path`, as known definitions.
  static func latestVersionKnownDefinitions(_ path: String) throws -> [KnownDefinition] {
    try Connection(path: path, mode: .readOnly).query(
      """
      SELECT d.raw_digest, n.unique_id, d.resource_type, d.content_hash
      FROM manifest_member m
      JOIN definition d ON d.id = m.definition_id
      JOIN node n ON n.id = d.node_id
      WHERE m.manifest_version_id = (SELECT max(id) FROM manifest_version WHERE project_id = 1)
        AND d.raw_digest IS NOT NULL
      """
    ) { row -> KnownDefinition? in
      guard let digest = row.blob(at: 0).flatMap({ RawDigest(bytes: $0) }),
        let uniqueID = row.string(at: 1), let resourceType = row.string(at: 2),
        let contentHash = row.string(at: 3)
      else { return nil }
      return KnownDefinition(
        rawDigest: digest, uniqueID: uniqueID, resourceType: ResourceType(resourceType),
        contentHash: contentHash)
    }.compactMap { $0 }
  }

  @Test func knownDefinitionsOfAnotherProjectAreRefusedAndNothingIsStored() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let set = try Fixtures.set("fivetran-hubspot/v12_dbt1.8.3")
    _ = try store.ingest(Fixtures.request(set))
    let known = try store.knownDefinitions(projectID: 1)
    #expect(!known.isEmpty)
    #expect(try store.knownDefinitions(projectID: 2).isEmpty)
    let manifestFile = try #require(set.manifest)
    guard
      case .manifest(let manifest) = try ArtifactReader.read(
        file: manifestFile, expecting: .manifest, known: known)
    else { throw Fixtures.FixtureError(message: "not a manifest") }
    var request = try Fixtures.request(set, project: 2, environment: 2, job: 2)
    request.manifest = NamedArtifact(file: manifestFile, value: manifest)
    let before = try database.dump()
    let error = #expect(throws: StoreError.self) { try store.ingest(request) }
    #expect("\(error.map { "\($0)" } ?? "")".contains("does not hold"))
    #expect(try database.dump() == before)
  }
}

/// The manifest fingerprint (the key that lets runs share a manifest version) keeps the
/// order `String` gives, whatever path the sort takes.
@Suite struct ManifestFingerprintOrderTests {
  static func stringOrder(_ ids: [String], _ hashes: [String]) -> [Int] {
    ids.indices.sorted { a, b in ids[a] != ids[b] ? ids[a] < ids[b] : hashes[a] < hashes[b] }
  }

  @Test(arguments: [
    // ASCII: prefixes, punctuation, equal ids told apart by their hashes.
    ["model.a", "model.a.b", "model.ab", "model.a-b", "model.a", "", "Model.a", "model.a_b"],
    // Not ASCII: composed and decomposed é (equal as Strings), other scripts.
    ["model.é", "model.e\u{301}", "model.z", "model.日本", "model.e"],
  ])
  func theOrderIsStringOrder(_ ids: [String]) {
    let hashes = ids.indices.map { String(repeating: "\(($0 * 7) % 10)", count: 64) }
    #expect(Ingester.sortedOrder(ids: ids, hashes: hashes) == Self.stringOrder(ids, hashes))
  }

  @Test func aRealManifestKeepsItsFingerprint() throws {
    let manifest = try ArtifactReader.readManifest(
      file: Fixtures.publicArtifacts.appendingPathComponent(
        "fivetran-ad-reporting/v7_dbt1.3.0/manifest.json"
      ).path)
    let ids = manifest.nodes.map(\.uniqueID)
    let hashes = manifest.nodes.map(\.contentHash)
    var fingerprint = Fingerprint()
    for index in Self.stringOrder(ids, hashes) {
      fingerprint.combine(ids[index])
      fingerprint.combine(hashes[index])
    }
    #expect(Ingester.manifestFingerprint(manifest) == fingerprint.hexDigest)
  }
}
