extension MultipartFormData {
  /// Encodes `parts` as a `multipart/form-data` body (RFC 7578 §4), for the upload
  /// client.
  ///
  /// Each part gets `Content-Disposition: form-data; name="..."` (with `filename` when
  /// set) and its `Content-Type` when set; other fields in ``MultipartPart/headers`` are
  /// added too. Quotes, backslashes, CR and LF in names are percent-encoded, as RFC 7578
  /// §2 and the WHATWG form encoding do.
  ///
  /// - Parameter boundary: the delimiter; by default a random one, chosen again in the
  ///   (astronomically unlikely) case it occurs in a part's content.
  /// - Returns: the `Content-Type` to send (with the boundary) and the body.
  public static func encode(
    _ parts: [MultipartPart], boundary: String? = nil
  ) -> (contentType: String, body: [UInt8]) {
    var chosen = boundary ?? randomBoundary()
    while boundary == nil,
      parts.contains(where: { find(Array("--\(chosen)".utf8), in: $0.body, from: 0) != nil })
    {
      chosen = randomBoundary()
    }
    var body: [UInt8] = []
    for part in parts {
      var head = "--\(chosen)\r\nContent-Disposition: form-data; name=\"\(escape(part.name))\""
      if let filename = part.filename { head += "; filename=\"\(escape(filename))\"" }
      head += "\r\n"
      if let contentType = part.contentType { head += "Content-Type: \(contentType)\r\n" }
      for field in part.headers {
        let name = field.name.lowercased()
        guard name != "content-disposition", name != "content-type" else { continue }
        head += "\(field.name): \(field.value)\r\n"
      }
      head += "\r\n"
      body += Array(head.utf8)
      body += part.body
      body += [cr, lf]
    }
    body += Array("--\(chosen)--\r\n".utf8)
    return ("multipart/form-data; boundary=\(chosen)", body)
  }

  private static func randomBoundary() -> String {
    var generator = SystemRandomNumberGenerator()
    let digits = Array("0123456789abcdef")
    return "dbt-metadata-" + String((0..<32).map { _ in digits[Int(generator.next() % 16)] })
  }

  private static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "\"": escaped += "%22"
      case "\\": escaped += "%5C"
      case "\r": escaped += "%0D"
      case "\n": escaped += "%0A"
      case "\r\n": escaped += "%0D%0A"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
