/// Line starts of a source, built in one pass, so that many errors (a 1000-fragment
/// cycle, a list of 10,000 failing items) get their line and column by binary search
/// instead of rescanning the document for each one.
///
/// Lines and columns follow ``Source/location(at:)``: lines break at `\n`, `\r\n` and `\r`;
/// columns count Unicode code points from the line start, 1-based.
///
/// See https://spec.graphql.org/September2025/#LineTerminator
struct LineTable {
  let source: Source
  private var lineStarts: [Int] = [0]

  init(_ source: Source) {
    self.source = source
    let body = source.body
    var index = 0
    while index < body.count {
      let byte = body[index]
      if byte == 0x0A {
        lineStarts.append(index + 1)
      } else if byte == 0x0D {
        if index + 1 < body.count, body[index + 1] == 0x0A { index += 1 }
        lineStarts.append(index + 1)
      }
      index += 1
    }
  }

  /// The 1-based line and column of a byte offset.
  func location(at offset: Int) -> SourceLocation {
    let offset = min(max(offset, 0), source.body.count)
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    var column = 1
    var index = lineStarts[low]
    let body = source.body
    while index < offset {
      if body[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourceLocation(line: low + 1, column: column)
  }

  /// An error located at nodes (as ``GraphQLError/init(message:nodes:source:path:extensions:underlyingError:)``),
  /// using the table.
  func error(
    _ message: String, nodes: [any Node], path: [GraphQLError.PathComponent] = [],
    extensions: [String: GraphQLError.ExtensionValue]? = nil,
    underlyingError: (any Error & Sendable)? = nil
  ) -> GraphQLError {
    let positions = nodes.map(\.loc).filter { $0 != .none || source.body.isEmpty }.map(\.start)
    var error = GraphQLError(
      message: message, locations: positions.map { location(at: $0) }, path: path,
      extensions: extensions,
      underlyingError: underlyingError)
    error.positions = positions
    error.sourceName = source.name
    return error
  }
}
