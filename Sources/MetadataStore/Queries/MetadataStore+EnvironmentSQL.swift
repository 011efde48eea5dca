import SQLite

/// The statements of the environment reads: the node columns and the batched relative
/// lookups (one statement per list of nodes).
///
/// Parameters: ?1 the environment, ?3 the node ids (a JSON list), ?4 the resource types
/// of ancestors, ?5 the account (``currentVersion``).
///
/// Relatives are read in the environment's current manifest version: each edge's
/// definitions are checked for membership by the `manifest_member` primary key, and the
/// CROSS JOINs fix the join order (SQLite keeps it as written), starting from the given
/// nodes. The statements do not order their rows: an `ORDER BY` sorted whole rows (about
/// thirty columns each; 1,296 parents of a 500-model page) in a temporary b-tree, where
/// ``MetadataStore/environmentRelatives(accountID:environmentID:nodeIDs:relation:)`` orders
/// each node's short list by unique id.
extension MetadataStore {
  /// Columns of `definition d JOIN node n LEFT JOIN applied_state s`, read by
  /// ``environmentNode(_:at:sortValue:)``: the definition's columns but its manifest JSON
  /// (read on demand by ``definitionJSON(accountID:environmentID:definitionIDs:)``; 3 KB a
  /// node on average, which a page of 500 models and their parents copied for fields that
  /// mostly never read it), and the definition's row id.
  static let nodeColumns = """
    \(RowDecoding.definitionColumnsWithoutJSON), n.id, d.version,
    \(EnvironmentNodeSQL.modelingLayerSQL),
    s.last_execution_id, s.last_success_id, s.last_freshness_id, s.last_catalog_id, d.id
    """
  static let nodeColumnCount: Int32 = RowDecoding.definitionColumnCount + 8

  /// ``nodeColumns`` with only a node's summary read (unique id, resource type, name, file
  /// path, materialization, node and definition ids, applied-state pointers) and NULL or
  /// `''` in the other positions: for lists whose selection reads nothing else
  /// (``EnvironmentNodeQuery/summaryOnly``; `parents { uniqueId name }` of a 500-model
  /// page: 1,296 rows whose other twenty-odd texts took longer to copy into records than
  /// the statement took to find them).
  static let summaryNodeColumns =
    "n.unique_id, d.resource_type, d.name, NULL, d.original_file_path, "
    + Array(repeating: "NULL", count: 5).joined(separator: ", ") + ", d.materialized, "
    + Array(repeating: "NULL", count: 15).joined(separator: ", ")
    + ", '', '', n.id, NULL, NULL, "
    + "s.last_execution_id, s.last_success_id, s.last_freshness_id, s.last_catalog_id, d.id"

  static func environmentNode(_ row: Statement, at start: Int32 = 0, sortValue: NodeSortValue)
    -> EnvironmentNodeRecord
  {
    let base = start + RowDecoding.definitionColumnCount
    return EnvironmentNodeRecord(
      nodeID: row.int64(at: base), definition: RowDecoding.definition(row, at: start),
      version: row.string(at: base + 1), modelingLayer: row.string(at: base + 2),
      lastExecutionID: row.optionalInt64(at: base + 3),
      lastSuccessID: row.optionalInt64(at: base + 4),
      lastFreshnessID: row.optionalInt64(at: base + 5),
      lastCatalogID: row.optionalInt64(at: base + 6), definitionID: row.int64(at: base + 7),
      sortValue: sortValue)
  }

  /// The manifest version of environment ?1's current state when the environment is in
  /// account ?5, else NULL (and the statement answers no rows): the scoping check inside
  /// the statement (SQLite evaluates the uncorrelated subquery once per execution), so a
  /// batch lookup is one statement, not a check then a lookup.
  static let currentVersion = """
    (SELECT cr.manifest_version_id FROM environment ce
      JOIN project cp ON cp.id = ce.project_id JOIN run cr ON cr.id = ce.latest_run_id
      WHERE ce.id = ?1 AND cp.account_id = ?5)
    """

  /// The definition of node `n` in the current version (`d`, `m`) and its applied state
  /// (`s`).
  private static let memberDefinition = """
    CROSS JOIN definition d ON d.node_id = n.id
    CROSS JOIN manifest_member m ON m.manifest_version_id = \(currentVersion)
      AND m.resource_type = d.resource_type AND m.definition_id = d.id
    LEFT JOIN applied_state s ON s.environment_id = ?1 AND s.node_id = n.id
    """

