extension HTTPResponse {
  /// The status line and header fields, ending in the empty line (RFC 9112 §4 and §5).
  ///
  /// The server's own `Content-Length` (omitted for 1xx and 204, RFC 9110 §8.6), `Date`
  /// and `Connection: close` replace any the handler set; a handler field with an invalid
  /// name, or a value containing CR, LF or NUL, is dropped rather than let through to
  /// split the response.
  func serializedHead(keepAlive: Bool, date: String) -> [UInt8] {
    var text = "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n"
    for field in headers {
      let name = field.name.lowercased()
      if name == "content-length" || name == "transfer-encoding" || name == "connection"
        || name == "date"
      {
        continue
      }
      guard !field.name.isEmpty,
        field.name.utf8.allSatisfy({ HTTPRequestHeadParser.isTokenByte[Int($0)] }),
        !field.value.utf8.contains(where: { $0 == cr || $0 == lf || $0 == 0 })
      else { continue }
      text += "\(field.name): \(field.value)\r\n"
    }
    text += "Date: \(date)\r\n"
    if !((100..<200).contains(status.code) || status.code == 204) {
      text += "Content-Length: \(body.count)\r\n"
    }
    if !keepAlive { text += "Connection: close\r\n" }
    text += "\r\n"
    return Array(text.utf8)
  }
}
