import Glibc

/// A socket call that failed, with `errno` captured at once, or a wait that ended early.
public enum SocketError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A system call failed: its name, `errno` and `strerror(errno)`.
  case failed(call: String, errno: Int32, message: String)
  /// The address could not be resolved: the host and `gai_strerror`'s message.
  case unresolvable(host: String, message: String)
  /// The deadline passed before the socket was ready.
  case timedOut
  /// The server is stopping and the wait was interrupted.
  case interrupted

  /// The error for `call`, reading `errno` before anything else can change it.
  static func failed(_ call: String) -> SocketError {
    let code = errno
    return .failed(call: call, errno: code, message: String(cString: strerror(code)))
  }

  public var description: String {
    switch self {
    case .failed(let call, let code, let message): "\(call) failed: \(message) (errno \(code))"
    case .unresolvable(let host, let message): "cannot resolve \(host): \(message)"
    case .timedOut: "timed out"
    case .interrupted: "interrupted by shutdown"
    }
  }
}
