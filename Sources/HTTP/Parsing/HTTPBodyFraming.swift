/// How a request's body is delimited (RFC 9112 §6.3): not at all, by `Content-Length`,
/// or by the chunked transfer coding.
public enum HTTPBodyFraming: Sendable, Equatable {
  /// No body (neither `Content-Length` nor `Transfer-Encoding`; RFC 9112 §6.3 rule 7).
  case none
  /// Exactly this many bytes follow the head.
  case contentLength(Int)
  /// A chunked body follows (RFC 9112 §7.1).
  case chunked

  /// Whether body bytes are expected after the head.
  public var expectsBody: Bool {
    switch self {
    case .none: false
    case .contentLength(let length): length > 0
    case .chunked: true
    }
  }

  /// The framing of a request, or the error that makes it unreadable.
  ///
  /// - `Transfer-Encoding` together with `Content-Length`: 400. RFC 9112 §6.1 lets a
  ///   server prefer Transfer-Encoding, but such a message "ought to be handled as an
  ///   error", and refusing it closes the request-smuggling door entirely.
  /// - `Transfer-Encoding` in HTTP/1.0: 400 (RFC 9112 §6.1, framing "faulty").
  /// - `chunked` absent, not last, or twice: 400 (RFC 9112 §6.3 rule 4); another coding
  ///   before a final `chunked`: 501 (RFC 9112 §6.1: "SHOULD respond with 501").
  /// - `Content-Length` not a list of equal digit strings: 400 (RFC 9112 §6.3 rule 5);
  ///   larger than any `Int`: 413.
  public static func of(_ head: HTTPRequestHead) throws(HTTPParseError) -> HTTPBodyFraming {
    let lengths = head.headers.values("Content-Length")
    let hasTransferEncoding = head.headers.contains("Transfer-Encoding")
    if hasTransferEncoding {
      if !lengths.isEmpty {
        throw HTTPParseError(.badRequest, "both Content-Length and Transfer-Encoding")
      }
      if head.version == .http1_0 {
        throw HTTPParseError(.badRequest, "Transfer-Encoding in an HTTP/1.0 request")
      }
      let codings = head.headers.tokens("Transfer-Encoding").map {
        // Drop transfer parameters (RFC 9112 §7: `transfer-coding = token *( OWS ";" ... )`).
        String($0.split(separator: ";", maxSplits: 1).first ?? "").trimmingHTTPWhitespace()
      }
      guard codings.last == "chunked", codings.filter({ $0 == "chunked" }).count == 1 else {
        throw HTTPParseError(.badRequest, "chunked must be the final transfer coding, once")
      }
      if codings.count > 1 {
        throw HTTPParseError(.notImplemented, "unsupported transfer coding before chunked")
      }
      return .chunked
    }
    guard !lengths.isEmpty else { return .none }
    var length: Int?
    for value in lengths {
      for element in value.split(separator: ",", omittingEmptySubsequences: false) {
        let digits = element.trimmingHTTPWhitespace()
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
          throw HTTPParseError(.badRequest, "Content-Length is not a number")
        }
        guard let parsed = Int(digits) else {
          throw HTTPParseError(.contentTooLarge, "Content-Length too large")
        }
        if let length, length != parsed {
          throw HTTPParseError(.badRequest, "conflicting Content-Length values")
        }
        length = parsed
      }
    }
    return .contentLength(length ?? 0)
  }
}
