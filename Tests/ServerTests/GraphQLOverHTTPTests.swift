import GraphQL
import Testing

@testable import Server

/// The GraphQL-over-HTTP rules: where the document comes from, which media type answers,
/// which status a result gets.
@Suite struct GraphQLOverHTTPTests {
  typealias G = GraphQLOverHTTP

  @Test func postJSONWithVariablesAndOperationName() throws {
    let body = #"{"query":"query Q($id: Int!) { a }","variables":{"id":1},"operationName":"Q"}"#
    let request = try G.request(
      method: "POST", contentType: "application/json; charset=utf-8", body: Array(body.utf8),
      parameters: [:]
    ).get()
    #expect(request.query == "query Q($id: Int!) { a }")
    #expect(request.variables["id"] == .int(1))
    #expect(request.operationName == "Q")
  }

  @Test func postGraphQLBodyAndGetParameters() throws {
    let posted = try G.request(
      method: "POST", contentType: "application/graphql", body: Array("{ a }".utf8),
      parameters: [:]
    ).get()
    #expect(posted.query == "{ a }" && posted.variables.isEmpty && posted.operationName == nil)
    let got = try G.request(
      method: "GET", contentType: nil, body: [],
      parameters: ["query": "{ a }", "variables": #"{"x":"y"}"#, "operationName": ""]
    ).get()
    #expect(got.query == "{ a }" && got.variables["x"] == .string("y"))
    #expect(got.operationName == nil)
  }

  @Test(arguments: [
    ("POST", "application/json", "{", 400, "BAD_REQUEST"),
    ("POST", "application/json", "[]", 400, "BAD_REQUEST"),
    ("POST", "application/json", #"{"query": 1}"#, 400, "BAD_REQUEST"),
    ("POST", "application/json", #"{"query": "{a}", "variables": [1]}"#, 400, "BAD_REQUEST"),
    ("POST", "application/json", #"{"query": "{a}", "operationName": 2}"#, 400, "BAD_REQUEST"),
    ("POST", "text/plain", "{a}", 415, "UNSUPPORTED_MEDIA_TYPE"),
    ("POST", "application/graphql", "", 400, "BAD_REQUEST"),
    ("PUT", "application/json", #"{"query": "{a}"}"#, 405, "METHOD_NOT_ALLOWED"),
  ])
  func refusedRequests(method: String, type: String, body: String, status: Int, code: String) {
    guard
      case .failure(let error) = G.request(
        method: method, contentType: type, body: Array(body.utf8), parameters: [:])
    else {
      Issue.record("\(method) \(type) \(body) was accepted")
      return
    }
    #expect(error.status == status && error.code == code)
    #expect(error.body.contains(#""extensions":{"code":"\#(code)"}"#))
  }

  @Test func getNeedsAQueryAndObjectVariables() {
    for parameters in [
      [:], ["query": "{a}", "variables": "[1]"], ["query": "{a}", "variables": "{"],
    ] {
      guard
        case .failure(let error) = G.request(
          method: "GET", contentType: nil, body: [], parameters: parameters)
      else {
        Issue.record("\(parameters) was accepted")
        continue
      }
      #expect(error.status == 400)
    }
  }

  @Test(
    arguments: [
      (nil, G.json),
      ("", G.json),
      ("*/*", G.json),
      ("application/json", G.json),
      ("application/graphql-response+json", G.graphQLResponseJSON),
      ("application/graphql-response+json, application/json;q=0.9", G.graphQLResponseJSON),
      ("application/json, application/graphql-response+json;q=0.5", G.json),
      ("text/html, application/*;q=0.1", G.json),
      ("text/html", nil),
      ("application/graphql-response+json;q=0", nil),
    ] as [(String?, String?)])
  func responseMediaType(accept: String?, expected: String?) {
    #expect(G.responseMediaType(accept: accept) == expected)
  }

  @Test func statusByMediaType() {
    let requestError = ExecutionResult(data: nil, errors: [GraphQLError(message: "bad")])
    let fieldError = ExecutionResult(data: .null, errors: [GraphQLError(message: "bad")])
    #expect(G.status(of: requestError, mediaType: G.graphQLResponseJSON) == 400)
    #expect(G.status(of: requestError, mediaType: G.json) == 200)
    #expect(G.status(of: fieldError, mediaType: G.graphQLResponseJSON) == 200)
  }
}
