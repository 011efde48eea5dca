/// A header value of the form `value *( OWS ";" OWS name=value )`, as in `Content-Type`
/// (RFC 9110 §8.3.1) and `Content-Disposition` (RFC 6266 §4.1): the main value and its
/// parameters, names lowercased, quoted strings unquoted (RFC 9110 §5.6.4).
///
/// For example:
/// ```swift
/// let type = HeaderValue.parse("multipart/form-data; boundary=\"x y\"")
/// type.value                    // "multipart/form-data"
/// type.parameters["boundary"]   // "x y"
/// ```
public struct HeaderValue: Sendable, Equatable {
  /// The value before the first `;`, trimmed and lowercased.
  public let value: String
  /// The parameters by lowercased name; the first occurrence of a name wins.
  public let parameters: [String: String]

  /// A parsed value.
  public init(value: String, parameters: [String: String]) {
    self.value = value
    self.parameters = parameters
  }

  /// Parses `text`; malformed parameters are skipped rather than rejected, so callers
  /// decide which missing parameter is an error.
  public static func parse(_ text: String) -> HeaderValue {
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count, bytes[index] != 0x3B { index += 1 }
    let value = String(decoding: bytes[0..<index], as: UTF8.self).trimmingHTTPWhitespace()
      .lowercased()
    var parameters: [String: String] = [:]
    while index < bytes.count {
      index += 1  // the ";"
      while index < bytes.count, bytes[index] == space || bytes[index] == tab { index += 1 }
      let nameStart = index
      while index < bytes.count, bytes[index] != 0x3D, bytes[index] != 0x3B { index += 1 }
      let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        .trimmingHTTPWhitespace().lowercased()
      guard index < bytes.count, bytes[index] == 0x3D else { continue }
      index += 1
      while index < bytes.count, bytes[index] == space || bytes[index] == tab { index += 1 }
      var parameter: [UInt8] = []
      if index < bytes.count, bytes[index] == 0x22 {
        index += 1
        while index < bytes.count, bytes[index] != 0x22 {
          if bytes[index] == 0x5C, index + 1 < bytes.count { index += 1 }
          parameter.append(bytes[index])
          index += 1
        }
        index += 1  // the closing quote, if any
        while index < bytes.count, bytes[index] != 0x3B { index += 1 }
      } else {
        let start = index
        while index < bytes.count, bytes[index] != 0x3B { index += 1 }
        parameter = Array(
          String(decoding: bytes[start..<index], as: UTF8.self).trimmingHTTPWhitespace().utf8)
      }
      if !name.isEmpty, parameters[name] == nil {
        parameters[name] = String(decoding: parameter, as: UTF8.self)
      }
    }
    return HeaderValue(value: String(value), parameters: parameters)
  }
}
