/// A GraphQL document as UTF-8 bytes plus a name for error messages.
///
/// The lexer works directly on ``body`` (bytes, never `Character`s or `String.Index`es), so a
/// source can come from a file or a network buffer without decoding it first. Invalid UTF-8
/// is reported by the lexer where it matters (inside strings and comments) as a syntax error.
///
/// For example:
/// ```swift
/// let source = Source("{ hero { name } }", name: "query.graphql")
/// let document = try parse(source)
/// ```
///
/// See https://spec.graphql.org/September2025/#sec-Source-Text
public struct Source: Sendable, Hashable {
  /// The document text, UTF-8 encoded.
  public let body: [UInt8]
  /// A name shown in error messages (a file name, or "GraphQL request").
  public let name: String

  /// A source from Swift text.
  public init(_ text: String, name: String = "GraphQL request") {
    self.body = Array(text.utf8)
    self.name = name
  }

  /// A source from raw bytes, which are expected to be UTF-8.
  public init(bytes: [UInt8], name: String = "GraphQL request") {
    self.body = bytes
    self.name = name
  }

  /// The 1-based line and column of a byte offset in ``body``.
  ///
  /// Lines break exactly at the spec's LineTerminator (`\n`, `\r\n`, `\r`; not U+2028).
  /// Columns count Unicode code points from the line start, so a leading byte order mark is
  /// one column and an emoji is one column. The scan is linear: it is meant for error
  /// reporting, not for every token (tokens carry their own line and column).
  ///
  /// See https://spec.graphql.org/September2025/#LineTerminator
  public func location(at offset: Int) -> SourceLocation {
    let end = min(max(offset, 0), body.count)
    var line = 1
    var column = 1
    var index = 0
    while index < end {
      let byte = body[index]
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte == 0x0D {
        if index + 1 < body.count, body[index + 1] == 0x0A {
          // "\r\n" is one terminator; the "\n" ends it.
          if index + 1 == end {
            // An offset pointing at the "\n" of "\r\n" is still on the terminated line.
            return SourceLocation(line: line, column: column + 1)
          }
          index += 1
        }
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        // Count every byte that starts a code point; skip UTF-8 continuation bytes.
        column += 1
      }
      index += 1
    }
    return SourceLocation(line: line, column: column)
  }
}
