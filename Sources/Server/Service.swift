import Auth
import Foundation
import GraphQL
import HTTP
import MetadataAPI
import MetadataStore

/// The service as its users reach it: the routes, over one store and the metadata API.
///
/// | route | who | what |
/// |---|---|---|
/// | `POST/GET /graphql`, `/beta/graphql` | service tokens | the metadata API (GraphQL over HTTP) |
/// | `GET /graphiql` | anyone (the page asks for a token) | the explorer page |
/// | `POST /api/v1/accounts/{id}/runs` | Account Admin tokens | ingest one run's artifacts |
/// | `/api/v1/accounts/{id}/service-tokens[/{token id}]` | Owner / Account Admin users | create, list, revoke |
/// | `/api/v1/accounts/{id}/settings` | Owner / Account Admin users | the metadata API switch |
/// | `GET /healthz` | anyone | liveness: the database answers |
/// | `GET /metrics` | any valid token | Prometheus text: the service's figures, the account's data health |
///
/// Every decision about access is ``Auth``'s, asked through the store; every answer to a
/// refused request is GraphQL-shaped JSON with `extensions.code` (DESIGN.md).
public final class Service: Sendable {
  /// The store: one writer (uploads, token admin, last use) and a pool of readers
  /// (queries), so queries never wait for an ingest.
  public let store: MetadataStore
  /// The metadata API over the store.
  public let api: MetadataAPI
  /// The service's figures for `/metrics`.
  public let metrics: ServiceMetrics
  public let configuration: ServiceConfiguration

  /// Opens (creating or migrating) the database and builds the API.
  public init(configuration: ServiceConfiguration) throws {
    self.configuration = configuration
    store = try MetadataStore(path: configuration.databasePath)
    api = try MetadataAPI(store: store)
    metrics = ServiceMetrics()
  }

  /// The HTTP server configuration for this service: its address and limits, larger bodies
  /// for uploads only, and one access log line per request through `log`.
  public func httpConfiguration(log: @escaping @Sendable (String) -> Void)
    -> HTTPServer.Configuration
  {
    var http = HTTPServer.Configuration(
      host: configuration.host, port: configuration.port, limits: configuration.limits)
    let uploadLimit = configuration.maxUploadBytes
    let defaultLimit = configuration.limits.maxBodyBytes
    http.bodyLimit = { head in
      Route(path: head.path).isUpload ? uploadLimit : defaultLimit
    }
    http.accessLog = { entry in log(entry.line) }
    // An upload may be large: refuse one whose token may not ingest into the route's
    // account (in any project: the form names the project) before reading its body.
    http.preflight = { [self] head in
      guard case .runs(let accountID) = Route(path: head.path) else { return nil }
      do {
        let token = try AuthorizationHeader.token(from: head.headers["Authorization"])
        let principal = try store.authenticate(token)
        try store.authorize(
          principal, .ingest, accountID: accountID,
          projectID: principal.someCoveredProject(by: [.accountAdmin]))
        return nil
      } catch {
        return .refusal(Self.endpointError(error))
      }
    }
    return http
  }

  /// Answers one request and records it in the metrics under its route pattern.
  public func handle(_ request: HTTPRequest) -> HTTPResponse {
    let started = ContinuousClock.now
    let route = Route(path: request.path)
    var response: HTTPResponse
    do {
      response = try answer(decoded(request, route: route), route: route)
    } catch {
      // The client gets the category; the operator's access log line gets the detail.
      response = .refusal(Self.endpointError(error))
    }
    let elapsed = ContinuousClock.now - started
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    metrics.recordRequest(route: route.pattern, status: response.status.code, seconds: seconds)
    return response
  }

  /// The request with its body decoded from its `Content-Encoding` (gzip), within the
  /// route's body limit: 413 past it, 415 for another coding, 400 for broken gzip.
  private func decoded(_ request: HTTPRequest, route: Route) throws -> HTTPRequest {
    let limit = route.isUpload ? configuration.maxUploadBytes : configuration.limits.maxBodyBytes
    var decoded = request
    do {
      decoded.body = try request.decodedBody(limit: limit)
    } catch .tooLarge {
      throw EndpointError(
        status: 413, code: "PAYLOAD_TOO_LARGE",
        message: "The body decompresses to more than \(limit) bytes.")
    } catch .unsupportedCoding(let coding) {
      throw EndpointError(
        status: 415, code: "UNSUPPORTED_MEDIA_TYPE",
        message: "Content-Encoding \(coding) is not supported; send gzip or none.")
    } catch {
      throw EndpointError.badRequest("The body's Content-Encoding does not decode: \(error)")
    }
    return decoded
  }

