import SQLite

/// One node across many runs of its environment: what a node's history reads (one element
/// per run, up to 100), in a constant number of statements whatever the number of runs.
extension MetadataStore {
  /// The node `uniqueID` in each of `runIDs` (runs of the environment): the run and the
  /// node's definition in the run's manifest (nil when the manifest did not have it), in
  /// the order of `runIDs`; ids of unknown runs, of runs of another environment and every
  /// run of an environment of another account are left out.
  ///
  /// Two statements: the runs with the id of the node's definition in each (its
  /// definitions, one to a few, each tried against the run's manifest version by primary
  /// key), then each distinct definition once. Reading the definition per run instead read
  /// the same rows, with their manifest JSON (3 KB on average), once per run: 100 times for
  /// a 100-run history whose runs share two definitions (`benchmarks/README.md`, Metadata
  /// API).
  public func nodeInRuns(accountID: Int, environmentID: Int, uniqueID: String, runIDs: [Int])
    throws -> [NodeRunRecord]
  {
    guard !runIDs.isEmpty else { return [] }
    return try wrapping {
      try pool.read { db in
        let rows = try db.query(
          Self.runsWithDefinitionSQL,
          [
            .text(Self.jsonIntegers(runIDs.map(Int64.init))), .integer(Int64(environmentID)),
            .text(uniqueID), .integer(Int64(accountID)),
          ]
        ) { row in
          (run: Self.runInfo(row), definitionID: row.optionalInt64(at: Self.runInfoColumnCount))
        }
        let definitionIDs = Array(Set(rows.compactMap(\.definitionID)))
        var definitions: [Int64: DefinitionRecord] = [:]
        if !definitionIDs.isEmpty {
          for (id, definition) in try db.query(
            """
            SELECT d.id, \(RowDecoding.definitionColumns)
            FROM (SELECT DISTINCT value AS id FROM json_each(?1)) k
            CROSS JOIN definition d ON d.id = k.id
            CROSS JOIN node n ON n.id = d.node_id
            """, [.text(Self.jsonIntegers(definitionIDs))]
          ) { row in (row.int64(at: 0), RowDecoding.definition(row, at: 1)) } {
            definitions[id] = definition
          }
        }
        var byRun: [Int: NodeRunRecord] = [:]
        for row in rows {
          byRun[row.run.id] = NodeRunRecord(
            run: row.run, definition: row.definitionID.flatMap { definitions[$0] })
        }
        var seen = Set<Int>()
        return runIDs.compactMap { id in seen.insert(id).inserted ? byRun[id] : nil }
      }
    }
  }

  /// ?1 the run ids (JSON), ?2 the environment, ?3 the unique id, ?4 the account: each run
  /// of the environment (``runInfoSelect``'s columns), then the id of the node's definition
  /// in its manifest or NULL (the node's definitions, one per distinct content, each tried
  /// against the run's manifest version through `manifest_member`'s primary key). The
  /// environment, its project and the node are looked up once, not per run, and the
  /// statement needs no temporary table (no `DISTINCT`, no materialized subquery): the ids
  /// are distinct already.
  static let runsWithDefinitionSQL = """
    SELECT r.id, p.account_id, v.project_id, r.environment_id, r.job_id, j.name,
      r.generated_at, r.dbt_version, r.invocation_id, r.adapter_type, r.ingested_at,
      r.manifest_version_id,
      (SELECT d.id FROM definition d CROSS JOIN manifest_member m
        ON m.manifest_version_id = r.manifest_version_id AND m.resource_type = d.resource_type
        AND m.definition_id = d.id
        WHERE d.node_id = n.id)
    FROM environment v JOIN project p ON p.id = v.project_id
    CROSS JOIN node n ON n.project_id = v.project_id AND n.unique_id = ?3
    CROSS JOIN json_each(?1) k
    CROSS JOIN run r ON r.id = k.value AND r.environment_id = v.id
    JOIN job j ON j.id = r.job_id
    WHERE v.id = ?2 AND p.account_id = ?4
    """

  /// Every result of the node `uniqueID` in each of `runIDs` (runs of the environment), of
  /// every step, in the order of ``executions(accountID:keys:)``: by run, results of steps
  /// that execute nodes first, then newest first. Empty for an environment of another
  /// account.
  ///
  /// One statement: the node's executions in the environment are two ranges of
  /// `execution_by_node` (one per `executes_node` value) between the lowest and the highest
  /// run, where the pairs' statement seeks `execution_by_run` once per run, each in another
  /// part of the index (a 100-run history: 100 executions read in run order).
  public func nodeExecutions(
    accountID: Int, environmentID: Int, uniqueID: String, runIDs: [Int]
  ) throws -> [ExecutionRecord] {
    guard let lowest = runIDs.min(), let highest = runIDs.max() else { return [] }
    let wanted = Set(runIDs)
    return try wrapping {
      try pool.read { db in
        try db.query(
          Self.nodeExecutionsSQL,
          [
            .integer(Int64(environmentID)), .integer(Int64(accountID)), .text(uniqueID),
            .integer(Int64(lowest)), .integer(Int64(highest)),
          ]
        ) { RowDecoding.execution($0) }
      }
    }.filter { wanted.contains($0.runID) }.sorted { a, b in
      if a.runID != b.runID { return a.runID < b.runID }
      if a.executesNode != b.executesNode { return a.executesNode }
      if a.generatedAt != b.generatedAt { return (a.generatedAt ?? "") > (b.generatedAt ?? "") }
      return a.id > b.id
    }
  }

  /// ?1 the environment, ?2 the account, ?3 the unique id, ?4 and ?5 the lowest and highest
  /// run: the node's executions, one branch per `executes_node` value so that each is one
  /// range of `execution_by_node` (`executes_node IN (0, 1)` would build a temporary table
  /// of the list, and an `ORDER BY` a sorter: the caller orders the rows).
  static let nodeExecutionsSQL = [1, 0].map { executesNode in
    """
    SELECT \(RowDecoding.executionColumns)
    FROM environment v JOIN project p ON p.id = v.project_id
    CROSS JOIN node n ON n.project_id = v.project_id AND n.unique_id = ?3
    CROSS JOIN execution e ON e.environment_id = v.id AND e.node_id = n.id
      AND e.executes_node = \(executesNode) AND e.run_id BETWEEN ?4 AND ?5
    JOIN run r ON r.id = e.run_id
    JOIN artifact a ON a.id = e.artifact_id
    WHERE v.id = ?1 AND p.account_id = ?2
    """
  }.joined(separator: "\nUNION ALL\n")
}
