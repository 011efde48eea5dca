import SQLite

/// Batch reads of nodes across several runs: the definitions, executions and freshness
/// results of a list of
/// (run, node) pairs in one statement, whatever the number of runs, for lists whose
/// elements belong to different runs (a model's history: one element per run). The
/// single-run reads (``definitions(accountID:runID:uniqueIDs:)``...) stay the path for a
/// run's own lists.
///
/// The pairs travel as one JSON array of `[runID, uniqueID]` read with `json_each`; each
/// pair reaches its run by rowid, its node by `(project_id, unique_id)` and its rows
/// through `(run_id, node_id)` (`CROSS JOIN` fixes that order). Pairs of unknown runs or of
/// runs of another account answer nothing.
extension MetadataStore {
  /// The definition of each pair's node in its run's manifest (nodes absent from it are
  /// left out), ordered by run, then unique_id.
  public func definitions(accountID: Int, keys: [RunNodeKey]) throws
    -> [(runID: Int, definition: DefinitionRecord)]
  {
    guard !keys.isEmpty else { return [] }
    return try wrapping {
      try pool.read { db in
        try db.query(
          """
          SELECT r.id, \(RowDecoding.definitionColumns)
          \(Self.keyedRunNodes)
          CROSS JOIN definition d ON d.node_id = n.id
          CROSS JOIN manifest_member m ON m.manifest_version_id = r.manifest_version_id
            AND m.resource_type = d.resource_type AND m.definition_id = d.id
          WHERE p.account_id = ?2
          ORDER BY r.id, n.unique_id
          """, [.text(Self.jsonKeys(keys)), .integer(Int64(accountID))]
        ) { row in (runID: row.int(at: 0), definition: RowDecoding.definition(row, at: 1)) }
      }
    }
  }

  /// Every result of each pair's node in its run, of every step, ordered by run and node,
  /// then results of steps that execute nodes first, then newest first (the first result
  /// of a (run, node) pair is the node's status in the run, as
  /// ``executions(accountID:runID:uniqueIDs:)`` orders them).
  public func executions(accountID: Int, keys: [RunNodeKey]) throws -> [ExecutionRecord] {
    guard !keys.isEmpty else { return [] }
    return try wrapping {
      try pool.read { db in
        try db.query(
          """
          SELECT \(RowDecoding.executionColumns)
          \(Self.keyedRunNodes)
          CROSS JOIN execution e ON e.run_id = r.id AND e.node_id = n.id
          JOIN artifact a ON a.id = e.artifact_id
          WHERE p.account_id = ?2
          ORDER BY r.id, n.unique_id, e.executes_node DESC, e.generated_at DESC, e.id DESC
          """, [.text(Self.jsonKeys(keys)), .integer(Int64(accountID))]
        ) { RowDecoding.execution($0) }
      }
    }
  }

  /// The freshness results of each pair's node (a source) in its run, with the elapsed
  /// time of the step that wrote them, ordered by run and node, then newest first (as
  /// ``freshness(accountID:runID:uniqueIDs:)`` orders a run's).
  public func freshness(accountID: Int, keys: [RunNodeKey]) throws -> [JobFreshnessRecord] {
    guard !keys.isEmpty else { return [] }
    return try wrapping {
      try pool.read { db in
        try db.query(
          """
          SELECT \(RowDecoding.freshnessColumns), a.elapsed_time, f.execution_time
          \(Self.keyedRunNodes)
          CROSS JOIN freshness_result f ON f.environment_id = r.environment_id
            AND f.node_id = n.id AND f.run_id = r.id
          JOIN artifact a ON a.id = f.artifact_id
          WHERE p.account_id = ?2
          ORDER BY r.id, n.unique_id, f.generated_at DESC, f.id DESC
          """, [.text(Self.jsonKeys(keys)), .integer(Int64(accountID))]
        ) { row in
          JobFreshnessRecord(
            result: RowDecoding.freshness(row),
            runElapsedTime: row.optionalDouble(at: RowDecoding.freshnessColumnCount),
            executionTime: row.optionalDouble(at: RowDecoding.freshnessColumnCount + 1))
        }
      }
    }
  }

  /// The pairs of `?1` (``jsonKeys(_:)``) joined to their run `r`, environment `v`,
  /// project `p` and node `n`, in that order: what the three reads above start from.
  static let keyedRunNodes = """
    FROM (SELECT DISTINCT value ->> 0 AS run_id, value ->> 1 AS unique_id
      FROM json_each(?1)) k
    CROSS JOIN run r ON r.id = k.run_id
    CROSS JOIN environment v ON v.id = r.environment_id
    CROSS JOIN project p ON p.id = v.project_id
    CROSS JOIN node n ON n.project_id = v.project_id AND n.unique_id = k.unique_id
    """

  /// `[[1,"model.a"],[2,"model.a"]]`: (run, node) pairs as one JSON text.
  static func jsonKeys(_ keys: [RunNodeKey]) -> String {
    var text = "["
    for (index, key) in keys.enumerated() {
      if index > 0 { text += "," }
      text += "[\(key.runID),"
      JSONText.appendString(key.uniqueID, to: &text)
      text += "]"
    }
    return text + "]"
  }
}
