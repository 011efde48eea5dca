import Foundation
import SQLite

/// Column lists and row readers shared by the queries, so each record is read the same
/// way everywhere.
enum RowDecoding {
  /// Columns of `definition d JOIN node n`, read by ``definition(_:at:)``.
  static let definitionColumns = """
    n.unique_id, d.resource_type, d.name, d.package_name, d.original_file_path,
    d.database_name, d.schema_name, d.alias, d.relation_name, d.description, d.materialized,
    d.language, d.access, d.group_name, d.fqn, d.tags, d.meta, d.test_name, d.test_namespace,
    d.test_column_name, d.tested_unique_id, d.severity, d.source_name, d.identifier, d.loader,
    d.loaded_at_field, d.content_hash, d.json
    """
  static let definitionColumnCount: Int32 = 28
  /// ``definitionColumns`` with an empty text in place of the manifest JSON (same
  /// positions): for reads that fetch the JSON on demand.
  static let definitionColumnsWithoutJSON = definitionColumns.replacingOccurrences(
    of: "d.json", with: "''")

  static func definition(_ row: Statement, at start: Int32 = 0) -> DefinitionRecord {
    func text(_ offset: Int32) -> String? { row.string(at: start + offset) }
    return DefinitionRecord(
      uniqueID: text(0) ?? "", resourceType: text(1) ?? "", name: text(2) ?? "",
      packageName: text(3), originalFilePath: text(4), database: text(5), schema: text(6),
      alias: text(7), relationName: text(8), description: text(9), materialized: text(10),
      language: text(11), access: text(12), group: text(13), fqnJSON: text(14),
      tagsJSON: text(15), metaJSON: text(16), testName: text(17), testNamespace: text(18),
      testColumnName: text(19), testedUniqueID: text(20), severity: text(21),
      sourceName: text(22), identifier: text(23), loader: text(24), loadedAtField: text(25),
      contentHash: text(26) ?? "", json: text(27) ?? "")
  }

  /// Columns of `execution e JOIN node n JOIN run r JOIN artifact a`, read by
  /// ``execution(_:at:)``.
  static let executionColumns = """
    e.run_id, r.job_id, n.unique_id, n.resource_type, a.step, e.executes_node, e.status,
    e.message, e.failures, e.thread_id, e.execution_time, e.compile_started_at,
    e.compile_completed_at, e.execute_started_at, e.execute_completed_at, e.adapter_response,
    e.generated_at, a.invocation_id, a.elapsed_time, a.args, e.id
    """
  static let executionColumnCount: Int32 = 21

  static func execution(_ row: Statement, at start: Int32 = 0) -> ExecutionRecord {
    func text(_ offset: Int32) -> String? { row.string(at: start + offset) }
    return ExecutionRecord(
      runID: row.int(at: start), jobID: row.int(at: start + 1), uniqueID: text(2) ?? "",
      resourceType: text(3) ?? "", step: text(4), executesNode: row.int(at: start + 5) != 0,
      status: text(6), message: text(7), failures: row.optionalInt64(at: start + 8).map(Int.init),
      threadID: text(9), executionTime: row.optionalDouble(at: start + 10),
      compileStartedAt: text(11), compileCompletedAt: text(12), executeStartedAt: text(13),
      executeCompletedAt: text(14), adapterResponseJSON: text(15), generatedAt: text(16),
      invocationID: text(17), runElapsedTime: row.optionalDouble(at: start + 18),
      argsJSON: text(19), id: row.int64(at: start + 20))
  }

  /// Columns of `freshness_result f JOIN node n JOIN run r`, read by ``freshness(_:at:)``.
  static let freshnessColumns = """
    f.run_id, r.job_id, n.unique_id, f.status, f.max_loaded_at, f.snapshotted_at,
    f.max_loaded_at_time_ago_in_s, f.error, f.warn_after_count, f.warn_after_period,
    f.error_after_count, f.error_after_period, f.generated_at, f.id
    """
  static let freshnessColumnCount: Int32 = 14

  static func freshness(_ row: Statement, at start: Int32 = 0) -> FreshnessRecord {
    func text(_ offset: Int32) -> String? { row.string(at: start + offset) }
    return FreshnessRecord(
      runID: row.int(at: start), jobID: row.int(at: start + 1), uniqueID: text(2) ?? "",
      status: text(3) ?? "", maxLoadedAt: text(4), snapshottedAt: text(5),
      maxLoadedAtTimeAgoInS: row.optionalDouble(at: start + 6), error: text(7),
      warnAfterCount: row.optionalInt64(at: start + 8).map(Int.init), warnAfterPeriod: text(9),
      errorAfterCount: row.optionalInt64(at: start + 10).map(Int.init),
      errorAfterPeriod: text(11), generatedAt: text(12), id: row.int64(at: start + 13))
  }

  /// Columns of `catalog_entry c JOIN node n`, read by ``catalog(_:at:)`` (columns and
  /// stats are loaded separately).
  static let catalogColumns = """
    c.run_id, n.unique_id, c.table_type, c.database_name, c.schema_name, c.table_name,
    c.comment, c.owner, c.row_count, c.bytes, c.id, c.column_set_id
    """

  static func catalog(_ row: Statement, at start: Int32 = 0) -> (
    record: CatalogRecord, entryID: Int64, columnSetID: Int64
  ) {
    func text(_ offset: Int32) -> String? { row.string(at: start + offset) }
    let record = CatalogRecord(
      runID: row.int(at: start), uniqueID: text(1) ?? "", type: text(2), database: text(3),
      schema: text(4), name: text(5), comment: text(6), owner: text(7),
      rowCount: row.optionalInt64(at: start + 8).map(Int.init),
      bytes: row.optionalInt64(at: start + 9).map(Int.init), columns: [], stats: [])
    return (record, row.int64(at: start + 10), row.int64(at: start + 11))
  }
}
