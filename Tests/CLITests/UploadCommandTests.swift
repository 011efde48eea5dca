import Auth
import Foundation
import HTTP
import MetadataStore
import Server
import Testing

@testable import CLI

/// `dbt-metadata upload` against a real service: a dbt target folder's artifacts arrive as
/// one run; a refused connection is retried and then reported; a refused token exits 1.
@Suite struct UploadCommandTests {
  static let sampleRun = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("sample-runs/runs/101/001")

  /// A dbt target folder: the run's build manifest and results, sources and catalog.
  static func targetFolder(in directory: ScratchDirectory) throws -> String {
    let target = directory.file("target")
    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
    for (from, to) in [
      ("02-build/manifest.json", "manifest.json"),
      ("02-build/run_results.json", "run_results.json"),
      ("01-source-freshness/sources.json", "sources.json"),
      ("03-docs-generate/catalog.json", "catalog.json"),
    ] {
      try FileManager.default.copyItem(
        atPath: sampleRun.appendingPathComponent(from).path, toPath: target + "/" + to)
    }
    return target
  }

  static func upload(_ arguments: [String], token: String?) -> (Int32, String, String) {
    let captured = CapturedOutput(
      environment: token.map { ["DBT_METADATA_TOKEN": $0] } ?? [:])
    let code = CLI.run(["upload"] + arguments, output: captured.output)
    return (code, captured.standardOutput, captured.standardError)
  }

  @Test func aTargetFolderArrivesAsOneRun() throws {
    let directory = try ScratchDirectory()
    let store = try MetadataStore(path: directory.database)
    let account = try store.createAccount(name: "Shop", plan: .team, id: 1)
    let owner = try store.authenticate(account.token.plaintext)
    let token = try store.createServiceToken(
      accountID: 1, name: "ci", permissionSets: [PermissionSet(.accountAdmin)], actor: owner)
    let service = try Service(
      configuration: ServiceConfiguration(databasePath: directory.database, port: 0))
    let server = HTTPServer(
      configuration: service.httpConfiguration { _ in }, handler: { service.handle($0) })
    let port = try server.start()
    defer { server.stop() }

    let arguments = [
      "--url", "http://127.0.0.1:\(port)", "--account", "1", "--project", "1",
      "--environment", "1", "--job", "101", "--run-id", "1001",
      "--target", try Self.targetFolder(in: directory),
    ]
    let (code, out, err) = Self.upload(arguments, token: token.plaintext)
    #expect(code == 0, "\(err)")
    #expect(out.hasPrefix("run 1001: created"))
    #expect(out.contains("executions: "))
    #expect(try store.runs(accountID: 1).map(\.id) == [1001])
    #expect(
      try store.runs(accountID: 1).first?.artifactKinds.sorted() == [
        "catalog", "manifest", "run-results", "sources",
      ])

    let metadataOnly = try store.createServiceToken(
      accountID: 1, name: "read", permissionSets: [PermissionSet(.metadataOnly)], actor: owner)
    let refused = Self.upload(arguments, token: metadataOnly.plaintext)
    #expect(refused.0 == 1)
    #expect(refused.2.contains("403"))
  }

  @Test func aRefusedConnectionIsRetriedThenReported() throws {
    let directory = try ScratchDirectory()
    // A port nothing listens on: bind one, note it, close it.
    let server = HTTPServer(configuration: .init(port: 0)) { _ in HTTPResponse(status: .ok) }
    let port = try server.start()
    server.stop()
    let (code, _, err) = Self.upload(
      [
        "--url", "http://127.0.0.1:\(port)", "--account", "1", "--project", "1",
        "--environment", "1", "--job", "1", "--retries", "1",
        "--target", try Self.targetFolder(in: directory),
      ], token: "dbtm_x")
    #expect(code == 1)
    #expect(err.contains("trying again in 1 s"))
    #expect(err.contains("cannot connect"))
  }

  @Test func withoutATokenNothingIsSent() throws {
    let directory = try ScratchDirectory()
    let (code, _, err) = Self.upload(
      [
        "--url", "http://127.0.0.1:9", "--account", "1", "--project", "1", "--environment", "1",
        "--job", "1", "--target", try Self.targetFolder(in: directory),
      ], token: nil)
    #expect(code == 1)
    #expect(err.contains("DBT_METADATA_TOKEN"))
  }
}
