import Foundation
import HTTP
import Testing

@testable import HTTP
@testable import Server

/// Uploads (multipart, gzip parts) under Account Admin tokens, the admin endpoints under
/// administrator users, and queries that keep succeeding while an upload ingests.
@Suite(.serialized) struct UploadAndAdminRouteTests {
  private func fixture() throws -> ServiceFixture { try ServiceFixture.shared.get() }

  /// The held-back run's artifacts as one multipart form (each file gzip-compressed).
  static func runForm(jobID: Int = 101, runID: Int = 1016) throws -> (String, [UInt8]) {
    let folder = ServiceFixture.heldBackRun
    var parts: [MultipartPart] = []
    for (name, value) in [
      ("project_id", "1"), ("environment_id", "1"), ("job_id", "\(jobID)"), ("run_id", "\(runID)"),
      ("job_name", "nightly"),
    ] {
      parts.append(
        MultipartPart(
          name: name, filename: nil, contentType: nil, headers: [:], body: Array(value.utf8)))
    }
    for file in [
      "01-source-freshness/sources.json", "02-build/manifest.json", "02-build/run_results.json",
      "03-docs-generate/run_results.json", "03-docs-generate/catalog.json",
    ] {
      let bytes = try Array(Data(contentsOf: folder.appendingPathComponent(file)))
      parts.append(
        MultipartPart(
          name: "artifact", filename: file + ".gz", contentType: "application/gzip", headers: [:],
          body: try Gzip.compress(bytes)))
    }
    let encoded = MultipartFormData.encode(parts)
    return (encoded.contentType, encoded.body)
  }

  @Test func anAccountAdminTokenUploadsARunThatQueriesThenSee() throws {
    let fixture = try fixture()
    let (type, body) = try Self.runForm()
    let refused = try fixture.send(
      .post, "/api/v1/accounts/1/runs", token: fixture.metadataToken,
      headers: ["Content-Type": type], body: body)
    #expect(refused.status.code == 403)

    // Queries run on other threads while the upload ingests; none fails.
    let failures = QueryLoad.run(fixture: fixture, count: 40) {
      let response = try fixture.send(
        .post, "/api/v1/accounts/1/runs", token: fixture.ingestToken,
        headers: ["Content-Type": type], body: body)
      #expect(response.status.code == 201, "\(response.text)")
      let data = response.json["data"] as? [String: Any]
      #expect(data?["run_id"] as? Int == 1016)
      #expect(data?["outcome"] as? String == "created")
      // A next run of the project: its unchanged definitions are recognised by their
      // raw digests, not mapped again.
      #expect((data?["recognised_definitions"] as? Int ?? 0) > 0, "\(response.text)")
    }
    #expect(failures.isEmpty, "\(failures)")

    let again = try fixture.send(
      .post, "/api/v1/accounts/1/runs", token: fixture.ingestToken,
      headers: ["Content-Type": type], body: body)
    #expect(again.status.code == 200)
    #expect((again.json["data"] as? [String: Any])?["outcome"] as? String == "unchanged")

    let latest = try fixture.graphql(
      #"{ model(jobId: 101, uniqueId: "model.shop.fct_orders") { runId } }"#,
      token: fixture.metadataToken)
    let model = (latest.json["data"] as? [String: Any])?["model"] as? [String: Any]
    #expect(model?["runId"] as? Int == 1016)
  }

  @Test(arguments: [
    ("text/plain", "x", 400),
    (
      "multipart/form-data; boundary=abc",
      "--abc\r\nContent-Disposition: form-data; name=\"project_id\"\r\n\r\n1\r\n--abc--\r\n", 400
    ),
  ])
  func badUploadsAreRefused(type: String, body: String, status: Int) throws {
    let fixture = try fixture()
    let response = try fixture.send(
      .post, "/api/v1/accounts/1/runs", token: fixture.ingestToken,
      headers: ["Content-Type": type], body: Array(body.utf8))
    #expect(response.status.code == status)
    #expect(ServiceRouteTests.code(response) == "BAD_REQUEST")
  }

