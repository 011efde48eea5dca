/// Parses a `multipart/form-data` body (RFC 7578 over the syntax of RFC 2046 §5.1.1) into
/// its parts, within bounds on the number of parts and the size of each part's headers.
///
/// ```
/// multipart-body := [preamble CRLF] dash-boundary transport-padding CRLF
///                   body-part *encapsulation close-delimiter transport-padding [CRLF epilogue]
/// encapsulation  := CRLF dash-boundary transport-padding CRLF body-part
/// ```
/// The body is already in memory (bounded by the route's body limit), so parts are
/// copied out of it; the delimiter search is linear in the body size times the boundary
/// length (at most 70 bytes).
///
/// For example:
/// ```swift
/// let parts = try MultipartFormData.parse(body: request.body,
///                                         contentType: request.headers["Content-Type"])
/// ```
///
/// Related specification: <https://www.rfc-editor.org/rfc/rfc7578>
public enum MultipartFormData {
  /// The boundary of a `multipart/form-data` content type, or the error explaining why
  /// there is none (RFC 2046 §5.1.1: 1 to 70 characters).
  public static func boundary(contentType: String?) throws(MultipartError) -> String {
    guard let contentType else { throw MultipartError("no Content-Type") }
    let parsed = HeaderValue.parse(contentType)
    guard parsed.value == "multipart/form-data" else {
      throw MultipartError("Content-Type is \(parsed.value), not multipart/form-data")
    }
    guard let boundary = parsed.parameters["boundary"] else {
      throw MultipartError("Content-Type has no boundary parameter")
    }
    guard (1...70).contains(boundary.utf8.count) else {
      throw MultipartError("boundary must be 1 to 70 characters")
    }
    return boundary
  }

  /// The parts of `body`, in order.
  ///
  /// - Parameters:
  ///   - contentType: the request's `Content-Type`, which carries the boundary.
  ///   - maxParts: the most parts accepted.
  ///   - maxPartHeaderBytes: the most bytes of header lines in one part.
  /// - Throws: ``MultipartError`` for a missing boundary, a missing opening or closing
  ///   delimiter (a truncated body), malformed part headers, a part without a
  ///   `Content-Disposition: form-data; name=...`, or too many parts.
  public static func parse(
    body: [UInt8], contentType: String?, maxParts: Int = 100, maxPartHeaderBytes: Int = 16 * 1024
  ) throws(MultipartError) -> [MultipartPart] {
    let boundary = try self.boundary(contentType: contentType)
    let dashBoundary = Array("--\(boundary)".utf8)
    let delimiter = [cr, lf] + dashBoundary
    // The first boundary may open the body, or follow a preamble and CRLF.
    var position: Int
    if body.starts(with: dashBoundary) {
      position = dashBoundary.count
    } else if let found = find(delimiter, in: body, from: 0) {
      position = found + delimiter.count
    } else {
      throw MultipartError("no opening boundary")
    }
    var parts: [MultipartPart] = []
    while true {
      // After a boundary: "--" closes, else transport padding and CRLF open a part.
      if body.count - position >= 2, body[position] == 0x2D, body[position + 1] == 0x2D {
        return parts
      }
      while position < body.count, body[position] == space || body[position] == tab {
        position += 1
      }
      guard body.count - position >= 2, body[position] == cr, body[position + 1] == lf else {
        throw MultipartError("boundary not followed by CRLF (truncated body?)")
      }
      position += 2
      guard parts.count < maxParts else { throw MultipartError("more than \(maxParts) parts") }
      let number = parts.count + 1
      guard let end = find(delimiter, in: body, from: position) else {
        throw MultipartError("part \(number) has no closing boundary (truncated body?)")
      }
      parts.append(
        try part(body[position..<end], number: number, maxHeaderBytes: maxPartHeaderBytes))
      position = end + delimiter.count
    }
  }

  /// One part: header lines, an empty line, then content.
  private static func part(
    _ bytes: ArraySlice<UInt8>, number: Int, maxHeaderBytes: Int
  ) throws(MultipartError) -> MultipartPart {
    var headers = HTTPHeaders()
    var position = bytes.startIndex
    while true {
      guard let lineEnd = find([cr, lf], in: bytes, from: position) else {
        throw MultipartError("part \(number): headers not ended by an empty line")
      }
      guard lineEnd - bytes.startIndex <= maxHeaderBytes else {
        throw MultipartError("part \(number): headers larger than \(maxHeaderBytes) bytes")
      }
      if lineEnd == position {
        position = lineEnd + 2
        break
      }
      let line = bytes[position..<lineEnd]
      guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
        line[line.startIndex..<colon].allSatisfy({ HTTPRequestHeadParser.isTokenByte[Int($0)] })
      else {
        throw MultipartError("part \(number): malformed header line")
      }
      let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
      let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingHTTPWhitespace()
      headers.add(name, String(value))
      position = lineEnd + 2
    }
    guard let disposition = headers["Content-Disposition"].map(HeaderValue.parse),
      disposition.value == "form-data", let name = disposition.parameters["name"]
    else {
      throw MultipartError("part \(number): no Content-Disposition: form-data with a name")
    }
    return MultipartPart(
      name: name, filename: disposition.parameters["filename"],
      contentType: headers["Content-Type"], headers: headers, body: Array(bytes[position...]))
  }

  /// The index of the first occurrence of `needle` in `haystack` at or after `start`.
  static func find<C: RandomAccessCollection<UInt8>>(
    _ needle: [UInt8], in haystack: C, from start: C.Index
  ) -> C.Index? where C.Index == Int {
    guard let first = needle.first, haystack.endIndex - start >= needle.count else { return nil }
    var index = start
    let last = haystack.endIndex - needle.count
    while index <= last {
      if haystack[index] == first {
        var matched = 1
        while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
        if matched == needle.count { return index }
      }
      index += 1
    }
    return nil
  }
}
