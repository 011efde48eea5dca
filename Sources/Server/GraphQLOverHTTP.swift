import Foundation
import GraphQL
import HTTP

/// The GraphQL-over-HTTP rules the `/graphql` endpoint follows: how a request carries its
/// document (POST `application/json` or `application/graphql`, GET with URL parameters),
/// which media type the response has, and which status it answers with.
///
/// Pure functions of the request's parts, independent of the HTTP module's types, so each
/// rule is tested alone.
///
/// See https://graphql.github.io/graphql-over-http/draft/
enum GraphQLOverHTTP {
  /// The response media type of the draft, chosen when the client accepts it.
  static let graphQLResponseJSON = "application/graphql-response+json"
  /// The legacy media type, the answer to clients that do not ask for the new one.
  static let json = "application/json"

  /// One GraphQL request: the document text, its variables and the operation to run.
  struct Request: Equatable {
    var query: String
    var variables: JSONObject
    var operationName: String?
  }

  /// Reads the request's document from a POST body or the GET URL's parameters.
  ///
  /// - Parameters:
  ///   - method: `GET` or `POST` (`HEAD` is answered as `GET`); others are 405.
  ///   - contentType: the POST body's `Content-Type`; `application/json` (any charset) or
  ///     `application/graphql`; others are 415.
  ///   - parameters: the decoded URL query parameters (GET).
  static func request(
    method: String, contentType: String?, body: [UInt8], parameters: [String: String]
  ) -> Result<Request, EndpointError> {
    switch method {
    case "GET", "HEAD":
      guard let query = parameters["query"], !query.isEmpty else {
        return .failure(.badRequest("A GET request needs the document in the `query` parameter."))
      }
      var variables = JSONObject()
      if let text = parameters["variables"], !text.isEmpty {
        guard let parsed = try? JSONParser.parse(text), let object = parsed.objectValue else {
          return .failure(.badRequest("The `variables` parameter must be a JSON object."))
        }
        variables = object
      }
      let operation = parameters["operationName"].flatMap { $0.isEmpty ? nil : $0 }
      return .success(Request(query: query, variables: variables, operationName: operation))
    case "POST":
      return postRequest(contentType: contentType, body: body)
    default:
      return .failure(
        EndpointError(
          status: 405, code: "METHOD_NOT_ALLOWED",
          message: "GraphQL requests are sent with POST (or GET for queries), not \(method).",
          headers: [("Allow", "GET, HEAD, POST")]))
    }
  }

  private static func postRequest(contentType: String?, body: [UInt8]) -> Result<
    Request, EndpointError
  > {
    let mediaType = contentType.map(Self.mediaType) ?? ""
    switch mediaType {
    case "application/graphql":
      guard let text = String(validating: body, as: UTF8.self), !text.isEmpty else {
        return .failure(.badRequest("The application/graphql body must be a UTF-8 document."))
      }
      return .success(Request(query: text, variables: JSONObject(), operationName: nil))
    case "application/json", "":
      let parsed: JSONValue
      do {
        parsed = try JSONParser.parse(body)
      } catch {
        return .failure(.badRequest("The body is not JSON: \(error.message)"))
      }
      guard let object = parsed.objectValue else {
        return .failure(.badRequest("The body must be a JSON object with a `query` string."))
      }
      guard let query = object["query"]?.stringValue else {
        return .failure(.badRequest("The body must be a JSON object with a `query` string."))
      }
      var variables = JSONObject()
      switch object["variables"] {
      case nil, .null?: break
      case .object(let value)?: variables = value
      default: return .failure(.badRequest("`variables` must be a JSON object."))
      }
      var operationName: String?
      switch object["operationName"] {
      case nil, .null?: break
      case .string(let name)?: operationName = name
      default: return .failure(.badRequest("`operationName` must be a string."))
      }
      return .success(Request(query: query, variables: variables, operationName: operationName))
    default:
      return .failure(
        EndpointError(
          status: 415, code: "UNSUPPORTED_MEDIA_TYPE",
          message:
            "Send the request as application/json ({\"query\": ...}) or application/graphql, not \(mediaType)."
        ))
    }
  }

  /// The response media type for an `Accept` header: the draft's type when the client
  /// lists it (before `application/json`, or alone), `application/json` when it lists
  /// that, `*/*` or nothing; nil (406) when it accepts neither.
  static func responseMediaType(accept: String?) -> String? {
    guard let accept, !accept.trimmingCharacters(in: .whitespaces).isEmpty else { return json }
    var best: (type: String, quality: Double)?
    for item in accept.split(separator: ",") {
      let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      let type = parts.first?.lowercased() ?? ""
      var quality = 1.0
      for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
        quality = Double(parameter.dropFirst(2)) ?? 1.0
      }
      let candidate: String
      switch type {
      case graphQLResponseJSON: candidate = graphQLResponseJSON
      case json, "application/*", "*/*": candidate = json
      default: continue
      }
      guard quality > 0 else { continue }
      if best == nil || quality > best?.quality ?? 0 { best = (candidate, quality) }
    }
    return best?.type
  }

  /// The status of an executed (or refused) request: with the draft's media type, a
  /// request error (no `data`) is 400 and anything that executed is 200; with
  /// `application/json` every GraphQL response is 200, as legacy clients expect.
  static func status(of result: ExecutionResult, mediaType: String) -> Int {
    if mediaType == graphQLResponseJSON && result.data == nil { return 400 }
    return 200
  }

  /// `application/json; charset=utf-8` -> `application/json` (the HTTP module's header
  /// value parser).
  static func mediaType(_ contentType: String) -> String {
    HeaderValue.parse(contentType).value
  }
}
