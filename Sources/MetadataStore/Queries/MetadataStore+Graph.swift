import Foundation
import SQLite

/// The environment's DAG in one read, for lineage with dbt's node selection: the nodes of
/// its current manifest (the latest run's manifest version) with their applied status,
/// and every parent edge, as two statements whatever the size of the graph.
extension MetadataStore {
  /// The nodes of a manifest version with the fields lineage needs (no JSON except what
  /// semantic models and macros keep only there), and their latest execution and
  /// freshness status in the environment (through `applied_state`).
  static let graphNodesSQL =
    """
    SELECT n.unique_id, d.resource_type, d.name, d.package_name, d.original_file_path,
      CASE WHEN d.resource_type = 'semantic_model'
        THEN json_extract(d.json, '$.node_relation.database') ELSE d.database_name END,
      CASE WHEN d.resource_type = 'semantic_model'
        THEN json_extract(d.json, '$.node_relation.schema_name') ELSE d.schema_name END,
      CASE WHEN d.resource_type = 'semantic_model'
        THEN json_extract(d.json, '$.node_relation.alias') ELSE coalesce(d.alias, d.identifier) END,
      d.materialized, d.access, d.group_name, d.version, d.fqn, d.tags, d.source_name,
      d.tested_unique_id, d.test_name, x.status, f.status,
      CASE WHEN d.resource_type = 'macro' THEN json_extract(d.json, '$.depends_on.macros') END,
      d.id
    FROM manifest_member m
    JOIN definition d ON d.id = m.definition_id JOIN node n ON n.id = d.node_id
    LEFT JOIN applied_state s ON s.environment_id = ? AND s.node_id = n.id
    LEFT JOIN execution x ON x.id = s.last_execution_id
    LEFT JOIN freshness_result f ON f.id = s.last_freshness_id
    WHERE m.manifest_version_id = ? AND (? OR m.resource_type <> 'macro')
    ORDER BY n.unique_id
    """

  /// Every parent edge of a manifest version's definitions (from `parent_map`).
  static let graphEdgesSQL =
    """
    SELECT l.definition_id, parent.unique_id
    FROM manifest_member m
    JOIN lineage_edge l ON l.definition_id = m.definition_id
    JOIN node parent ON parent.id = l.parent_node_id
    WHERE m.manifest_version_id = ?
    ORDER BY l.definition_id, parent.unique_id
    """

  /// The environment's whole DAG as its current manifest has it, or nil when the
  /// environment is not in the account or has no run yet.
  ///
  /// - Parameters:
  ///   - includeMacros: whether to load macros too (most of a manifest's nodes are the
  ///     adapter's macros, which no selector reaches: load them only when asked for).
  public func lineageGraph(accountID: Int, environmentID: Int, includeMacros: Bool = false)
    throws -> LineageGraphRecord?
  {
    try wrapping {
      try pool.read { db in
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db),
          let row = try db.query(
            """
            SELECT e.project_id, r.manifest_version_id FROM environment e
            JOIN run r ON r.id = e.latest_run_id WHERE e.id = ?
            """, [.integer(Int64(environmentID))], row: { ($0.int(at: 0), $0.int64(at: 1)) }
          ).first
        else { return nil }
        let (projectID, version) = row
        var parents: [Int64: [String]] = [:]
        try db.query(Self.graphEdgesSQL, [.integer(version)]) {
          ($0.int64(at: 0), $0.string(at: 1) ?? "")
        }.forEach { parents[$0.0, default: []].append($0.1) }
        let nodes = try db.query(
          Self.graphNodesSQL,
          [.integer(Int64(environmentID)), .integer(version), .integer(includeMacros ? 1 : 0)]
        ) { row -> LineageGraphNodeRecord in
          func text(_ index: Int32) -> String? { row.string(at: index) }
          let definitionID = row.int64(at: 20)
          var parentIDs = parents[definitionID] ?? []
          if parentIDs.isEmpty, let macros = text(19) {
            parentIDs = Self.stringArray(json: macros)
          }
          return LineageGraphNodeRecord(
            uniqueID: text(0) ?? "", resourceType: text(1) ?? "", name: text(2) ?? "",
            packageName: text(3), originalFilePath: text(4), database: text(5),
            schema: text(6), alias: text(7), materialized: text(8), access: text(9),
            group: text(10), version: text(11), fqnJSON: text(12), tagsJSON: text(13),
            sourceName: text(14), testedUniqueID: text(15), testName: text(16),
            parentIDs: parentIDs, lastRunStatus: text(17), freshnessStatus: text(18))
        }
        return LineageGraphRecord(projectID: projectID, nodes: nodes)
      }
    }
  }

  /// The strings of a JSON array of strings as SQLite's `json_extract` writes it
  /// (`["a","b"]`); anything else gives `[]`.
  static func stringArray(json: String) -> [String] {
    guard let data = json.data(using: .utf8),
      let array = try? JSONSerialization.jsonObject(with: data) as? [Any]
    else { return [] }
    return array.compactMap { $0 as? String }.sorted()
  }
}

extension MetadataStore {
  /// What the environment's lineage graph (``lineageGraph(accountID:environmentID:includeMacros:)``)
  /// is read from, as one comparable value: the environment's latest run (its manifest
  /// version) and the highest execution and freshness row ids (the applied statuses change
  /// only when results are stored, and stored results only get higher row ids: run data
  /// is append-only). Equal generations read equal graphs, so a caller may keep a graph
  /// and reuse it while the generation stays the same.
  ///
  /// - Returns: nil when the environment is not in the account.
  public func lineageGeneration(accountID: Int, environmentID: Int) throws -> [Int64]? {
    try generation(
      Self.lineageGenerationSQL, columnCount: 3, accountID: accountID,
      environmentID: environmentID)
  }

  static let lineageGenerationSQL = generationSQL([
    latestRunColumn, highestIDColumn("execution"), highestIDColumn("freshness_result"),
  ])

}
