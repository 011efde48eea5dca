import GraphQL

/// A request the service refuses before GraphQL executes anything: its HTTP status, a
/// machine-readable code (`extensions.code`) and a message, answered as a GraphQL-shaped
/// body `{"errors":[{"message":..., "extensions":{"code":...}}]}` (DESIGN.md, Authorization).
public struct EndpointError: Error, Sendable, Equatable {
  /// The HTTP status: 400, 401, 403, 404, 405, 406, 413, 415...
  public var status: Int
  /// `extensions.code`: `BAD_REQUEST`, `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`...
  public var code: String
  public var message: String
  /// Headers the answer must carry (`WWW-Authenticate` on 401, `Allow` on 405).
  public var headers: [(String, String)]
  /// What went wrong, for the operator's access log only (a 500's database error names
  /// the file and the statement, which the client must not see); never sent.
  public var detail: String?

  public init(
    status: Int, code: String, message: String, headers: [(String, String)] = [],
    detail: String? = nil
  ) {
    self.status = status
    self.code = code
    self.message = message
    self.headers = headers
    self.detail = detail
  }

  public static func == (a: EndpointError, b: EndpointError) -> Bool {
    a.status == b.status && a.code == b.code && a.message == b.message
      && a.headers.elementsEqual(b.headers) { $0 == $1 }
  }

  /// The GraphQL-shaped JSON body.
  public var body: String {
    let error = GraphQLError(message: message, extensions: ["code": .string(code)])
    return ExecutionResult(data: nil, errors: [error]).serialized()
  }

  static func badRequest(_ message: String) -> EndpointError {
    EndpointError(status: 400, code: "BAD_REQUEST", message: message)
  }
}
