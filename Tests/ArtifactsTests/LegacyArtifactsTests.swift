import Testing

@testable import Artifacts

/// Pre-0.19 ("v0") artifacts: no `dbt_schema_version`, recognised by shape. No public
/// sample survived licensing, so these documents follow the shapes in
/// `reference/dbt-artifacts.md` §7 (dbt 0.18: nodes with raw_sql/injected_sql, a list
/// `disabled`, results embedding whole nodes, `status: null` for successes, test failure
/// counts as status, `age` in freshness).
@Suite struct LegacyArtifactsTests {
  func read(_ text: String) throws -> Artifact {
    try ArtifactReader.read(bytes: Array(text.utf8), name: "v0.json")
  }

  @Test func manifestV0() throws {
    let text = #"""
      {"nodes": {"model.p.orders": {"raw_sql": "select 1", "compiled_sql": "select 1", "injected_sql": "select 1",
         "resource_type": "model", "unique_id": "model.p.orders", "name": "orders", "package_name": "p",
         "root_path": "/home/x", "path": "orders.sql", "original_file_path": "models/orders.sql",
         "fqn": ["p", "orders"], "database": "db", "schema": "s", "alias": "orders",
         "config": {"enabled": true, "materialized": "view", "tags": []}, "tags": [], "refs": [["customers"]],
         "sources": [["raw", "orders"]], "depends_on": {"nodes": ["source.p.raw.orders"], "macros": []},
         "description": "", "columns": {}, "meta": {}},
        "test.p.not_null_orders_id": {"raw_sql": "{{ test_not_null(**_dbt_schema_test_kwargs) }}", "resource_type": "test",
         "unique_id": "test.p.not_null_orders_id", "name": "not_null_orders_id", "config": {"materialized": "test", "severity": "ERROR"},
         "test_metadata": {"name": "not_null", "kwargs": {"column_name": "id", "model": "{{ ref('orders') }}"}},
         "column_name": "id", "depends_on": {"nodes": ["model.p.orders"], "macros": []}, "refs": [["orders"]], "sources": []}},
       "sources": {"source.p.raw.orders": {"unique_id": "source.p.raw.orders", "resource_type": "source", "name": "orders",
         "source_name": "raw", "loader": "", "identifier": "orders", "loaded_at_field": "_loaded",
         "freshness": {"warn_after": {"count": 1, "period": "day"}, "error_after": null, "filter": null}}},
       "macros": {}, "docs": {}, "disabled": [{"unique_id": "model.p.old", "resource_type": "model", "name": "old"}],
       "generated_at": "2021-02-01T10:00:00.000000Z", "parent_map": {"model.p.orders": ["source.p.raw.orders"]},
       "child_map": {"source.p.raw.orders": ["model.p.orders"]},
       "metadata": {"project_id": "abc", "user_id": null, "send_anonymous_usage_stats": true, "adapter_type": "postgres"}}
      """#
    guard case .manifest(let manifest) = try read(text) else {
      Issue.record("not a manifest")
      return
    }
    #expect(manifest.header.schemaVersion == 0)
    #expect(manifest.header.schemaURL == nil)
    #expect(manifest.header.generatedAt?.canonical == "2021-02-01T10:00:00.000000Z")
    #expect(manifest.header.adapterType == "postgres")
    #expect(manifest.header.projectID == "abc")
    let nodes = manifest.nodesByID()
    let model = try #require(nodes["model.p.orders"])
    #expect(model.rawCode == "select 1")
    #expect(model.compiledCode == "select 1")
    #expect(model.refs == [NodeRef(name: "customers", package: nil, version: nil)])
    #expect(model.sourceRefs == [SourceRef(sourceName: "raw", tableName: "orders")])
    #expect(nodes["test.p.not_null_orders_id"]?.test?.testedNodeID == "model.p.orders")
    #expect(nodes["test.p.not_null_orders_id"]?.config.severity == "ERROR")
    #expect(
      nodes["source.p.raw.orders"]?.source?.freshness?.warnAfter
        == FreshnessThreshold(count: 1, period: "day"))
    #expect(manifest.disabled.map(\.uniqueID) == ["model.p.old"])
    #expect(manifest.childMap?["source.p.raw.orders"] == ["model.p.orders"])
  }

  @Test func runResultsV0EmbedNodesAndDeriveStatus() throws {
    let text = #"""
      {"results": [
        {"node": {"unique_id": "model.p.a", "resource_type": "model", "compiled_sql": "select 1"}, "error": null, "status": null,
         "timing": [{"name": "compile", "started_at": "2021-02-01T10:00:00.000001Z", "completed_at": "2021-02-01T10:00:01Z"}],
         "thread_id": "Thread-1", "execution_time": 1.5, "fail": null, "warn": null, "skip": false},
        {"node": {"unique_id": "test.p.t1", "resource_type": "test"}, "error": null, "status": 0, "timing": [],
         "thread_id": "Thread-1", "execution_time": 0.1, "fail": null, "warn": null, "skip": false},
        {"node": {"unique_id": "test.p.t2", "resource_type": "test"}, "error": null, "status": 3, "timing": [],
         "thread_id": "Thread-2", "execution_time": 0.1, "fail": true, "warn": null, "skip": false},
        {"node": {"unique_id": "model.p.b", "resource_type": "model"}, "error": "Database Error in model b", "status": null,
         "timing": [], "thread_id": "Thread-2", "execution_time": 0.2, "fail": null, "warn": null, "skip": false},
        {"node": {"unique_id": "model.p.c", "resource_type": "model"}, "error": null, "status": null, "timing": [],
         "thread_id": null, "execution_time": 0, "fail": null, "warn": null, "skip": true}
       ], "generated_at": "2021-02-01T10:00:05Z", "elapsed_time": 5.0, "logs": []}
      """#
    guard case .runResults(let runResults) = try read(text) else {
      Issue.record("not run results")
      return
    }
    #expect(runResults.header.schemaVersion == 0)
    #expect(runResults.step == nil)
    #expect(
      runResults.results.map(\.uniqueID) == [
        "model.p.a", "test.p.t1", "test.p.t2", "model.p.b", "model.p.c",
      ])
    #expect(
      runResults.results.map { $0.status ?? "null" } == [
        "success", "pass", "fail", "error", "skipped",
      ])
    #expect(runResults.results[2].failures == 3)
    #expect(runResults.results[3].message == "Database Error in model b")
    #expect(runResults.results[0].compiledCode == "select 1")
    #expect(
      runResults.results[0].timing.first?.startedAt?.canonical == "2021-02-01T10:00:00.000001Z")
  }

  @Test func sourcesV0UseAgeAndEmbeddedNodes() throws {
    let text = #"""
      {"results": [{"node": {"unique_id": "source.p.raw.orders", "resource_type": "source",
          "freshness": {"warn_after": {"count": 1, "period": "hour"}, "error_after": {"count": 2, "period": "hour"}, "filter": null}},
        "max_loaded_at": "2021-02-01T09:00:00+00:00", "snapshotted_at": "2021-02-01T10:30:00+00:00", "age": 5400.0,
        "status": "warn", "error": null, "fail": null, "warn": true, "thread_id": "Thread-1", "execution_time": 0.3, "timing": []}],
       "generated_at": "2021-02-01T10:30:01Z", "elapsed_time": 0.5, "logs": []}
      """#
    guard case .sources(let freshness) = try read(text) else {
      Issue.record("not sources")
      return
    }
    let result = try #require(freshness.results.first)
    #expect(result.uniqueID == "source.p.raw.orders")
    #expect(result.status == "warn")
    #expect(result.maxLoadedAtTimeAgoInS == 5400)
    #expect(result.criteria?.errorAfter == FreshnessThreshold(count: 2, period: "hour"))
  }

  @Test func catalogV0() throws {
    let text = #"""
      {"nodes": {"model.p.a": {"metadata": {"type": "BASE TABLE", "schema": "s", "name": "a", "database": "d", "comment": null, "owner": "o"},
         "columns": {"B": {"type": "text", "index": 2, "name": "B", "comment": null}, "A": {"type": "int", "index": 1, "name": "A", "comment": null}},
         "stats": {"has_stats": {"id": "has_stats", "label": "Has Stats?", "value": false, "include": false, "description": ""}},
         "unique_id": "model.p.a"}},
       "sources": {}, "generated_at": "2021-02-01T10:00:00Z", "errors": null, "logs": []}
      """#
    guard case .catalog(let catalog) = try read(text) else {
      Issue.record("not a catalog")
      return
    }
    #expect(catalog.header.schemaVersion == 0)
    #expect(catalog.errors == nil)
    #expect(catalog.nodes.first?.columns.map(\.name) == ["A", "B"])  // ordered by index
    #expect(catalog.nodes.first?.owner == "o")
  }
}
