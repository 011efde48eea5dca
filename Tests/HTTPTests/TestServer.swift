import Foundation
import Synchronization

@testable import HTTP

/// A server on 127.0.0.1 with an ephemeral port, short timeouts, and a handler with a few
/// routes; stopped by the test.
enum TestServer {
  /// Timeouts short enough that slow-client cases end quickly.
  static var fastLimits: HTTPLimits {
    var limits = HTTPLimits()
    limits.headerTimeout = .milliseconds(300)
    limits.bodyTimeout = .milliseconds(300)
    limits.idleTimeout = .seconds(5)
    limits.writeTimeout = .seconds(5)
    limits.lingerTimeout = .milliseconds(200)
    return limits
  }

  /// Routes: `/echo` answers the body back, `/peer` the client's address, `/header?name=X`
  /// the value of header X, anything else `METHOD PATH`.
  static let routes: HTTPHandler = { request in
    switch request.path {
    case "/echo":
      return HTTPResponse(
        status: .ok, headers: ["Content-Type": "application/octet-stream"], body: request.body,
        logAnnotations: ["token": "7"])
    case "/peer":
      return HTTPResponse(status: .ok, text: request.head.remoteAddress)
    case "/header":
      let name = QueryString.value("name", in: request.query ?? "") ?? ""
      return HTTPResponse(status: .ok, text: request.headers[name] ?? "(none)")
    default:
      return HTTPResponse(status: .ok, text: "\(request.method) \(request.path)")
    }
  }

  static func start(
    limits: HTTPLimits = fastLimits,
    configure: (inout HTTPServer.Configuration) -> Void = { _ in },
    handler: @escaping HTTPHandler = routes
  ) throws -> HTTPServer {
    var configuration = HTTPServer.Configuration(
      host: "127.0.0.1", port: 0, limits: limits, shutdownGracePeriod: .seconds(5))
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, handler: handler)
    try server.start()
    return server
  }

  /// A client connection to `server`, with a timeout far above the server's own.
  static func connect(_ server: HTTPServer) throws -> HTTPClientConnection {
    var client = HTTPClient(host: "127.0.0.1", port: server.port)
    client.timeout = .seconds(10)
    return try client.connect()
  }

  /// Whether a fresh connection still gets a normal answer.
  static func stillServes(_ server: HTTPServer) throws -> Bool {
    let connection = try connect(server)
    defer { connection.close() }
    let response = try connection.send(.get, "/alive")
    return response.status == .ok && response.body == Array("GET /alive".utf8)
  }
}

/// Values (access log entries, failures) collected across threads.
final class Collector<Element: Sendable>: Sendable {
  private let elements = Mutex<[Element]>([])
  func append(_ element: Element) { elements.withLock { $0.append(element) } }
  var all: [Element] { elements.withLock { $0 } }
}

extension String {
  var bytes: [UInt8] { Array(utf8) }
}
