import Foundation
import SQLite

/// A temporary directory with a database path, removed afterwards.
final class ScratchDirectory {
  let url: URL
  var database: String { file("metadata.sqlite") }

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cli-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// The names in the directory, sorted (hidden ones too).
  func entries() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }

  /// Every row of every table: equal dumps mean equal databases.
  func dump() throws -> String {
    let connection = try Connection(path: database, mode: .readOnly)
    var text = "user_version \(try connection.userVersion())\n"
    let tables = try connection.query(
      "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
    ) { $0.string(at: 0) ?? "" }
    for table in tables {
      text += "## \(table)\n"
      let statement = try connection.prepare("SELECT * FROM \(table)")
      var rows: [String] = []
      while try statement.step() {
        rows.append(
          (0..<statement.columnCount).map { "\(statement.value(at: $0))" }.joined(separator: "|"))
      }
      text += rows.sorted().joined(separator: "\n") + "\n"
    }
    return text
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}
