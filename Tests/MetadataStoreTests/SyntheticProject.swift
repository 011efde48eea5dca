import Artifacts

@testable import MetadataStore

/// Small, hand-written dbt artifacts of one project (a source, a model, a test on it),
/// for scenarios the public sets do not cover: failures then recovery, docs generate
/// after a failing test, many runs of an unchanged project.
///
/// `run` numbers the invocation: it sets `invocation_id` and `generated_at` (one day per
/// run), so two runs differ while their definitions stay the same.
struct SyntheticProject {
  var run: Int
  /// Changes the model's SQL (and so its content hash) when not 0.
  var modelVersion = 0
  /// Extra models (`model.shop.extra_<i>`), to make a bigger manifest.
  var extraModels = 0

  var invocationID: String {
    "00000000-0000-0000-0000-\(String(1_000_000_000_000 + run).suffix(12))"
  }

  /// 2024-01-01 plus `run` days, plus `minutes`.
  func time(minutes: Int = 0) -> String {
    let micros = Int64(1_704_067_200 + run * 86_400 + minutes * 60) * 1_000_000
    return Timestamp(epochMicroseconds: micros).canonical
  }

  func metadata(_ kind: String, _ version: Int, invocation: String? = nil, minutes: Int = 0)
    -> String
  {
    """
    "metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/\(kind)/v\(version).json",
    "dbt_version": "1.8.3", "generated_at": "\(time(minutes: minutes))",
    "invocation_id": "\(invocation ?? invocationID)", "env": {}, "project_name": "shop",
    "adapter_type": "postgres"}
    """
  }

  func modelNode(_ name: String, sql: String, parents: [String]) -> String {
    """
    "model.shop.\(name)": {"unique_id": "model.shop.\(name)", "resource_type": "model",
      "name": "\(name)", "package_name": "shop", "path": "\(name).sql",
      "original_file_path": "models/\(name).sql", "fqn": ["shop", "\(name)"],
      "database": "db", "schema": "public", "alias": "\(name)",
      "relation_name": "\\"db\\".\\"public\\".\\"\(name)\\"", "raw_code": "\(sql)",
      "language": "sql", "config": {"materialized": "table", "enabled": true},
      "depends_on": {"nodes": \(JSONText.array(parents)), "macros": []}, "tags": ["nightly"],
      "meta": {"owner": "data"}, "columns": {"id": {"name": "id", "description": "key"}},
      "description": "Orders", "created_at": \(1_700_000_000 + run)}
    """
  }

