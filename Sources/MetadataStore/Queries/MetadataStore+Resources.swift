import SQLite

/// Reads for Part 4's standalone environment fields (`reference/dbt-discovery-api-2024.md`
/// §2): packages, tags, definition changes over time, and the projects consuming an
/// environment's public models. Every read is scoped by the account; an environment of
/// another account answers nothing.
extension MetadataStore {
  /// The distinct `package_name` of the definitions of one resource type in the
  /// environment's current manifest, sorted ascending (`AppliedState.packages`).
  public func packageNames(accountID: Int, environmentID: Int, resourceType: String) throws
    -> [String]
  {
    try wrapping {
      try pool.read { db in
        guard let version = try Self.currentVersion(accountID, environmentID, db) else {
          return []
        }
        return try db.query(
          """
          SELECT DISTINCT d.package_name FROM manifest_member m
          JOIN definition d ON d.id = m.definition_id
          WHERE m.manifest_version_id = ? AND m.resource_type = ? AND d.package_name IS NOT NULL
          ORDER BY d.package_name
          """, [.integer(version), .text(resourceType)]
        ) { $0.string(at: 0) ?? "" }
      }
    }
  }

  /// The distinct tags of the definitions of the given resource types in the environment's
  /// current manifest, sorted ascending: `tags`, and `config.tags` (unit tests keep their
  /// tags there).
  public func tagNames(accountID: Int, environmentID: Int, resourceTypes: [String]) throws
    -> [String]
  {
    try wrapping {
      try pool.read { db in
        guard let version = try Self.currentVersion(accountID, environmentID, db) else {
          return []
        }
        return try db.query(
          """
          WITH members AS (
            SELECT d.tags AS tags, json_extract(d.json, '$.config.tags') AS config_tags
            FROM manifest_member m JOIN definition d ON d.id = m.definition_id
            WHERE m.manifest_version_id = ?
              AND m.resource_type IN (SELECT value FROM json_each(?)))
          SELECT value FROM members, json_each(CASE WHEN json_valid(members.tags)
            THEN members.tags ELSE '[]' END) WHERE type = 'text'
          UNION
          SELECT value FROM members, json_each(CASE WHEN json_valid(members.config_tags)
            THEN members.config_tags ELSE '[]' END) WHERE type = 'text'
          ORDER BY 1
          """, [.integer(version), .text(JSONText.array(resourceTypes))]
        ) { $0.string(at: 0) ?? "" }
      }
    }
  }

