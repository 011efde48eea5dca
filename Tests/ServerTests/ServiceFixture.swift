import Auth
import CLI
import Foundation
import HTTP
import MetadataStore

@testable import Server

/// A running service on 127.0.0.1 (ephemeral port) over the sample runs but the last one
/// (run 1016, which the upload tests send), with account 1 set up on the Enterprise plan,
/// the metadata API on, and one token of each kind the tests need.
final class ServiceFixture: Sendable {
  let service: Service
  let server: HTTPServer
  let client: HTTPClient
  let databasePath: String
  /// The account's first user (Account Admin role).
  let adminToken: String
  /// Service tokens: Metadata Only for all projects, Account Admin for project 1.
  let metadataToken: String
  let ingestToken: String
  /// The folder of run 1016 (job 101), not loaded.
  static let heldBackRun = SampleRunFolder.runs.appendingPathComponent("101/008")

  init() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("server-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    databasePath = directory.appendingPathComponent("db.sqlite").path
    let store = try MetadataStore(path: databasePath)
    let requests = try SampleRuns.read(under: SampleRunFolder.root.path)
    try SampleRuns.ingest(requests.filter { $0.runID != 1016 }, into: store)
    let account = try store.createAccount(name: "Shop", plan: .enterprise, id: 1)
    adminToken = account.token.plaintext
    let admin = try store.authenticate(adminToken)
    try store.setMetadataAPI(accountID: 1, enabled: true, actor: admin)
    metadataToken =
      try store.createServiceToken(
        accountID: 1, name: "dashboards", permissionSets: [PermissionSet(.metadataOnly)],
        actor: admin
      ).plaintext
    ingestToken =
      try store.createServiceToken(
        accountID: 1, name: "ci",
        permissionSets: [PermissionSet(.accountAdmin, scope: .projects([1]))],
        actor: admin
      ).plaintext
    service = try Service(configuration: ServiceConfiguration(databasePath: databasePath, port: 0))
    let service = self.service
    server = HTTPServer(
      configuration: service.httpConfiguration { _ in }, handler: { service.handle($0) })
    let port = try server.start()
    client = HTTPClient(host: "127.0.0.1", port: port)
  }

  deinit { server.stop() }

  /// One service for the whole test process (its tests do not depend on each other's
  /// writes, except where they create what they read).
  static let shared = Result { try ServiceFixture() }

  /// Sends a request; the token, when given, as `Authorization: Bearer`.
  func send(
    _ method: HTTPMethod, _ path: String, token: String? = nil, headers: HTTPHeaders = [:],
    body: [UInt8] = []
  ) throws -> HTTPResponse {
    var headers = headers
    if let token, !headers.contains("Authorization") {
      headers.set("Authorization", "Bearer \(token)")
    }
    return try client.send(method, path, headers: headers, body: body)
  }

  /// POSTs a GraphQL query as JSON.
  func graphql(
    _ query: String, token: String?, path: String = "/graphql", accept: String? = nil
  ) throws -> HTTPResponse {
    var headers: HTTPHeaders = ["Content-Type": "application/json"]
    if let accept { headers.set("Accept", accept) }
    let body = try JSONSerialization.data(withJSONObject: ["query": query])
    return try send(.post, path, token: token, headers: headers, body: Array(body))
  }
}

/// Where the sample runs are.
enum SampleRunFolder {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("sample-runs")
  static let runs = root.appendingPathComponent("runs")
}

extension HTTPResponse {
  /// The body parsed as a JSON object (an empty one when it is not).
  var json: [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
  }

  var text: String { String(decoding: body, as: UTF8.self) }
}
