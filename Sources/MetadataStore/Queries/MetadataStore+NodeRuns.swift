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
  /// in its manifest or NULL. The node's definitions are listed once (`MATERIALIZED`), and
  /// each run tries them against its manifest version through `manifest_member`'s primary
  /// key: a node has one definition per distinct content, so a few per run.
  static let runsWithDefinitionSQL = """
    WITH target AS (
      SELECT n.id AS node_id FROM environment v JOIN project p ON p.id = v.project_id
      CROSS JOIN node n ON n.project_id = v.project_id AND n.unique_id = ?3
      WHERE v.id = ?2 AND p.account_id = ?4),
    node_definitions AS MATERIALIZED (
      SELECT d.id, d.resource_type FROM target t CROSS JOIN definition d ON d.node_id = t.node_id)
    \(runInfoSelect),
      (SELECT nd.id FROM node_definitions nd CROSS JOIN manifest_member m
        ON m.manifest_version_id = r.manifest_version_id AND m.resource_type = nd.resource_type
        AND m.definition_id = nd.id)
    FROM target t CROSS JOIN (SELECT DISTINCT value AS id FROM json_each(?1)) k
    CROSS JOIN run r ON r.id = k.id
    JOIN job j ON j.id = r.job_id
    JOIN environment e ON e.id = r.environment_id
    JOIN project p ON p.id = e.project_id
    WHERE r.environment_id = ?2 AND p.account_id = ?4
    """
}
