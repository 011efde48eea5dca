/// One part of a `multipart/form-data` body (RFC 7578 §4.2): its form field name, the
/// file name if it was a file, its content type and its bytes.
public struct MultipartPart: Sendable, Equatable {
  /// The `name` parameter of `Content-Disposition: form-data` (RFC 7578 §4.2).
  public let name: String
  /// The `filename` parameter, when the part is a file (RFC 7578 §4.2).
  public let filename: String?
  /// The part's `Content-Type`, or `nil` (RFC 7578 §4.4 then means `text/plain`).
  public let contentType: String?
  /// All of the part's header fields.
  public let headers: HTTPHeaders
  /// The part's content, exactly as sent (a gzip part is still compressed).
  public let body: [UInt8]

  /// A part.
  public init(
    name: String, filename: String?, contentType: String?, headers: HTTPHeaders, body: [UInt8]
  ) {
    self.name = name
    self.filename = filename
    self.contentType = contentType
    self.headers = headers
    self.body = body
  }

  /// Whether the content is gzip-compressed: a gzip content type or
  /// `Content-Encoding: gzip` on the part, or a file name ending in `.gz`.
  public var isGzip: Bool {
    let type = contentType.map { HeaderValue.parse($0).value }
    if type == "application/gzip" || type == "application/x-gzip" { return true }
    if headers.tokens("Content-Encoding").contains("gzip") { return true }
    return filename?.lowercased().hasSuffix(".gz") ?? false
  }
}
