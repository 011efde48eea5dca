import SQLite

/// The statements an ingest runs once per row, prepared (or taken from the connection's
/// statement cache) once per ingest and then reused directly.
///
/// Why: ``SQLite/Connection/cachedStatement(_:)`` finds a statement by hashing and
/// comparing its SQL text, several hundred bytes for the definition insert. Done per row
/// (definitions, members, lineage edges, nodes, executions and two applied-state upserts
/// per result) that lookup cost about 3% of a whole ingest's instructions.
struct IngestStatements {
  /// A node's first appearance in the project.
  let insertNode: Statement
  /// A definition (content-addressed; a conflict means the content is already stored).
  let insertDefinition: Statement
  /// Records the raw digest of an existing definition (read again from other bytes).
  let rememberRawDigest: Statement
  /// A manifest version's member.
  let insertMember: Statement
  /// A parent edge of a new definition.
  let insertEdge: Statement
  /// One run result.
  let insertExecution: Statement
  /// One source freshness result.
  let insertFreshness: Statement
  /// One catalog table.
  let insertCatalogEntry: Statement
  /// One stat of a catalog table.
  let insertCatalogStat: Statement
  /// One column of a new catalog column list.
  let insertCatalogColumn: Statement
  /// The applied-state upserts, one per pointer (see ``advance(_:)``).
  private let advanceLastExecution: Statement
  private let advanceLastSuccess: Statement
  private let advanceLastFreshness: Statement
  private let advanceLastCatalog: Statement
  /// The last execution and the last success moved by one upsert (a successful result).
  let advanceLastExecutionAndSuccess: Statement

  init(_ db: Connection) throws {
    insertNode = try db.cachedStatement(
      "INSERT INTO node(project_id, unique_id, resource_type) VALUES (?, ?, ?)")
    insertDefinition = try db.cachedStatement(
      """
      INSERT INTO definition(node_id, content_hash, resource_type, name, package_name, path,
        original_file_path, database_name, schema_name, alias, relation_name, description,
        materialized, language, access, group_name, version, fqn, tags, meta, test_name,
        test_namespace, test_column_name, tested_unique_id, severity, source_name, identifier,
        loader, loaded_at_field, freshness_warn_count, freshness_warn_period,
        freshness_error_count, freshness_error_period, freshness_filter, json, raw_digest)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(node_id, content_hash) DO NOTHING
      """)
    rememberRawDigest = try db.cachedStatement(
      "UPDATE definition SET raw_digest = ? WHERE id = ? AND resource_type = ?")
    insertMember = try db.cachedStatement(
      """
      INSERT INTO manifest_member(manifest_version_id, resource_type, definition_id)
      VALUES (?, ?, ?) ON CONFLICT DO NOTHING
      """)
    insertEdge = try db.cachedStatement(
      "INSERT INTO lineage_edge(definition_id, parent_node_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
    )
    insertExecution = try db.cachedStatement(
      """
      INSERT INTO execution(run_id, artifact_id, environment_id, node_id, executes_node,
        status, message, failures, thread_id, execution_time, compile_started_at,
        compile_completed_at, execute_started_at, execute_completed_at, adapter_response,
        generated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    insertFreshness = try db.cachedStatement(
      """
      INSERT INTO freshness_result(run_id, artifact_id, environment_id, node_id, status,
        max_loaded_at, snapshotted_at, max_loaded_at_time_ago_in_s, error, warn_after_count,
        warn_after_period, error_after_count, error_after_period, filter, thread_id,
        execution_time, execute_started_at, execute_completed_at, generated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    insertCatalogEntry = try db.cachedStatement(
      """
      INSERT INTO catalog_entry(run_id, artifact_id, environment_id, node_id, column_set_id,
        table_type, database_name, schema_name, table_name, comment, owner, row_count, bytes,
        generated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    insertCatalogStat = try db.cachedStatement(
      """
      INSERT INTO catalog_stat(catalog_entry_id, stat_id, label, value, include, description)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
      """)
    insertCatalogColumn = try db.cachedStatement(
      """
      INSERT INTO catalog_column(column_set_id, position, name, type, column_index, comment)
      VALUES (?, ?, ?, ?, ?, ?)
      """)
    advanceLastExecution = try db.cachedStatement(AppliedColumn.lastExecution.upsertSQL)
    advanceLastSuccess = try db.cachedStatement(AppliedColumn.lastSuccess.upsertSQL)
    advanceLastFreshness = try db.cachedStatement(AppliedColumn.lastFreshness.upsertSQL)
    advanceLastCatalog = try db.cachedStatement(AppliedColumn.lastCatalog.upsertSQL)
    advanceLastExecutionAndSuccess = try db.cachedStatement(
      AppliedColumn.lastExecutionAndSuccessSQL)
  }

  /// The upsert that moves `column` forward.
  func advance(_ column: AppliedColumn) -> Statement {
    switch column {
    case .lastExecution: return advanceLastExecution
    case .lastSuccess: return advanceLastSuccess
    case .lastFreshness: return advanceLastFreshness
    case .lastCatalog: return advanceLastCatalog
    }
  }
}