  /// Definitions added or changed in the environment's runs generated at or after `since`
  /// (canonical UTC text), one record per node: how many distinct new definitions it got in
  /// the window and the first run that carried the newest one. Ordered by that run's
  /// `generated_at` descending, then unique_id.
  ///
  /// A change is a definition (content hash) of the node that no earlier run of the
  /// environment had, in `generated_at` order; in the environment's first run every node
  /// is new. "No earlier run" rather than "not the previous run": runs of several jobs
  /// interleave in an environment (a CI job building into its own schema between two
  /// nightly runs), and returning to a definition seen before is not a change. Only runs
  /// that bring a manifest version not seen before are compared, one statement each.
  public func resourceChanges(
    accountID: Int, environmentID: Int, since: String, resourceTypes: [String]
  ) throws -> [ResourceChangeRecord] {
    try wrapping {
      try pool.read { db in
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db) else {
          return []
        }
        let runs = try db.query(
          """
          SELECT id, job_id, generated_at, manifest_version_id FROM run
          WHERE environment_id = ? ORDER BY generated_at, id
          """, [.integer(Int64(environmentID))]
        ) { row in
          (
            id: row.int(at: 0), jobID: row.int(at: 1), generatedAt: row.string(at: 2) ?? "",
            version: row.int64(at: 3)
          )
        }
        var byNode: [String: ResourceChangeRecord] = [:]
        var seen = Set<Int64>()
        for run in runs where !seen.contains(run.version) {
          defer { seen.insert(run.version) }
          guard run.generatedAt >= since else { continue }
          let added = try db.query(
            """
            SELECT n.unique_id, n.resource_type FROM manifest_member m
            JOIN definition d ON d.id = m.definition_id JOIN node n ON n.id = d.node_id
            WHERE m.manifest_version_id = ?
              AND m.resource_type IN (SELECT value FROM json_each(?))
              AND NOT EXISTS (SELECT 1 FROM manifest_member o
                WHERE o.manifest_version_id IN (SELECT value FROM json_each(?))
                  AND o.resource_type = m.resource_type AND o.definition_id = m.definition_id)
            """,
            [
              .integer(run.version), .text(JSONText.array(resourceTypes)),
              .text(Self.jsonIntegers(Array(seen))),
            ]
          ) { ($0.string(at: 0) ?? "", $0.string(at: 1) ?? "") }
          for (uniqueID, resourceType) in added {
            let count = (byNode[uniqueID]?.changes ?? 0) + 1
            byNode[uniqueID] = ResourceChangeRecord(
              uniqueID: uniqueID, resourceType: resourceType, changes: count,
              mostRecentChangedAt: run.generatedAt, runID: run.id, jobID: run.jobID)
          }
        }
        return byNode.values.sorted {
          $0.mostRecentChangedAt != $1.mostRecentChangedAt
            ? $0.mostRecentChangedAt > $1.mostRecentChangedAt : $0.uniqueID < $1.uniqueID
        }
      }
    }
  }

  /// The other projects of the account that reference the environment's public models
  /// (dbt Mesh consumers), ordered by project id.
  ///
  /// The producer is the environment's project, named by its latest manifest's
  /// `project_name`. For each other project, the environment read is the one with the
  /// newest manifest (the store has no "production" flag; the newest manifest is what dbt
  /// Cloud's default environment would hold [inferred]); a consumer is a project whose
  /// manifest has model nodes of the producer's package with `access: public`. `numEdges`
  /// counts the consumer's definitions depending on each.
  public func consumerProjects(accountID: Int, environmentID: Int) throws
    -> [ConsumerProjectRecord]
  {
    try wrapping {
      try pool.read { db in
        guard try Self.environmentInAccount(environmentID, accountID: accountID, db: db),
          let producer = try db.query(
            """
            SELECT e.project_id, r.project_name FROM environment e
            JOIN run r ON r.id = e.latest_run_id WHERE e.id = ?
            """, [.integer(Int64(environmentID))],
            row: { (projectID: $0.int64(at: 0), name: $0.string(at: 1)) }
          ).first,
          let producerName = producer.name
        else { return [] }
        let candidates = try db.query(
          """
          SELECT p.id, p.name, e.id, r.project_name, r.manifest_version_id FROM project p
          JOIN environment e ON e.project_id = p.id JOIN run r ON r.id = e.latest_run_id
          WHERE p.account_id = ? AND p.id != ?
          ORDER BY p.id, e.latest_generated_at DESC, e.id
          """, [.integer(Int64(accountID)), .integer(producer.projectID)]
        ) { row in
          (
            projectID: row.int(at: 0), projectName: row.string(at: 1),
            environmentID: row.int(at: 2), coreProject: row.string(at: 3),
            version: row.int64(at: 4)
          )
        }
        var seen = Set<Int>()
        var consumers: [ConsumerProjectRecord] = []
        for candidate in candidates where seen.insert(candidate.projectID).inserted {
          let models = try db.query(
            """
            SELECT n.unique_id, (SELECT count(*) FROM lineage_edge l
                JOIN manifest_member c ON c.definition_id = l.definition_id
                WHERE l.parent_node_id = n.id AND c.manifest_version_id = m.manifest_version_id)
            FROM manifest_member m JOIN definition d ON d.id = m.definition_id
            JOIN node n ON n.id = d.node_id
            WHERE m.manifest_version_id = ? AND m.resource_type = 'model'
              AND d.package_name = ? AND d.access = 'public'
            ORDER BY n.unique_id
            """, [.integer(candidate.version), .text(producerName)]
          ) { (uniqueID: $0.string(at: 0) ?? "", numEdges: $0.int(at: 1)) }
          guard !models.isEmpty else { continue }
          consumers.append(
            ConsumerProjectRecord(
              projectID: candidate.projectID, environmentID: candidate.environmentID,
              coreProject: candidate.coreProject ?? "", cloudProject: candidate.projectName ?? "",
              publicModels: models.map {
                ConsumerProjectRecord.PublicModel(uniqueID: $0.uniqueID, numEdges: $0.numEdges)
              }))
        }
        return consumers
      }
    }
  }

  /// The manifest version of the environment's current definition state, if the
  /// environment is the account's and has a run.
  private static func currentVersion(_ accountID: Int, _ environmentID: Int, _ db: Connection)
    throws -> Int64?
  {
    guard try environmentInAccount(environmentID, accountID: accountID, db: db) else {
      return nil
    }
    return try db.scalarInt(
      """
      SELECT r.manifest_version_id FROM environment e JOIN run r ON r.id = e.latest_run_id
      WHERE e.id = ?
      """, [.integer(Int64(environmentID))])
  }
}
