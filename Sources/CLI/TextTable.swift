/// Columns aligned with two spaces, for the listings (`token list`, `audit`).
enum TextTable {
  /// `rows` (the first one the header) as text, the last column unpadded.
  static func render(_ rows: [[String]]) -> String {
    guard let header = rows.first else { return "" }
    var widths = Array(repeating: 0, count: header.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1 ? cell : cell.padded(toWidth: widths[index])
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }
}

extension String {
  /// The string padded with spaces to exactly `width` characters (or left as is).
  fileprivate func padded(toWidth width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
