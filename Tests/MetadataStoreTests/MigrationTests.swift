import Artifacts
import Foundation
import SQLite
import Testing

@testable import MetadataStore

/// Schema migrations: a database written by the version-1 binary is brought to the
/// current version in place, its data intact.
@Suite struct MigrationTests {
  /// The tables of migration 1.
  static let version1Tables = [
    "account", "project", "environment", "job", "node", "definition", "manifest_version",
    "manifest_member", "lineage_edge", "run", "artifact", "execution", "freshness_result",
    "catalog_column_set", "catalog_column", "catalog_entry", "catalog_stat", "applied_state",
  ]

  @Test func theShippedMigrationIsUnchanged() {
    // SHA-256 of migration 1 as shipped (computed from main's Schema.swift): never edit a
    // shipped migration, append one.
    #expect(
      SHA256.hexDigest(of: Array(Schema.migrations[0].utf8))
        == "6c1eeeb7896be862b6ee3fd3c818b792dd67717ae762a1aa001842426df0b456")
    #expect(Schema.migrations.count == 3)
  }

  /// What undoes each migration after the first, in order: the schema a database had
  /// before it (migration N + 1 is undone by `undo[N - 1]`).
  static let undo = [
    """
    DROP TABLE audit_event; DROP TABLE token_permission; DROP TABLE token;
    DROP TABLE account_user; DROP TABLE account_setting;
    """,
    "DROP INDEX definition_digest; ALTER TABLE definition DROP COLUMN raw_digest",
  ]

  /// Writes a database of schema `version` as that version's binary left it, with
  /// `request` ingested: ingested by this binary, then the later migrations undone (the
  /// current ingester writes columns the old schemas lack), marked `version`.
  static func writeVersion(_ version: Int, at path: String, request: IngestRequest) throws {
    do {
      let store = try MetadataStore(path: path)
      _ = try store.ingest(request)
    }
    let connection = try Connection(path: path)
    try connection.transaction(.immediate) {
      for index in (version - 1..<Schema.currentVersion - 1).reversed() {
        try connection.execute(Self.undo[index])
      }
      try connection.setUserVersion(version)
    }
    #expect(try connection.userVersion() == version)
  }

  /// Writes a version-1 database with one real run ingested.
  static func writeVersion1(at path: String) throws {
    try writeVersion(1, at: path, request: Fixtures.request(Fixtures.set("diy9-dbt/target")))
  }

  /// Every row of the named tables, in the columns of migration 1 (a later migration's
  /// added column, `definition.raw_digest`, is checked on its own).
  static func dump(_ path: String, tables: [String]) throws -> String {
    let connection = try Connection(path: path, mode: .readOnly)
    var text = ""
    for table in tables {
      text += "## \(table)\n"
      let columns = try connection.query("SELECT name FROM pragma_table_info(?)", [.text(table)]) {
        $0.string(at: 0) ?? ""
      }.filter { $0 != "raw_digest" }
      let statement = try connection.prepare(
        "SELECT \(columns.joined(separator: ", ")) FROM \(table)")
      var rows: [String] = []
      while try statement.step() {
        rows.append(
          (0..<statement.columnCount).map { "\(statement.value(at: $0))" }.joined(separator: "|"))
      }
      text += rows.sorted().joined(separator: "\n") + "\n"
    }
    return text
  }

  @Test func aVersion1DatabaseIsMigratedInPlaceWithItsDataIntact() throws {
    let database = try TemporaryDatabase()
    try Self.writeVersion1(at: database.path)
    let before = try Self.dump(database.path, tables: Self.version1Tables)
    #expect(try database.count("run") == 1)
    #expect(try database.count("SELECT count(*) FROM sqlite_schema WHERE name = 'token'") == 0)

    let store = try database.open()
    #expect(try store.schemaVersion() == 3)
    #expect(try Self.dump(database.path, tables: Self.version1Tables) == before)
    for table in ["account_setting", "account_user", "token", "token_permission", "audit_event"] {
      #expect(
        try database.count(
          "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", [.text(table)])
          == 1, "\(table)")
    }
    let runs = try store.allRuns()
    #expect(runs.count == 1)

    // The account that ingest made can now be set up, and its runs are its own.
    #expect(try store.account(id: 1) == nil)
    let created = try store.createAccount(name: "Ingested", plan: .team, id: 1)
    #expect(created.account.id == 1)
    let principal = try store.authenticate(created.token.plaintext)
    #expect(principal.accountID == 1)
    #expect(try store.runs(accountID: principal.accountID).map(\.id) == runs.map(\.id))
    #expect(try Self.dump(database.path, tables: Self.version1Tables).contains("Ingested"))

    // Opening again changes nothing.
    let after = try database.dump()
    _ = try database.open()
    #expect(try database.dump() == after)
  }

  @Test func aVersion2DatabaseIsMigratedInPlaceAndItsNextRunsAreStoredAsBefore() throws {
    let runs = try NextRunTests.sampleRuns().filter { $0.jobID == 201 }
    #expect(runs.count >= 3)
    let database = try TemporaryDatabase()
    let reference = try TemporaryDatabase()
    try Self.writeVersion(
      2, at: database.path, request: NextRunTests.request(runs[0], known: KnownDefinitions()))
    let referenceStore = try reference.open()
    _ = try referenceStore.ingest(NextRunTests.request(runs[0], known: KnownDefinitions()))
    #expect(
      try database.count(
        "SELECT count(*) FROM pragma_table_info('definition') WHERE name = 'raw_digest'") == 0)
    let before = try Self.dump(database.path, tables: Self.version1Tables)

    let store = try database.open()
    #expect(try store.schemaVersion() == 3)
    // The data is intact; the definitions stored before have no raw digest.
    #expect(try Self.dump(database.path, tables: Self.version1Tables) == before)
    #expect(try database.count("SELECT count(*) FROM definition WHERE raw_digest IS NOT NULL") == 0)
    #expect(try store.knownDefinitions(projectID: 1).isEmpty)

    // The first next run maps everything and records the digests; the ones after it
    // recognise the unchanged definitions. All store what the full path stores.
    var recognised: [Int] = []
    for run in runs.dropFirst() {
      let expected = try referenceStore.ingest(
        NextRunTests.request(run, known: KnownDefinitions()))
      let summary = try store.ingest(
        NextRunTests.request(run, known: try store.knownDefinitions(projectID: 1)))
      #expect(NextRunTests.comparable(summary) == NextRunTests.comparable(expected))
      recognised.append(summary.recognisedDefinitions)
    }
    #expect(recognised.first == 0)
    #expect(recognised.dropFirst().allSatisfy { $0 > 500 })
    #expect(try NextRunTests.dump(database.path) == NextRunTests.dump(reference.path))
  }
}
