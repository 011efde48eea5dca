/// Reads a request's head (request line and header fields, RFC 9112 §2-§5) from the bytes
/// received so far, incrementally and within ``HTTPLimits``.
///
/// Call ``parse(_:)`` with everything received since the request began, each time more
/// arrives; it remembers how far it has looked, so a client sending one byte at a time
/// costs linear work, not quadratic. It returns `nil` until the blank line that ends the
/// head has arrived, and throws as soon as the bytes so far can no longer form a valid head
/// within the limits.
///
/// Deliberately strict, since the service sits behind a reverse proxy and any leniency
/// the proxy does not share is a request-smuggling risk: every line ends in CRLF (a bare
/// LF or CR is a 400, RFC 9112 §2.2), no whitespace between a field name and its colon
/// (RFC 9112 §5.1), no obsolete line folding (RFC 9112 §5.2), single spaces on the request
/// line (RFC 9112 §3), and an HTTP/1.1 request has exactly one `Host` (RFC 9112 §3.2).
/// Empty lines before the request line are skipped (RFC 9112 §2.2, "SHOULD ignore").
///
/// For example:
/// ```swift
/// var parser = HTTPRequestHeadParser(limits: HTTPLimits())
/// if let (head, length) = try parser.parse(received[...]) { /* body starts at length */ }
/// ```
public struct HTTPRequestHeadParser: Sendable {
  /// The limits enforced.
  public let limits: HTTPLimits
  /// Bytes of the input already searched for line ends.
  private var scanned = 0
  /// Bytes of empty lines skipped before the request line.
  private var leading = 0
  /// Whether the first byte of the request line has been seen.
  private var started = false
  /// Offset just past the request line's CRLF, once found.
  private var requestLineEnd: Int?
  /// Offset where the current header line starts.
  private var lineStart = 0
  /// Header lines seen so far.
  private var fieldCount = 0

  /// A parser for one request head.
  public init(limits: HTTPLimits) { self.limits = limits }

  /// Parses the head from `input`, every byte received since the request began.
  ///
  /// - Returns: the head and the number of bytes it took (the body, if any, starts
  ///   there), or `nil` when the head is not complete yet.
  /// - Throws: ``HTTPParseError`` with 400, 414, 431 or 505.
  public mutating func parse(_ input: ArraySlice<UInt8>) throws(HTTPParseError) -> (
    head: HTTPRequestHead, length: Int
  )? {
    let count = input.count
    let base = input.startIndex
    if !started {
      while count - leading >= 2, input[base + leading] == cr, input[base + leading + 1] == lf {
        leading += 2
        if leading > limits.maxRequestLineBytes {
          throw HTTPParseError(.badRequest, "too many empty lines before the request line")
        }
      }
      if count - leading == 0 || (count - leading == 1 && input[base + leading] == cr) {
        return nil
      }
      started = true
      scanned = leading
    }
    var index = scanned
    while true {
      // The head must fit the limits: scanning stops at the first byte past them, so the
      // same input gives the same answer however it is split into reads.
      if let requestLineEnd {
        if index >= requestLineEnd + limits.maxHeaderBytes + 2 {
          throw HTTPParseError(.requestHeaderFieldsTooLarge, "header section larger than the limit")
        }
      } else if index >= leading + limits.maxRequestLineBytes + 2 {
        throw HTTPParseError(.uriTooLong, "request line longer than the limit")
      }
      guard index < count else { break }
      if input[base + index] != lf {
        index += 1
        continue
      }
      guard index > 0, input[base + index - 1] == cr else {
        throw HTTPParseError(.badRequest, "line ended by a bare LF instead of CRLF")
      }
      if let requestLineEnd {
        if index - 1 == lineStart {
          scanned = index + 1
          let head = try Self.makeHead(
            input, requestLine: leading..<(requestLineEnd - 2),
            fields: requestLineEnd..<lineStart)
          return (head, index + 1)
        }
        fieldCount += 1
        if fieldCount > limits.maxHeaderCount {
          throw HTTPParseError(.requestHeaderFieldsTooLarge, "more header fields than the limit")
        }
      } else {
        requestLineEnd = index + 1
      }
      lineStart = index + 1
      index += 1
    }
    scanned = count
    return nil
  }

  // MARK: - Building the head

  /// Parses the request line and the field lines, whose line ends have been checked.
  private static func makeHead(
    _ input: ArraySlice<UInt8>, requestLine: Range<Int>, fields: Range<Int>
  ) throws(HTTPParseError) -> HTTPRequestHead {
    let base = input.startIndex
    let line = input[(base + requestLine.lowerBound)..<(base + requestLine.upperBound)]
    let (method, target, version) = try parseRequestLine(line)
    var headers = HTTPHeaders()
    var start = base + fields.lowerBound
    let end = base + fields.upperBound
    var lineNumber = 1
    while start < end {
      var stop = start
      while input[stop] != cr { stop += 1 }
      guard stop + 1 < input.endIndex, input[stop + 1] == lf else {
        throw HTTPParseError(.badRequest, "bare CR in header line \(lineNumber + 1)")
      }
      lineNumber += 1
      let field = try parseField(input[start..<stop], line: lineNumber)
      headers.add(field.name, field.value)
      start = stop + 2
    }
    if version != .http1_0 {
      let hosts = headers.values("Host").count
      guard hosts == 1 else {
        throw HTTPParseError(
          .badRequest, hosts == 0 ? "HTTP/1.1 request without Host" : "more than one Host field")
      }
    }
    return HTTPRequestHead(method: method, target: target, version: version, headers: headers)
  }

