import Foundation
import HTTP
import Testing

@testable import Server

/// The service over a real socket: the GraphQL endpoint under each auth outcome and media
/// type, the explorer, health and metrics, unknown routes.
@Suite struct ServiceRouteTests {
  private func fixture() throws -> ServiceFixture { try ServiceFixture.shared.get() }

  private let query = "{ models(jobId: 101) { uniqueId status } }"

  @Test func aMetadataTokenQueriesTheModelsOfAJob() throws {
    let fixture = try fixture()
    let response = try fixture.graphql(query, token: fixture.metadataToken)
    #expect(response.status.code == 200)
    #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
    let models = (response.json["data"] as? [String: Any])?["models"] as? [[String: Any]]
    #expect((models?.count ?? 0) > 5)
    #expect(models?.contains { $0["uniqueId"] as? String == "model.shop.fct_orders" } == true)
  }

  @Test func theSameEndpointAnswersAtBetaGraphQLWithTokenSchemeAndGet() throws {
    let fixture = try fixture()
    let beta = try fixture.graphql(query, token: fixture.metadataToken, path: "/beta/graphql")
    #expect(beta.status.code == 200)
    let scheme = try fixture.send(
      .post, "/graphql",
      headers: [
        "Authorization": "Token \(fixture.metadataToken)", "Content-Type": "application/graphql",
      ], body: Array(query.utf8))
    #expect(scheme.status.code == 200 && scheme.body == beta.body)
    let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    let get = try fixture.send(.get, "/graphql?query=\(encoded)", token: fixture.metadataToken)
    #expect(get.status.code == 200 && get.body == beta.body)
  }

  @Test func theGraphQLResponseMediaTypeAnswersRequestErrorsWith400() throws {
    let fixture = try fixture()
    let accept = "application/graphql-response+json"
    let ok = try fixture.graphql(query, token: fixture.metadataToken, accept: accept)
    #expect(ok.status.code == 200)
    #expect(ok.headers["Content-Type"] == "\(accept); charset=utf-8")
    let bad = try fixture.graphql(
      "{ models(jobId: 101) { nope } }", token: fixture.metadataToken, accept: accept)
    #expect(bad.status.code == 400)
    #expect((bad.json["errors"] as? [[String: Any]])?.isEmpty == false)
    #expect(bad.json["data"] == nil)
    let legacy = try fixture.graphql(
      "{ models(jobId: 101) { nope } }", token: fixture.metadataToken)
    #expect(legacy.status.code == 200)
    let refused = try fixture.graphql(query, token: fixture.metadataToken, accept: "text/html")
    #expect(refused.status.code == 406)
  }

  @Test func aGzipEncodedBodyIsDecodedAndAnUnknownCodingRefused() throws {
    let fixture = try fixture()
    let json = try JSONSerialization.data(withJSONObject: ["query": query])
    let gzipped = try fixture.send(
      .post, "/graphql", token: fixture.metadataToken,
      headers: ["Content-Type": "application/json", "Content-Encoding": "gzip"],
      body: try Gzip.compress(Array(json)))
    #expect(gzipped.status.code == 200)
    #expect(gzipped.body == (try fixture.graphql(query, token: fixture.metadataToken)).body)
    let brotli = try fixture.send(
      .post, "/graphql", token: fixture.metadataToken,
      headers: ["Content-Type": "application/json", "Content-Encoding": "br"], body: Array(json))
    #expect(brotli.status.code == 415)
    let broken = try fixture.send(
      .post, "/graphql", token: fixture.metadataToken,
      headers: ["Content-Type": "application/json", "Content-Encoding": "gzip"],
      body: Array(json))
    #expect(broken.status.code == 400)
  }

  @Test func tokensAreChecked() throws {
    let fixture = try fixture()
    let missing = try fixture.graphql(query, token: nil)
    #expect(missing.status.code == 401)
    #expect(missing.headers["WWW-Authenticate"] == #"Bearer realm="dbt-metadata""#)
    #expect(Self.code(missing) == "UNAUTHENTICATED")

    var mistyped = Array(fixture.metadataToken)
    mistyped[10] = mistyped[10] == "a" ? "b" : "a"
    let bad = try fixture.graphql(query, token: String(mistyped))
    #expect(bad.status.code == 401)
    #expect(bad.headers["WWW-Authenticate"]?.contains(#"error="invalid_token""#) == true)

    let user = try fixture.graphql(query, token: fixture.adminToken)
    #expect(user.status.code == 403)
    #expect(Self.code(user) == "FORBIDDEN")
  }

  @Test func explorerHealthAndUnknownRoutes() throws {
    let fixture = try fixture()
    let page = try fixture.send(.get, "/graphiql")
    #expect(page.status.code == 200)
    #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
    #expect(page.text.contains("<html") && page.text.contains("/graphql"))
    let health = try fixture.send(.get, "/healthz")
    #expect(health.status.code == 200 && health.text == "ok\n")
    let unknown = try fixture.send(.get, "/nope", token: fixture.metadataToken)
    #expect(unknown.status.code == 404 && Self.code(unknown) == "NOT_FOUND")
    let method = try fixture.send(.put, "/graphql", token: fixture.metadataToken)
    #expect(method.status.code == 405 && method.headers["Allow"] != nil)
  }

  @Test func metricsNeedATokenAndShowTheAccountsDataHealth() throws {
    let fixture = try fixture()
    #expect(try fixture.send(.get, "/metrics").status.code == 401)
    _ = try fixture.graphql(query, token: fixture.metadataToken)
    let metrics = try fixture.send(.get, "/metrics", token: fixture.metadataToken)
    #expect(metrics.status.code == 200)
    let text = metrics.text
    #expect(text.contains(#"dbt_metadata_http_requests_total{route="/graphql",status="200"}"#))
    #expect(text.contains("dbt_metadata_tests_failing{account_id=\"1\""))
    #expect(text.contains("dbt_metadata_source_seconds_since_loaded{account_id=\"1\""))
    #expect(text.contains("dbt_metadata_database_bytes "))
  }

  static func code(_ response: HTTPResponse) -> String? {
    let errors = response.json["errors"] as? [[String: Any]]
    return (errors?.first?["extensions"] as? [String: Any])?["code"] as? String
  }
}