  var manifestText: String {
    var nodes = [
      modelNode(
        "orders", sql: "select * from {{ source('raw', 'orders') }} -- v\(modelVersion)",
        parents: ["source.shop.raw.orders"]),
      """
      "test.shop.not_null_orders_id.1a2b3c": {"unique_id": "test.shop.not_null_orders_id.1a2b3c",
        "resource_type": "test", "name": "not_null_orders_id", "package_name": "shop",
        "path": "not_null_orders_id.sql", "original_file_path": "models/schema.yml",
        "fqn": ["shop", "not_null_orders_id"], "database": "db", "schema": "public",
        "alias": "not_null_orders_id", "raw_code": "{{ test_not_null(**_dbt_generic_test_kwargs) }}",
        "test_metadata": {"name": "not_null", "kwargs": {"column_name": "id", "model": "{{ ref('orders') }}"}, "namespace": null},
        "column_name": "id", "attached_node": "model.shop.orders",
        "config": {"materialized": "test", "severity": "ERROR"},
        "depends_on": {"nodes": ["model.shop.orders"], "macros": []}, "tags": [], "meta": {},
        "columns": {}, "created_at": \(1_700_000_000 + run)}
      """,
    ]
    var parentMap = [
      "\"model.shop.orders\": [\"source.shop.raw.orders\"]",
      "\"test.shop.not_null_orders_id.1a2b3c\": [\"model.shop.orders\"]",
      "\"source.shop.raw.orders\": []",
    ]
    for index in 0..<extraModels {
      nodes.append(
        modelNode("extra_\(index)", sql: "select \(index)", parents: ["model.shop.orders"]))
      parentMap.append("\"model.shop.extra_\(index)\": [\"model.shop.orders\"]")
    }
    return """
      {\(metadata("manifest", 12)),
      "nodes": {\(nodes.joined(separator: ",\n"))},
      "sources": {"source.shop.raw.orders": {"unique_id": "source.shop.raw.orders",
        "resource_type": "source", "name": "orders", "source_name": "raw", "package_name": "shop",
        "path": "models/sources.yml", "original_file_path": "models/sources.yml",
        "fqn": ["shop", "raw", "orders"], "database": "db", "schema": "raw", "identifier": "orders",
        "loader": "fivetran", "loaded_at_field": "_loaded_at",
        "freshness": {"warn_after": {"count": 12, "period": "hour"}, "error_after": {"count": 24, "period": "hour"}, "filter": null},
        "config": {"enabled": true}, "columns": {}, "tags": [], "meta": {}, "source_meta": {},
        "description": "", "created_at": \(1_700_000_000 + run)}},
      "macros": {}, "docs": {}, "exposures": {}, "metrics": {}, "groups": {}, "selectors": {},
      "disabled": {}, "semantic_models": {}, "saved_queries": {}, "unit_tests": {},
      "parent_map": {\(parentMap.joined(separator: ", "))},
      "child_map": {}, "group_map": {}}
      """
  }

  /// A run_results file of `step` with one result per `(unique_id, status)`.
  func runResultsText(
    step: String, results: [(String, String)], invocation: String? = nil, minutes: Int = 10
  ) -> String {
    let entries = results.map { id, status in
      let failed = status == "error" || status == "skipped"
      let timing =
        failed
        ? "[]"
        : """
        [{"name": "compile", "started_at": "\(time(minutes: minutes - 2))", "completed_at": "\(time(minutes: minutes - 2))"},
         {"name": "execute", "started_at": "\(time(minutes: minutes - 1))", "completed_at": "\(time(minutes: minutes))"}]
        """
      let failures = id.hasPrefix("test.") ? (status == "fail" ? "3" : "0") : "null"
      return """
        {"unique_id": "\(id)", "status": "\(status)", "timing": \(timing), "thread_id": "Thread-1",
         "execution_time": 1.25, "adapter_response": {"rows_affected": 3},
         "message": \(status == "error" ? "\"relation does not exist\"" : "null"),
         "failures": \(failures), "compiled": true, "compiled_code": "select 1", "relation_name": null}
        """
    }
    return """
      {\(metadata("run-results", 6, invocation: invocation, minutes: minutes)),
      "elapsed_time": 2.5, "args": {"which": "\(step)", "invocation_command": "dbt \(step)"},
      "results": [\(entries.joined(separator: ",\n"))]}
      """
  }

  func sourcesText(status: String, sourceID: String = "source.shop.raw.orders") -> String {
    """
    {\(metadata("sources", 3, minutes: 5)), "elapsed_time": 0.3,
    "results": [{"unique_id": "\(sourceID)", "max_loaded_at": "\(time(minutes: -60))",
      "snapshotted_at": "\(time(minutes: 5))", "max_loaded_at_time_ago_in_s": 3900.0,
      "status": "\(status)", "criteria": {"warn_after": {"count": 12, "period": "hour"},
      "error_after": {"count": 24, "period": "hour"}, "filter": null}, "adapter_response": {},
      "timing": [], "thread_id": "Thread-1", "execution_time": 0.1}]}
    """
  }

