import SQLite

/// Lineage as a run's manifest had it (`parent_map` / `child_map`).
///
/// The CROSS JOINs fix the join order (SQLite keeps it as written): start from the one
/// node and look each definition's membership up by the member primary key, rather than
/// scanning the whole manifest version.
extension MetadataStore {
  /// A node's children in a manifest version.
  static let childrenSQL =
    """
    SELECT child.unique_id, child.resource_type
    FROM node parent
    CROSS JOIN lineage_edge l ON l.parent_node_id = parent.id
    CROSS JOIN definition d ON d.id = l.definition_id
    CROSS JOIN manifest_member m ON m.manifest_version_id = ?
      AND m.resource_type = d.resource_type AND m.definition_id = d.id
    JOIN node child ON child.id = d.node_id
    WHERE parent.project_id = (SELECT project_id FROM manifest_version WHERE id = ?)
      AND parent.unique_id = ?
    ORDER BY child.unique_id
    """

  /// A node's parents in a manifest version.
  static let parentsSQL =
    """
    SELECT parent.unique_id, parent.resource_type
    FROM node child
    CROSS JOIN definition d ON d.node_id = child.id
    CROSS JOIN manifest_member m ON m.manifest_version_id = ?
      AND m.resource_type = d.resource_type AND m.definition_id = d.id
    JOIN lineage_edge l ON l.definition_id = d.id
    JOIN node parent ON parent.id = l.parent_node_id
    WHERE child.project_id = (SELECT project_id FROM manifest_version WHERE id = ?)
      AND child.unique_id = ?
    ORDER BY parent.unique_id
    """

  /// The direct parents of a node in a run's manifest.
  public func parents(accountID: Int, runID: Int, uniqueID: String) throws -> [LineageRecord] {
    try wrapping {
      try pool.read { db in
        guard let version = try Self.manifestVersion(runID: runID, accountID: accountID, db: db)
        else { return [] }
        return try db.query(
          Self.parentsSQL, [.integer(version), .integer(version), .text(uniqueID)]
        ) { LineageRecord(uniqueID: $0.string(at: 0) ?? "", resourceType: $0.string(at: 1) ?? "") }
      }
    }
  }

  /// The direct children of a node in a run's manifest.
  public func children(accountID: Int, runID: Int, uniqueID: String) throws -> [LineageRecord] {
    try wrapping {
      try pool.read { db in
        guard let version = try Self.manifestVersion(runID: runID, accountID: accountID, db: db)
        else { return [] }
        return try db.query(
          Self.childrenSQL, [.integer(version), .integer(version), .text(uniqueID)]
        ) { LineageRecord(uniqueID: $0.string(at: 0) ?? "", resourceType: $0.string(at: 1) ?? "") }
      }
    }
  }

  /// Every lineage edge of a run's manifest, as (child, parent) pairs ordered by child then
  /// parent: for lineage queries over the whole graph in one read (no query per node).
  public func lineage(accountID: Int, runID: Int) throws -> [(
    child: LineageRecord, parent: LineageRecord
  )] {
    try wrapping {
      try pool.read { db in
        guard let version = try Self.manifestVersion(runID: runID, accountID: accountID, db: db)
        else { return [] }
        return try db.query(
          """
          SELECT child.unique_id, child.resource_type, parent.unique_id, parent.resource_type
          FROM manifest_member m
          JOIN definition d ON d.id = m.definition_id
          JOIN node child ON child.id = d.node_id
          JOIN lineage_edge l ON l.definition_id = d.id
          JOIN node parent ON parent.id = l.parent_node_id
          WHERE m.manifest_version_id = ?
          ORDER BY child.unique_id, parent.unique_id
          """, [.integer(version)]
        ) { row in
          (
            LineageRecord(uniqueID: row.string(at: 0) ?? "", resourceType: row.string(at: 1) ?? ""),
            LineageRecord(uniqueID: row.string(at: 2) ?? "", resourceType: row.string(at: 3) ?? "")
          )
        }
      }
    }
  }
}
