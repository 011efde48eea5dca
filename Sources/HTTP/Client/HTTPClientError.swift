/// Why a client request failed.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The URL is not `http://host[:port][/path]`.
  case invalidURL(String)
  /// No connection could be made (refused, unreachable, timed out, unresolvable).
  case connectFailed(SocketError)
  /// Sending or receiving failed, or timed out, after the connection was made.
  case transferFailed(SocketError)
  /// The server closed the connection before a complete response.
  case closedEarly
  /// The response is not HTTP/1.x as RFC 9112 writes it: what was wrong.
  case malformedResponse(String)
  /// The response body is larger than the client accepts.
  case responseTooLarge(limit: Int)

  /// Whether trying again later may succeed: the connection was refused or timed out, or
  /// the server went away before answering.
  public var isRetryable: Bool {
    switch self {
    case .connectFailed, .closedEarly: true
    case .transferFailed(.timedOut): true
    default: false
    }
  }

  public var description: String {
    switch self {
    case .invalidURL(let url): "invalid URL \(url) (expected http://host[:port][/path])"
    case .connectFailed(let error): "cannot connect: \(error)"
    case .transferFailed(let error): "connection failed: \(error)"
    case .closedEarly: "the server closed the connection before answering"
    case .malformedResponse(let reason): "malformed response: \(reason)"
    case .responseTooLarge(let limit): "response larger than \(limit) bytes"
    }
  }
}