  /// Parents of the nodes ?3 (a JSON list of node ids): anchor, node columns.
  static let parentsOfNodesSQL = """
    SELECT anchor.value, \(nodeColumns)
    FROM json_each(?3) anchor
    CROSS JOIN definition cd ON cd.node_id = anchor.value
    CROSS JOIN manifest_member cm ON cm.manifest_version_id = \(currentVersion)
      AND cm.resource_type = cd.resource_type AND cm.definition_id = cd.id
    CROSS JOIN lineage_edge l ON l.definition_id = cd.id
    CROSS JOIN node n ON n.id = l.parent_node_id
    \(memberDefinition)
    """

  /// Children of the nodes ?3.
  static let childrenOfNodesSQL = """
    SELECT anchor.value, \(nodeColumns)
    FROM json_each(?3) anchor
    CROSS JOIN lineage_edge l ON l.parent_node_id = anchor.value
    CROSS JOIN definition d ON d.id = l.definition_id
    CROSS JOIN manifest_member m ON m.manifest_version_id = \(currentVersion)
      AND m.resource_type = d.resource_type AND m.definition_id = d.id
    CROSS JOIN node n ON n.id = d.node_id
    LEFT JOIN applied_state s ON s.environment_id = ?1 AND s.node_id = n.id
    """

  /// Tests (data and unit) of the nodes ?3: children that test them.
  static let testsOfNodesSQL = """
    SELECT anchor.value, \(nodeColumns)
    FROM json_each(?3) anchor
    CROSS JOIN node tested ON tested.id = anchor.value
    CROSS JOIN lineage_edge l ON l.parent_node_id = anchor.value
    CROSS JOIN definition d ON d.id = l.definition_id
    CROSS JOIN manifest_member m ON m.manifest_version_id = \(currentVersion)
      AND m.resource_type = d.resource_type AND m.definition_id = d.id
    CROSS JOIN node n ON n.id = d.node_id
    LEFT JOIN applied_state s ON s.environment_id = ?1 AND s.node_id = n.id
    WHERE d.resource_type IN ('test', 'unit_test') AND d.tested_unique_id = tested.unique_id
    """

  /// Ancestors of the nodes ?3 whose resource type is in ?4 (a JSON list).
  static let ancestorsOfNodesSQL = """
    WITH RECURSIVE upstream(anchor, node_id) AS (
      SELECT value, value FROM json_each(?3)
      UNION
      SELECT upstream.anchor, l.parent_node_id FROM upstream
      CROSS JOIN definition cd ON cd.node_id = upstream.node_id
      CROSS JOIN manifest_member cm ON cm.manifest_version_id = \(currentVersion)
        AND cm.resource_type = cd.resource_type AND cm.definition_id = cd.id
      CROSS JOIN lineage_edge l ON l.definition_id = cd.id
    )
    SELECT upstream.anchor, \(nodeColumns)
    FROM upstream
    CROSS JOIN node n ON n.id = upstream.node_id
    \(memberDefinition)
    WHERE upstream.node_id <> upstream.anchor
      AND m.resource_type IN (SELECT value FROM json_each(?4))
    """

  /// The statement of a relatives read, with every node column or only the summary ones
  /// (``summaryNodeColumns``).
  static func relativesSQL(_ relation: Relation, summaryOnly: Bool) -> String {
    switch (relation, summaryOnly) {
    case (.parents, false): parentsOfNodesSQL
    case (.children, false): childrenOfNodesSQL
    case (.tests, false): testsOfNodesSQL
    case (.ancestors, false): ancestorsOfNodesSQL
    case (.parents, true): summaryRelativesSQL.parents
    case (.children, true): summaryRelativesSQL.children
    case (.tests, true): summaryRelativesSQL.tests
    case (.ancestors, true): summaryRelativesSQL.ancestors
    }
  }

  private static let summaryRelativesSQL = {
    func summary(_ sql: String) -> String {
      sql.replacingOccurrences(of: nodeColumns, with: summaryNodeColumns)
    }
    return (
      parents: summary(parentsOfNodesSQL), children: summary(childrenOfNodesSQL),
      tests: summary(testsOfNodesSQL), ancestors: summary(ancestorsOfNodesSQL)
    )
  }()
}