  @Test func anUploadWhoseTokenMayNotIngestIsRefusedBeforeItsBodyIsRead() throws {
    let fixture = try fixture()
    for (token, account, status) in [
      ("dbtm_nope", 1, "401"), (fixture.metadataToken, 1, "403"), (fixture.ingestToken, 2, "404"),
    ] {
      let socket = try Socket.connect(
        host: "127.0.0.1", port: fixture.server.port, timeout: .seconds(5))
      defer { socket.close() }
      // Headers announcing 100 MB that never come: the answer must not wait for them.
      let head =
        "POST /api/v1/accounts/\(account)/runs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000000\r\n\r\n"
      try socket.send(Array(head.utf8), deadline: .now + .seconds(5))
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = try socket.receive(into: &buffer, deadline: .now + .seconds(5))
      let answer = String(decoding: buffer.prefix(count), as: UTF8.self)
      #expect(answer.hasPrefix("HTTP/1.1 \(status)"), "\(answer)")
      if status == "401" { #expect(answer.contains("WWW-Authenticate: Bearer")) }
    }
  }

  @Test func aRunIDOfAnotherJobIsAConflict() throws {
    let fixture = try fixture()
    let (type, body) = try Self.runForm(jobID: 102, runID: 1001)
    let response = try fixture.send(
      .post, "/api/v1/accounts/1/runs", token: fixture.ingestToken,
      headers: ["Content-Type": type], body: body)
    #expect(response.status.code == 409, "\(response.text)")
    #expect(ServiceRouteTests.code(response) == "CONFLICT")
  }

  @Test(arguments: [
    ("POST", "service-tokens", #"{"kind": "metadata-only"}"#, 400),
    ("POST", "service-tokens", #"{"name": "x", "kind": "owner"}"#, 400),
    ("POST", "service-tokens", #"{"name": "x", "kind": "metadata-only", "projects": "all"}"#, 400),
    ("POST", "service-tokens", #"{"name": "x", "kind": "metadata-only", "projects": [0]}"#, 400),
    ("POST", "service-tokens", #"{"name": " ", "kind": "metadata-only"}"#, 400),
    ("POST", "service-tokens", "not json", 400),
    ("PATCH", "settings", #"{"metadata_api_enabled": "yes"}"#, 400),
    ("PATCH", "settings", "[]", 400),
    ("PUT", "settings", "{}", 405),
  ])
  func badAdminRequestsAreRefused(method: String, route: String, body: String, status: Int)
    throws
  {
    let fixture = try fixture()
    let response = try fixture.send(
      HTTPMethod(method), "/api/v1/accounts/1/\(route)", token: fixture.adminToken,
      headers: ["Content-Type": "application/json"], body: Array(body.utf8))
    #expect(response.status.code == status, "\(response.text)")
    #expect(ServiceRouteTests.code(response) != nil)
  }

  @Test func anAdminBodyOfAnotherMediaTypeIs415() throws {
    let fixture = try fixture()
    let response = try fixture.send(
      .post, "/api/v1/accounts/1/service-tokens", token: fixture.adminToken,
      headers: ["Content-Type": "text/plain"], body: Array("{}".utf8))
    #expect(response.status.code == 415)
  }

  @Test func aBrokenArtifactIsRefusedNamingTheFile() throws {
    let fixture = try fixture()
    let parts = [
      MultipartPart(
        name: "project_id", filename: nil, contentType: nil, headers: [:], body: Array("1".utf8)),
      MultipartPart(
        name: "environment_id", filename: nil, contentType: nil, headers: [:], body: Array("1".utf8)
      ),
      MultipartPart(
        name: "job_id", filename: nil, contentType: nil, headers: [:], body: Array("101".utf8)),
      MultipartPart(
        name: "artifact", filename: "manifest.json", contentType: nil, headers: [:],
        body: Array("{\"metadata\": 1".utf8)),
    ]
    let form = MultipartFormData.encode(parts)
    let response = try fixture.send(
      .post, "/api/v1/accounts/1/runs", token: fixture.ingestToken,
      headers: ["Content-Type": form.contentType], body: form.body)
    #expect(response.status.code == 422)
    #expect(response.text.contains("manifest.json"))
  }

  @Test func administratorsManageServiceTokensAndSettings() throws {
    let fixture = try fixture()
    let json: HTTPHeaders = ["Content-Type": "application/json"]
    let created = try fixture.send(
      .post, "/api/v1/accounts/1/service-tokens", token: fixture.adminToken, headers: json,
      body: Array(#"{"name": "looker", "kind": "metadata-only", "projects": [1]}"#.utf8))
    #expect(created.status.code == 201, "\(created.text)")
    let data = created.json["data"] as? [String: Any]
    let token = try #require(data?["token"] as? String)
    let id = try #require(data?["token_id"] as? Int)
    #expect(
      try fixture.graphql("{ models(jobId: 101) { uniqueId } }", token: token).status.code == 200)

    let listed = try fixture.send(
      .get, "/api/v1/accounts/1/service-tokens", token: fixture.adminToken)
    let tokens = listed.json["data"] as? [[String: Any]]
    #expect(tokens?.contains { $0["token_id"] as? Int == id } == true)
    #expect(!listed.text.contains(token))

    let byService = try fixture.send(
      .get, "/api/v1/accounts/1/service-tokens", token: fixture.ingestToken)
    #expect(byService.status.code == 403)
    let otherAccount = try fixture.send(
      .get, "/api/v1/accounts/2/service-tokens", token: fixture.adminToken)
    #expect(otherAccount.status.code == 404)

    let revoked = try fixture.send(
      .delete, "/api/v1/accounts/1/service-tokens/\(id)", token: fixture.adminToken)
    #expect(revoked.status.code == 200)
    #expect(
      try fixture.graphql("{ models(jobId: 101) { uniqueId } }", token: token).status.code == 401)

    let settings = try fixture.send(.get, "/api/v1/accounts/1/settings", token: fixture.adminToken)
    #expect((settings.json["data"] as? [String: Any])?["metadata_api_enabled"] as? Bool == true)
    let off = try fixture.send(
      .patch, "/api/v1/accounts/1/settings", token: fixture.adminToken, headers: json,
      body: Array(#"{"metadata_api_enabled": false}"#.utf8))
    #expect(off.status.code == 200)
    let disabled = try fixture.graphql(
      "{ models(jobId: 101) { uniqueId } }", token: fixture.metadataToken)
    #expect(disabled.status.code == 403)
    #expect(disabled.text.contains("metadata API"))
    _ = try fixture.send(
      .patch, "/api/v1/accounts/1/settings", token: fixture.adminToken, headers: json,
      body: Array(#"{"metadata_api_enabled": true}"#.utf8))
  }
}

/// GraphQL queries sent from other threads while `body` runs, until it returns: the
/// failures (a non-200 status or errors in the body).
enum QueryLoad {
  static func run(fixture: ServiceFixture, count: Int, while body: () throws -> Void) -> [String] {
    let failures = FailureList()
    let group = DispatchGroup()
    for index in 0..<count {
      DispatchQueue.global().async(group: group) {
        do {
          let response = try fixture.graphql(
            "{ models(jobId: 101) { uniqueId executionTime } }", token: fixture.metadataToken)
          if response.status.code != 200 || response.json["errors"] != nil {
            failures.append("query \(index): \(response.status) \(response.text.prefix(200))")
          }
        } catch {
          failures.append("query \(index): \(error)")
        }
      }
    }
    do { try body() } catch { failures.append("body: \(error)") }
    group.wait()
    return failures.list
  }
}

/// A thread-safe list of failure messages.
final class FailureList: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func append(_ item: String) {
    lock.lock()
    items.append(item)
    lock.unlock()
  }
  var list: [String] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}
