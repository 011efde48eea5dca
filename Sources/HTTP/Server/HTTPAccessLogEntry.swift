/// One request as the access log sees it: what was asked, how it was answered, how long
/// it took, and the handler's ``HTTPResponse/logAnnotations`` (such as a token id).
///
/// Requests refused before they were fully read (protocol errors, over-limit bodies) are
/// logged too, with `-` for what is unknown.
public struct HTTPAccessLogEntry: Sendable, Equatable {
  /// The method, or `-` when the request line could not be read.
  public let method: String
  /// The path without the query (queries can carry data that does not belong in logs),
  /// or `-` when unknown.
  public let path: String
  /// The status code sent.
  public let status: Int
  /// The number of body bytes sent (0 for HEAD).
  public let bytes: Int
  /// From the first byte of the request to the last byte of the response.
  public let duration: Duration
  /// The peer's "ip:port".
  public let remoteAddress: String
  /// The handler's annotations.
  public let annotations: [String: String]

  /// An entry.
  public init(
    method: String, path: String, status: Int, bytes: Int, duration: Duration,
    remoteAddress: String, annotations: [String: String]
  ) {
    self.method = method
    self.path = path
    self.status = status
    self.bytes = bytes
    self.duration = duration
    self.remoteAddress = remoteAddress
    self.annotations = annotations
  }

  /// One line: `127.0.0.1:50312 POST /graphql 200 1234B 3.217ms token=17`, annotations
  /// sorted by key.
  public var line: String {
    let (seconds, attoseconds) = duration.components
    let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    let milliseconds = "\(microseconds / 1000).\(String(microseconds % 1000 + 1000).dropFirst())"
    var text = "\(remoteAddress) \(method) \(path) \(status) \(bytes)B \(milliseconds)ms"
    for key in annotations.keys.sorted() {
      text += " \(key)=\(annotations[key] ?? "")"
    }
    return text
  }
}
