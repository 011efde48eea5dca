import GraphQL
import HTTP

/// The service's answers: JSON documents, GraphQL-shaped errors, statuses by code.
extension HTTPResponse {
  /// A JSON body with its media type.
  static func json(
    _ value: JSONValue, status: HTTPStatus = .ok,
    contentType: String = "application/json; charset=utf-8"
  ) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: ["Content-Type": contentType],
      body: value.serializedBytes())
  }

  /// A refused request: its status, headers (`WWW-Authenticate`, `Allow`) and GraphQL-shaped
  /// body with `extensions.code`; its operator-only detail goes to the access log line.
  static func refusal(_ error: EndpointError) -> HTTPResponse {
    var headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8"]
    for (name, value) in error.headers { headers.add(name, value) }
    var response = HTTPResponse(
      status: HTTPStatus(serviceCode: error.status), headers: headers,
      body: Array(error.body.utf8))
    if let detail = error.detail { response.logAnnotations["error"] = detail }
    return response
  }
}

extension HTTPStatus {
  /// The status of a code the service answers with, with its RFC 9110 reason phrase.
  init(serviceCode code: Int) {
    let known: [HTTPStatus] = [
      .ok, .created, .noContent, .badRequest, .unauthorized, .forbidden, .notFound,
      .methodNotAllowed, .notAcceptable, .conflict, .contentTooLarge, .unsupportedMediaType,
      .unprocessableContent, .internalServerError, .serviceUnavailable,
    ]
    self = known.first { $0.code == code } ?? HTTPStatus(code: code, reasonPhrase: "Status")
  }
}
