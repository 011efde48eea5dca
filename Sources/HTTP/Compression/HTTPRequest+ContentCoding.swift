extension HTTPRequest {
  /// The body with its content coding removed (RFC 9110 §8.4): gunzipped when
  /// `Content-Encoding` is `gzip` (or `x-gzip`), as sent when it is absent or `identity`.
  ///
  /// - Parameter limit: the most bytes the decoded body may have; a larger one (a "zip
  ///   bomb", or an identity body over the limit) throws ``GzipError/tooLarge(limit:)``.
  /// - Throws: ``GzipError``; ``GzipError/unsupportedCoding(_:)`` for any other coding or
  ///   more than one.
  public func decodedBody(limit: Int) throws(GzipError) -> [UInt8] {
    let codings = headers.tokens("Content-Encoding").filter { $0 != "identity" }
    switch codings {
    case []:
      guard body.count <= limit else { throw .tooLarge(limit: limit) }
      return body
    case ["gzip"], ["x-gzip"]:
      return try Gzip.decompress(body, limit: limit)
    default:
      throw .unsupportedCoding(codings.joined(separator: ", "))
    }
  }
}
