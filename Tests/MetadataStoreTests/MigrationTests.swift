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
    #expect(Schema.migrations.count == 2)
  }

  /// Writes a version-1 database as the previous binary did: migration 1 only, marked
  /// version 1, with one real run ingested.
  static func writeVersion1(at path: String) throws {
    let connection = try Connection(path: path)
    try connection.execute("PRAGMA page_size = \(Schema.pageSize)")
    try connection.enableWriteAheadLog()
    try connection.transaction(.immediate) {
      try connection.execute(Schema.migrations[0])
      try connection.setApplicationID(Schema.applicationID)
      try connection.setUserVersion(1)
    }
    let request = try Fixtures.request(Fixtures.set("diy9-dbt/target"))
    try connection.transaction(.immediate) {
      var ingester = try Ingester(db: connection, request: request)
      _ = try ingester.ingest()
    }
  }

  /// Every row of the named tables.
  static func dump(_ path: String, tables: [String]) throws -> String {
    let connection = try Connection(path: path, mode: .readOnly)
    var text = ""
    for table in tables {
      text += "## \(table)\n"
      let statement = try connection.prepare("SELECT * FROM \(table)")
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
    #expect(try store.schemaVersion() == 2)
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
}
