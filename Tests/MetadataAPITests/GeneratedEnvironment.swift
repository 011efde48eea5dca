import CLI
import Foundation
import GraphQL
import MetadataStore

@testable import MetadataAPI

/// A generated environment of 1,000 models (plus sources, tests, seeds), written as dbt
/// artifacts into a run folder and loaded through the same path as the sample runs, once
/// per test process: for pagination, filters, sorts and the statement count at a size
/// where an N+1 or a missing keyset would show.
///
/// Account 1, project 1, environment 1, job 1, run 1. Model `i` (`model.big.<layer>_<i>`)
/// depends on model `i / 2` (the first on a source), so the DAG is a binary tree; every
/// model has a `not_null` test; statuses, completion times, row counts, tags, schemas,
/// access and groups vary with `i` so every filter and sort has work to do.
enum GeneratedEnvironment {
  static let modelCount = 1_000
  static let sourceCount = 10

  /// The API over the generated environment (its own database).
  static let loaded: Result<MetadataAPI, any Error> = Result {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("metadata-api-generated-\(UUID().uuidString)")
    let run = directory.appendingPathComponent("runs/1/1")
    try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
    try write(runJSON, to: run.appendingPathComponent("run.json"))
    try write(manifest, to: run.appendingPathComponent("manifest.json"))
    try write(runResults, to: run.appendingPathComponent("run_results.json"))
    try write(catalog, to: run.appendingPathComponent("catalog.json"))
    let store = try MetadataStore(path: directory.appendingPathComponent("big.sqlite").path)
    try SampleRuns.load(under: directory.appendingPathComponent("runs").path, into: store)
    return try MetadataAPI(store: store)
  }

  static func api() throws -> MetadataAPI { try loaded.get() }

  static func run(_ query: String, variables: JSONObject = JSONObject()) throws -> ExecutionResult {
    try api().execute(query: query, variables: variables, accountID: 1)
  }

  static func write(_ text: String, to url: URL) throws {
    try Data(text.utf8).write(to: url)
  }

  // MARK: - The model of the data (what brute-force checks compare with)

  static let layers = ["stg", "int", "fct", "dim"]

  static func name(_ i: Int) -> String { "\(layers[i % 4])_\(i)" }
  static func modelID(_ i: Int) -> String { "model.big.\(name(i))" }
  static func schema(_ i: Int) -> String { "s\(i % 3)" }
  static func tags(_ i: Int) -> [String] {
    (i % 2 == 0 ? ["even"] : []) + (i % 5 == 0 ? ["five"] : [])
  }
  static func access(_ i: Int) -> String { ["public", "protected", "private"][i % 3] }
  static func group(_ i: Int) -> String? { i % 7 == 0 ? "finance" : nil }
  /// success, except every 13th errors and its children... simply: every 11th is skipped.
  static func status(_ i: Int) -> String {
    if i % 13 == 0 { return "error" }
    if i % 11 == 0 { return "skipped" }
    return "success"
  }
  /// Skipped models have no timing, so no completion time.
  static func completedAt(_ i: Int) -> String? {
    guard status(i) != "skipped" else { return nil }
    // Many ties (every 50 models share a second) to exercise the tie-break.
    let second = (i * 7) % 50
    return String(format: "2024-05-01T10:%02d:%02d.000000Z", second / 60, second % 60)
  }
  /// Row counts, null for every 4th model (nulls sort last).
  static func rowCount(_ i: Int) -> Int? { i % 4 == 3 ? nil : (i * 37) % 500 }
  static func sourceID(_ i: Int) -> String { "source.big.raw.table_\(i)" }
  static func testID(_ i: Int) -> String {
    "test.big.not_null_\(name(i))_id.\(String(i, radix: 16))"
  }

  // MARK: - Artifacts

  static func metadata(_ kind: String, _ version: Int) -> String {
    """
    "metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/\(kind)/v\(version).json",
    "dbt_version": "1.8.3", "generated_at": "2024-05-01T10:05:00.000000Z",
    "invocation_id": "00000000-0000-0000-0000-000000000001", "env": {}, "project_name": "big",
    "adapter_type": "postgres"}
    """
  }

  static func json(_ items: [String]) -> String {
    "[" + items.map { "\"\($0)\"" }.joined(separator: ",") + "]"
  }

  static func parent(_ i: Int) -> String {
    i == 0 ? sourceID(0) : modelID(i / 2)
  }

