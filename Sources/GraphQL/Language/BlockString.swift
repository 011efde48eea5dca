/// The spec's block string algorithms: dedenting raw lines, and printing a value back.
///
/// See https://spec.graphql.org/September2025/#BlockStringValue()
enum BlockString {
  /// `BlockStringValue(rawValue)`: removes the common indentation of all lines but the first,
  /// then leading and trailing blank lines, and joins the lines with `\n`.
  ///
  /// - Parameters:
  ///   - raw: the block string's raw text without line terminators, `\"""` unescaped.
  ///   - lineStarts: where each line starts in `raw` (the first is 0).
  static func dedent(_ raw: [UInt8], lineStarts: [Int]) -> String {
    let lineCount = lineStarts.count
    func lineEnd(_ index: Int) -> Int {
      index + 1 < lineCount ? lineStarts[index + 1] : raw.count
    }
    var commonIndent = Int.max
    var firstNonEmpty: Int? = nil
    var lastNonEmpty = -1
    for index in 0..<lineCount {
      let start = lineStarts[index]
      let end = lineEnd(index)
      var indent = 0
      while start + indent < end, raw[start + indent] == 0x20 || raw[start + indent] == 0x09 {
        indent += 1
      }
      if indent == end - start { continue }  // blank line
      if firstNonEmpty == nil { firstNonEmpty = index }
      lastNonEmpty = index
      if index != 0 && indent < commonIndent {
        commonIndent = indent
      }
    }
    guard let first = firstNonEmpty else { return "" }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(raw.count)
    for index in first...lastNonEmpty {
      if index != first { bytes.append(0x0A) }
      let start = lineStarts[index]
      let end = lineEnd(index)
      let from = index == 0 ? start : min(end, start + commonIndent)
      bytes.append(contentsOf: raw[from..<end])
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Prints a value as a block string, as graphql-js's `printBlockString`: a leading and
  /// trailing line break when that reads better (multi-line, longer than 70 UTF-16 units,
  /// ending in a quote or backslash), and `"""` escaped as `\"""`.
  static func print(_ value: String, minimize: Bool = false) -> String {
    let escaped = value.replacingAll("\"\"\"", with: "\\\"\"\"")
    let lines = escaped.splitLines()
    let isSingleLine = lines.count == 1
    let forceLeadingNewLine =
      lines.count > 1
      && lines.dropFirst().allSatisfy { line in
        guard let first = line.utf8.first else { return true }
        return first == 0x20 || first == 0x09
      }
    let hasTrailingTripleQuotes = escaped.hasSuffix("\\\"\"\"")
    let hasTrailingQuote = value.hasSuffix("\"") && !hasTrailingTripleQuotes
    let hasTrailingSlash = value.hasSuffix("\\")
    let forceTrailingNewline = hasTrailingQuote || hasTrailingSlash
    let printAsMultipleLines =
      !minimize
      && (!isSingleLine || value.utf16.count > 70 || forceTrailingNewline || forceLeadingNewLine
        || hasTrailingTripleQuotes)
    var result = ""
    let firstByte = value.utf8.first
    let skipLeadingNewLine = isSingleLine && (firstByte == 0x20 || firstByte == 0x09)
    if (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine {
      result += "\n"
    }
    result += escaped
    if printAsMultipleLines || forceTrailingNewline {
      result += "\n"
    }
    return "\"\"\"" + result + "\"\"\""
  }
}

extension String {
  /// Every occurrence of `target` replaced (byte-wise; no Foundation).
  func replacingAll(_ target: String, with replacement: String) -> String {
    let bytes = Array(utf8)
    let pattern = Array(target.utf8)
    guard !pattern.isEmpty, bytes.count >= pattern.count else { return self }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    var replaced = false
    while index < bytes.count {
      if index + pattern.count <= bytes.count, bytes[index] == pattern[0],
        bytes[index..<index + pattern.count].elementsEqual(pattern)
      {
        output.append(contentsOf: replacement.utf8)
        index += pattern.count
        replaced = true
      } else {
        output.append(bytes[index])
        index += 1
      }
    }
    return replaced ? String(decoding: output, as: UTF8.self) : self
  }

  /// The lines of the text, split at `\r\n`, `\n` or `\r`.
  func splitLines() -> [Substring] {
    var lines: [Substring] = []
    var lineStart = startIndex
    var index = startIndex
    let view = utf8
    while index < view.endIndex {
      let byte = view[index]
      if byte == 0x0A || byte == 0x0D {
        lines.append(self[lineStart..<index])
        var next = view.index(after: index)
        if byte == 0x0D, next < view.endIndex, view[next] == 0x0A {
          next = view.index(after: next)
        }
        index = next
        lineStart = next
      } else {
        index = view.index(after: index)
      }
    }
    lines.append(self[lineStart..<endIndex])
    return lines
  }
}
