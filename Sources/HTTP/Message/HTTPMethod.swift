/// A request method (RFC 9110 §9): an open set of tokens, compared case-sensitively.
///
/// Methods are a struct rather than a closed enum so that any syntactically valid token
/// parses; the server answers 501 to those outside ``HTTPMethod/implemented`` (RFC 9110
/// §9.1: "An origin server that receives a request method that is unrecognized or not
/// implemented SHOULD respond with the 501 (Not Implemented) status code").
///
/// Related specification: <https://www.rfc-editor.org/rfc/rfc9110#section-9>
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  /// The method token as sent, e.g. `"GET"`.
  public let rawValue: String

  /// Wraps a method token; the parser has already checked it is a `token` (RFC 9110 §5.6.2).
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Same as ``init(rawValue:)``.
  public init(_ rawValue: String) { self.rawValue = rawValue }

  public var description: String { rawValue }

  public static let get = HTTPMethod("GET")
  public static let head = HTTPMethod("HEAD")
  public static let post = HTTPMethod("POST")
  public static let put = HTTPMethod("PUT")
  public static let delete = HTTPMethod("DELETE")
  public static let patch = HTTPMethod("PATCH")
  public static let options = HTTPMethod("OPTIONS")

  /// The methods the server passes to its handler; any other token is answered 501.
  /// (CONNECT and TRACE are deliberately absent: this server is no proxy, and TRACE
  /// would echo credentials.)
  public static let implemented: Set<HTTPMethod> = [
    .get, .head, .post, .put, .delete, .patch, .options,
  ]
}