  static var manifest: String {
    var nodes: [String] = []
    var parentMap: [String] = []
    for i in 0..<modelCount {
      let id = modelID(i)
      let group = group(i).map { "\"\($0)\"" } ?? "null"
      nodes.append(
        """
        "\(id)": {"unique_id": "\(id)", "resource_type": "model", "name": "\(name(i))",
          "package_name": "big", "path": "\(name(i)).sql", "original_file_path": "models/\(name(i)).sql",
          "fqn": ["big", "\(name(i))"], "database": "db", "schema": "\(schema(i))", "alias": "\(name(i))",
          "relation_name": "db.\(schema(i)).\(name(i))", "raw_code": "select \(i)", "language": "sql",
          "config": {"materialized": "table", "enabled": true, "access": "\(access(i))"},
          "access": "\(access(i))", "group": \(group),
          "depends_on": {"nodes": ["\(parent(i))"], "macros": []}, "tags": \(json(tags(i))),
          "meta": {}, "columns": {"id": {"name": "id", "description": "key \(i)"}},
          "description": "Model \(i)", "created_at": 1700000000}
        """)
      parentMap.append("\"\(id)\": [\"\(parent(i))\"]")
      let test = testID(i)
      nodes.append(
        """
        "\(test)": {"unique_id": "\(test)", "resource_type": "test", "name": "not_null_\(name(i))_id",
          "package_name": "big", "path": "not_null.sql", "original_file_path": "models/schema.yml",
          "fqn": ["big", "not_null_\(name(i))_id"], "database": "db", "schema": "tests",
          "alias": "not_null_\(name(i))_id", "raw_code": "{{ test_not_null(**_dbt_generic_test_kwargs) }}",
          "test_metadata": {"name": "not_null", "kwargs": {"column_name": "id"}, "namespace": null},
          "column_name": "id", "attached_node": "\(id)",
          "config": {"materialized": "test", "severity": "ERROR"},
          "depends_on": {"nodes": ["\(id)"], "macros": []}, "tags": [], "meta": {}, "columns": {},
          "created_at": 1700000000}
        """)
      parentMap.append("\"\(test)\": [\"\(id)\"]")
    }
    var sources: [String] = []
    for i in 0..<sourceCount {
      sources.append(
        """
        "\(sourceID(i))": {"unique_id": "\(sourceID(i))", "resource_type": "source", "name": "table_\(i)",
          "source_name": "raw", "package_name": "big", "path": "models/sources.yml",
          "original_file_path": "models/sources.yml", "fqn": ["big", "raw", "table_\(i)"],
          "database": "db", "schema": "raw", "identifier": "table_\(i)", "loader": "fivetran",
          "config": {"enabled": true}, "columns": {}, "tags": [], "meta": {}, "source_meta": {},
          "description": "", "created_at": 1700000000}
        """)
      parentMap.append("\"\(sourceID(i))\": []")
    }
    return """
      {\(metadata("manifest", 12)),
      "nodes": {\(nodes.joined(separator: ",\n"))},
      "sources": {\(sources.joined(separator: ",\n"))},
      "macros": {}, "docs": {}, "exposures": {}, "metrics": {}, "groups": {}, "selectors": {},
      "disabled": {}, "semantic_models": {}, "saved_queries": {}, "unit_tests": {},
      "parent_map": {\(parentMap.joined(separator: ", "))}, "child_map": {}, "group_map": {}}
      """
  }

  static var runResults: String {
    var results: [String] = []
    for i in 0..<modelCount {
      let timing: String
      if let completed = completedAt(i) {
        timing = """
          [{"name": "compile", "started_at": "2024-05-01T10:00:00.000000Z", "completed_at": "2024-05-01T10:00:00.000000Z"},
           {"name": "execute", "started_at": "2024-05-01T10:00:00.000000Z", "completed_at": "\(completed)"}]
          """
      } else {
        timing = "[]"
      }
      let message = status(i) == "error" ? "\"relation missing\"" : "null"
      results.append(
        """
        {"unique_id": "\(modelID(i))", "status": "\(status(i))", "timing": \(timing),
         "thread_id": "Thread-1", "execution_time": \(Double(i) / 10), "adapter_response": {},
         "message": \(message), "failures": null}
        """)
      let testStatus = i % 17 == 0 ? "fail" : "pass"
      results.append(
        """
        {"unique_id": "\(testID(i))", "status": "\(testStatus)", "timing": [], "thread_id": "Thread-2",
         "execution_time": 0.1, "adapter_response": {}, "message": null,
         "failures": \(testStatus == "fail" ? 2 : 0)}
        """)
    }
    return """
      {\(metadata("run-results", 6)), "elapsed_time": 12.5,
      "args": {"which": "build", "invocation_command": "dbt build"},
      "results": [\(results.joined(separator: ",\n"))]}
      """
  }

  static var catalog: String {
    var nodes: [String] = []
    for i in 0..<modelCount {
      let stats =
        rowCount(i).map {
          "\"row_count\": {\"id\": \"row_count\", \"label\": \"Row Count\", \"value\": \($0), \"include\": true, \"description\": \"\"}"
        } ?? ""
      nodes.append(
        """
        "\(modelID(i))": {"metadata": {"type": "BASE TABLE", "schema": "\(schema(i))",
          "name": "\(name(i))", "database": "db", "comment": null, "owner": "dbt"},
          "columns": {"id": {"type": "integer", "index": 1, "name": "id", "comment": null}},
          "stats": {\(stats)}, "unique_id": "\(modelID(i))"}
        """)
    }
    return """
      {\(metadata("catalog", 1)), "nodes": {\(nodes.joined(separator: ",\n"))},
      "sources": {}, "errors": null}
      """
  }

  static var runJSON: String {
    """
    {"account_id": 1, "project_id": 1, "environment_id": 1, "environment_name": "generated",
     "job_id": 1, "job_name": "big-build", "run_id": 1,
     "steps": [{"index": 1, "name": "build", "artifacts": ["manifest.json", "run_results.json"]},
               {"index": 2, "name": "docs-generate", "artifacts": ["catalog.json"]}]}
    """
  }
}