  /// `request-line = method SP request-target SP HTTP-version` (RFC 9112 §3).
  private static func parseRequestLine(
    _ line: ArraySlice<UInt8>
  ) throws(HTTPParseError) -> (HTTPMethod, String, HTTPVersion) {
    let parts = line.split(separator: space, maxSplits: 3, omittingEmptySubsequences: false)
    guard parts.count == 3 else {
      throw HTTPParseError(.badRequest, "request line is not `method SP target SP version`")
    }
    let methodBytes = parts[0]
    let targetBytes = parts[1]
    let versionBytes = parts[2]
    guard !methodBytes.isEmpty, methodBytes.allSatisfy({ isTokenByte[Int($0)] }) else {
      throw HTTPParseError(.badRequest, "method is not a token")
    }
    guard !targetBytes.isEmpty, targetBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != 0x23 })
    else {
      throw HTTPParseError(.badRequest, "request target has invalid bytes")
    }
    let version = try parseVersion(versionBytes)
    let method = HTTPMethod(String(decoding: methodBytes, as: UTF8.self))
    let target = String(decoding: targetBytes, as: UTF8.self)
    let isOrigin = target.hasPrefix("/")
    let isAbsolute =
      target.lowercased().hasPrefix("http://") || target.lowercased().hasPrefix("https://")
    let isAsterisk = target == "*" && method == .options
    guard isOrigin || isAbsolute || isAsterisk else {
      throw HTTPParseError(.badRequest, "request target is not origin, absolute or asterisk form")
    }
    return (method, target, version)
  }

  /// `HTTP-version = "HTTP" "/" DIGIT "." DIGIT` (RFC 9112 §2.3); a major version other
  /// than 1 gets 505.
  private static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPVersion
  {
    let text = Array(bytes)
    guard text.count == 8, text[0...4].elementsEqual("HTTP/".utf8), isDigit(text[5]),
      text[6] == 0x2E, isDigit(text[7])
    else {
      throw HTTPParseError(.badRequest, "malformed HTTP version")
    }
    let major = Int(text[5] - 0x30)
    let minor = Int(text[7] - 0x30)
    guard major == 1 else {
      throw HTTPParseError(.httpVersionNotSupported, "only HTTP/1.x is supported")
    }
    return HTTPVersion(major: major, minor: minor)
  }

  /// `field-line = field-name ":" OWS field-value OWS` (RFC 9112 §5).
  private static func parseField(
    _ line: ArraySlice<UInt8>, line number: Int
  ) throws(HTTPParseError) -> HTTPHeaders.Field {
    guard let first = line.first else {
      throw HTTPParseError(.badRequest, "empty header line \(number)")
    }
    if first == space || first == tab {
      throw HTTPParseError(.badRequest, "obsolete line folding on line \(number)")
    }
    guard let colon = line.firstIndex(of: 0x3A) else {
      throw HTTPParseError(.badRequest, "header field without a colon on line \(number)")
    }
    let name = line[line.startIndex..<colon]
    guard !name.isEmpty, name.allSatisfy({ isTokenByte[Int($0)] }) else {
      throw HTTPParseError(.badRequest, "invalid header field name on line \(number)")
    }
    var valueStart = colon + 1
    var valueEnd = line.endIndex
    while valueStart < valueEnd, line[valueStart] == space || line[valueStart] == tab {
      valueStart += 1
    }
    while valueEnd > valueStart, line[valueEnd - 1] == space || line[valueEnd - 1] == tab {
      valueEnd -= 1
    }
    let value = line[valueStart..<valueEnd]
    // RFC 9110 §5.5: field values never contain CR, LF or NUL; other controls but HTAB
    // are not field-vchar either.
    guard value.allSatisfy({ $0 == tab || ($0 >= 0x20 && $0 != 0x7F) }) else {
      throw HTTPParseError(.badRequest, "control character in header value on line \(number)")
    }
    return HTTPHeaders.Field(
      name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// `tchar` (RFC 9110 §5.6.2), indexed by byte.
  static let isTokenByte: [Bool] = (0..<256).map { value in
    let byte = UInt8(value)
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
    default: return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
    }
  }
}

let cr: UInt8 = 0x0D
let lf: UInt8 = 0x0A
let space: UInt8 = 0x20
let tab: UInt8 = 0x09