  func catalogText(rows: Int, extraColumn: Bool = false, tableID: String = "model.shop.orders")
    -> String
  {
    let extra =
      extraColumn
      ? ", \"amount\": {\"type\": \"numeric\", \"index\": 2, \"name\": \"amount\", \"comment\": null}"
      : ""
    return """
      {\(metadata("catalog", 1, minutes: 20)),
      "nodes": {"\(tableID)": {"metadata": {"type": "BASE TABLE", "schema": "public",
        "name": "orders", "database": "db", "comment": null, "owner": "dbt"},
        "columns": {"id": {"type": "integer", "index": 1, "name": "id", "comment": null}\(extra)},
        "stats": {"row_count": {"id": "row_count", "label": "Row Count", "value": \(rows), "include": true, "description": ""},
                  "has_stats": {"id": "has_stats", "label": "Has Stats?", "value": true, "include": false, "description": ""}},
        "unique_id": "\(tableID)"}},
      "sources": {}, "errors": null}
      """
  }

  // MARK: - Parsed artifacts

  static func parse(_ text: String, _ name: String) throws -> Artifact {
    try ArtifactReader.read(bytes: Array(text.utf8), name: name)
  }

  func manifest() throws -> NamedArtifact<Manifest> {
    guard case .manifest(let value) = try Self.parse(manifestText, "manifest.json") else {
      throw Fixtures.FixtureError(message: "not a manifest")
    }
    return NamedArtifact(file: "manifest.json", value: value)
  }

  func runResults(
    step: String = "build", _ results: [(String, String)], invocation: String? = nil,
    minutes: Int = 10
  ) throws -> NamedArtifact<RunResults> {
    let text = runResultsText(
      step: step, results: results, invocation: invocation, minutes: minutes)
    guard case .runResults(let value) = try Self.parse(text, "run_results.json") else {
      throw Fixtures.FixtureError(message: "not run results")
    }
    return NamedArtifact(file: "run_results.json", value: value)
  }

  func sources(status: String, sourceID: String = "source.shop.raw.orders") throws
    -> NamedArtifact<SourceFreshness>
  {
    guard
      case .sources(let value) = try Self.parse(
        sourcesText(status: status, sourceID: sourceID), "sources.json")
    else { throw Fixtures.FixtureError(message: "not sources") }
    return NamedArtifact(file: "sources.json", value: value)
  }

  func catalog(rows: Int, extraColumn: Bool = false, tableID: String = "model.shop.orders") throws
    -> NamedArtifact<Catalog>
  {
    let text = catalogText(rows: rows, extraColumn: extraColumn, tableID: tableID)
    guard case .catalog(let value) = try Self.parse(text, "catalog.json") else {
      throw Fixtures.FixtureError(message: "not a catalog")
    }
    return NamedArtifact(file: "catalog.json", value: value)
  }

  /// A request for this run: manifest plus the given parts, account 1 / project 1 /
  /// environment 1 / job 1.
  func request(
    runResults: [NamedArtifact<RunResults>] = [], sources: NamedArtifact<SourceFreshness>? = nil,
    catalog: NamedArtifact<Catalog>? = nil, job: Int = 1, environment: Int = 1
  ) throws -> IngestRequest {
    IngestRequest(
      accountID: 1, projectID: 1, environmentID: environment, jobID: job, manifest: try manifest(),
      runResults: runResults, sources: sources, catalog: catalog)
  }

  /// A store in `database` holding run 1 of a project with `extraModels` more models, its
  /// `orders` model built successfully: the fixture of the environment page and relatives
  /// suites.
  static func storeWithOneRun(extraModels: Int, in database: TemporaryDatabase) throws
    -> MetadataStore
  {
    let store = try database.open()
    let project = SyntheticProject(run: 1, extraModels: extraModels)
    _ = try store.ingest(
      project.request(runResults: [try project.runResults([(model, "success")])]))
    return store
  }

  static let model = "model.shop.orders"
  static let test = "test.shop.not_null_orders_id.1a2b3c"
  static let source = "source.shop.raw.orders"
}
