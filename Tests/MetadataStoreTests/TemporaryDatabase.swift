import Foundation
import SQLite

@testable import MetadataStore

/// A fresh database file in its own temporary directory, removed afterwards.
final class TemporaryDatabase {
  let directory: URL
  let path: String

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    path = directory.appendingPathComponent("metadata.sqlite").path
  }

  func open() throws -> MetadataStore { try MetadataStore(path: path) }

  /// Every row of every table, as text: equal dumps mean equal databases.
  func dump() throws -> String {
    let connection = try Connection(path: path, mode: .readOnly)
    let tables = try connection.query(
      "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
    ) { $0.string(at: 0) ?? "" }
    var text = "user_version \(try connection.userVersion())\n"
    for table in tables {
      text += "## \(table)\n"
      let columns = try connection.prepare("SELECT * FROM \(table)").columnCount
      let order = (1...max(1, Int(columns))).map(String.init).joined(separator: ", ")
      let statement = try connection.prepare("SELECT * FROM \(table) ORDER BY \(order)")
      while try statement.step() {
        let values = (0..<statement.columnCount).map { "\(statement.value(at: $0))" }
        text += values.joined(separator: "|") + "\n"
      }
    }
    return text
  }

  /// The number of rows in a table, or of a query's first column.
  func count(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> Int {
    let connection = try Connection(path: path, mode: .readOnly)
    let query = sql.uppercased().hasPrefix("SELECT") ? sql : "SELECT count(*) FROM \(sql)"
    return Int(try connection.scalarInt(query, arguments) ?? 0)
  }

  /// Rows of `(key, count)` from a grouping query.
  func counts(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> [String: Int] {
    let connection = try Connection(path: path, mode: .readOnly)
    let rows = try connection.query(sql, arguments) { ($0.string(at: 0) ?? "null", $0.int(at: 1)) }
    return Dictionary(rows, uniquingKeysWith: +)
  }

  deinit { try? FileManager.default.removeItem(at: directory) }
}

extension TemporaryDatabase {
  /// `EXPLAIN QUERY PLAN` of `sql` (its steps' details) on a new database holding three
  /// runs of a synthetic project of 30 extra models: what the query-plan tests check.
  /// <https://www.sqlite.org/eqp.html>
  static func queryPlan(of sql: String) throws -> [String] {
    let database = try TemporaryDatabase()
    let store = try database.open()
    for run in 1...3 {
      let project = SyntheticProject(run: run, modelVersion: run, extraModels: 30)
      _ = try store.ingest(
        project.request(
          runResults: [try project.runResults([(SyntheticProject.model, "success")])],
          sources: try project.sources(status: "pass")))
    }
    let connection = try Connection(path: database.path, mode: .readOnly)
    return try connection.query("EXPLAIN QUERY PLAN " + sql) { $0.string(at: 3) ?? "" }
  }
}