  private func answer(_ request: HTTPRequest, route: Route) throws -> HTTPResponse {
    switch route {
    case .graphql: return try graphql(request)
    case .explorer:
      try Self.allow(request, ["GET", "HEAD"])
      return HTTPResponse(
        status: .ok,
        headers: [
          "Content-Type": "text/html; charset=utf-8",
          "Content-Security-Policy":
            "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
        ], body: Array(ExplorerPage.html.utf8))
    case .health:
      try Self.allow(request, ["GET", "HEAD"])
      _ = try store.schemaVersion()
      return HTTPResponse(status: .ok, text: "ok\n")
    case .metrics:
      try Self.allow(request, ["GET", "HEAD"])
      let principal = try authenticate(request)
      var response = HTTPResponse(
        status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8",
        text: metrics.exposition(
          health: try store.dataHealth(accountID: principal.accountID),
          databaseBytes: databaseBytes()))
      response.logAnnotations["token"] = "\(principal.tokenID)"
      return response
    case .runs(let accountID): return try upload(request, accountID: accountID)
    case .serviceTokens(let accountID, let tokenID):
      return try serviceTokens(request, accountID: accountID, tokenID: tokenID)
    case .settings(let accountID): return try settings(request, accountID: accountID)
    case .unknown:
      throw EndpointError(
        status: 404, code: "NOT_FOUND", message: "No route for \(request.path).")
    }
  }

  // MARK: - GraphQL

  /// The metadata API over HTTP: Accept negotiation, the token, the document, execution.
  private func graphql(_ request: HTTPRequest) throws -> HTTPResponse {
    let accept = request.headers.combined("Accept")
    guard let mediaType = GraphQLOverHTTP.responseMediaType(accept: accept) else {
      throw EndpointError(
        status: 406, code: "NOT_ACCEPTABLE",
        message:
          "The response is application/graphql-response+json or application/json; Accept lists neither."
      )
    }
    // One snapshot for the token, the account's policy and every resolver's read.
    let (principal, result) = try store.snapshot {
      let principal = try authenticate(request)
      let access: RequestAccess
      do {
        access = try api.authorize(principal)
      } catch {
        throw Self.endpointError(error)
      }
      var parameters: [String: String] = [:]
      for item in request.queryItems where parameters[item.name] == nil {
        parameters[item.name] = item.value
      }
      let parsed = GraphQLOverHTTP.request(
        method: request.method.rawValue, contentType: request.headers["Content-Type"],
        body: request.body, parameters: parameters)
      let document = try parsed.get()
      let result = api.execute(
        query: document.query, variables: document.variables,
        operationName: document.operationName, access: access)
      return (principal, result)
    }
    var response = HTTPResponse.json(
      result.toJSON(),
      status: HTTPStatus(
        serviceCode: GraphQLOverHTTP.status(of: result, mediaType: mediaType)),
      contentType: mediaType + "; charset=utf-8")
    response.logAnnotations["token"] = "\(principal.tokenID)"
    return response
  }

  // MARK: - Access

  /// The principal of the request's `Authorization: Bearer|Token <token>` header.
  func authenticate(_ request: HTTPRequest) throws -> Principal {
    do {
      let token = try AuthorizationHeader.token(from: request.headers["Authorization"])
      return try store.authenticate(token)
    } catch {
      throw Self.endpointError(error)
    }
  }

  /// Refuses methods a route does not answer with 405 and its `Allow` header.
  static func allow(_ request: HTTPRequest, _ methods: [String]) throws {
    guard methods.contains(request.method.rawValue) else {
      throw EndpointError(
        status: 405, code: "METHOD_NOT_ALLOWED",
        message:
          "\(request.path) answers \(methods.joined(separator: ", ")), not \(request.method.rawValue).",
        headers: [("Allow", methods.joined(separator: ", "))])
    }
  }

  /// An error as the answer to send: authentication and authorization failures by their
  /// category (401 with `WWW-Authenticate`, 403, 404), bad input 400, a conflict with what
  /// is stored 409, others 500 with a generic message (their text names the database and
  /// is for the operator's log, not the client).
  static func endpointError(_ error: any Error) -> EndpointError {
    switch error {
    case let error as EndpointError: return error
    case let error as AuthError:
      switch error.category {
      case .unauthenticated:
        let challenge =
          error.reason == .missingToken
          ? #"Bearer realm="dbt-metadata""#
          : #"Bearer realm="dbt-metadata", error="invalid_token""#
        return EndpointError(
          status: 401, code: "UNAUTHENTICATED", message: error.description,
          headers: [("WWW-Authenticate", challenge)])
      case .forbidden:
        return EndpointError(status: 403, code: "FORBIDDEN", message: error.description)
      case .notFound:
        return EndpointError(status: 404, code: "NOT_FOUND", message: error.description)
      case .invalidRequest:
        return EndpointError(status: 400, code: "BAD_REQUEST", message: error.description)
      case .internalFailure:
        return EndpointError(
          status: 500, code: "INTERNAL_SERVER_ERROR", message: error.description,
          detail: "\(error)")
      }
    case let error as StoreError:
      switch error.reason {
      case .invalidInput(let message):
        return EndpointError(status: 400, code: "BAD_REQUEST", message: message)
      case .hierarchyConflict(let message), .runConflict(let message):
        return EndpointError(status: 409, code: "CONFLICT", message: message)
      default:
        return EndpointError(
          status: 500, code: "INTERNAL_SERVER_ERROR",
          message: "The service could not read or write its database.", detail: "\(error)")
      }
    default:
      return EndpointError(
        status: 500, code: "INTERNAL_SERVER_ERROR",
        message: "The service failed to answer this request.", detail: "\(error)")
    }
  }

  /// The database file and its WAL, in bytes.
  func databaseBytes() -> Int64 {
    [configuration.databasePath, configuration.databasePath + "-wal"].reduce(0) { total, path in
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber
      return total + (size?.int64Value ?? 0)
    }
  }
}
