import Artifacts
import SQLite

/// Definitions, manifest versions and lineage: stored once per distinct content.
extension Ingester {
  /// The manifest version for this run's set of definitions: an existing one when the
  /// project already has the identical set, else a new one with its member rows (new
  /// definitions and their lineage edges are inserted on the way).
  mutating func storeManifestVersion() throws -> Int64 {
    let nodes = request.manifest?.value.nodes ?? []
    let fingerprint = Ingester.manifestFingerprint(nodes)
    if let existing = try db.scalarInt(
      "SELECT id FROM manifest_version WHERE project_id = ? AND fingerprint = ? AND node_count = ?",
      [.integer(projectID), .text(fingerprint), .integer(Int64(nodes.count))])
    {
      summary.reusedManifestVersion = true
      return existing
    }
    summary.reusedManifestVersion = false
    let previous = try previousDefinitions()
    try db.run(
      "INSERT INTO manifest_version(project_id, fingerprint, node_count) VALUES (?, ?, ?)",
      [.integer(projectID), .text(fingerprint), .integer(Int64(nodes.count))])
    let versionID = db.lastInsertedRowID
    let member = statements.insertMember
    for node in nodes {
      let nodeID = try nodeID(node.uniqueID, resourceType: node.resourceType.rawValue)
      let definitionID: Int64
      if let known = previous[DefinitionKey(nodeID: nodeID, contentHash: node.contentHash)] {
        definitionID = known
      } else {
        definitionID = try findOrInsertDefinition(node, nodeID: nodeID)
      }
      member.reset()
      try member.bind(versionID, at: 1)
      try member.bind(node.resourceType.rawValue, at: 2)
      try member.bind(definitionID, at: 3)
      try member.execute()
    }
    return versionID
  }

  /// The key of the manifest's set of definitions: its sorted `(unique_id, content_hash)`
  /// pairs.
  static func manifestFingerprint(_ nodes: [ManifestNode]) -> String {
    // Sorting indices moves integers, not (String, String) pairs that would each be
    // retained and released on every move.
    let order = nodes.indices.sorted { a, b in
      let (left, right) = (nodes[a].uniqueID, nodes[b].uniqueID)
      return left != right ? left < right : nodes[a].contentHash < nodes[b].contentHash
    }
    var fingerprint = Fingerprint()
    for index in order {
      fingerprint.combine(nodes[index].uniqueID)
      fingerprint.combine(nodes[index].contentHash)
    }
    return fingerprint.hexDigest
  }

  struct DefinitionKey: Hashable {
    let nodeID: Int64
    let contentHash: String
  }

  /// The definitions of the project's most recent manifest version: most nodes of a
  /// changed manifest are unchanged, so they are found here without a query each.
  private func previousDefinitions() throws -> [DefinitionKey: Int64] {
    let rows = try db.query(
      """
      SELECT definition.node_id, definition.content_hash, definition.id
      FROM manifest_member JOIN definition ON definition.id = manifest_member.definition_id
      WHERE manifest_member.manifest_version_id =
        (SELECT max(id) FROM manifest_version WHERE project_id = ?)
      """, [.integer(projectID)]
    ) { row in
      (
        DefinitionKey(nodeID: row.int64(at: 0), contentHash: row.string(at: 1) ?? ""),
        row.int64(at: 2)
      )
    }
    return Dictionary(rows, uniquingKeysWith: { first, _ in first })
  }

  /// The id of the node's definition with this content, inserting it (and its lineage
  /// edges) when new.
  ///
  /// Inserts first and looks the row up only when the insert conflicts: definitions not in
  /// the previous manifest version are nearly always new (on a fresh project, all of
  /// them), so a lookup before every insert would mostly find nothing.
  private mutating func findOrInsertDefinition(_ node: ManifestNode, nodeID: Int64) throws
    -> Int64
  {
    let insert = statements.insertDefinition
    insert.reset()
    var index: Int32 = 0
    func bind<Value: SQLiteValueConvertible>(_ value: Value?) throws {
      index += 1
      try insert.bind(value, at: index)
    }
    let test = node.test
    let source = node.source
    let freshness = source?.freshness
    try bind(nodeID)
    try bind(node.contentHash)
    try bind(node.resourceType.rawValue)
    try bind(node.name)
    try bind(node.packageName)
    try bind(node.path)
    try bind(node.originalFilePath)
    try bind(node.database)
    try bind(node.schema)
    try bind(node.alias)
    try bind(node.relationName)
    try bind(node.description)
    try bind(node.config.materialized)
    try bind(node.language)
    try bind(node.access ?? node.config.access)
    try bind(node.group ?? node.config.group)
    try bind(node.version)
    try bind(JSONText.array(node.fqn))
    try bind(JSONText.array(node.tags))
    try bind(JSONText.compact(node.meta))
    try bind(test?.testName)
    try bind(test?.namespace)
    try bind(test?.columnName)
    try bind(test?.testedNodeID)
    try bind(node.config.severity)
    try bind(source?.sourceName)
    try bind(source?.identifier)
    try bind(source?.loader)
    try bind(source?.loadedAtField)
    try bind(freshness?.warnAfter?.count)
    try bind(freshness?.warnAfter?.period)
    try bind(freshness?.errorAfter?.count)
    try bind(freshness?.errorAfter?.period)
    try bind(freshness?.filter)
    index += 1
    try insert.bind(utf8: node.json.bytes, at: index)
    try insert.execute()
    guard db.changes == 1 else {
      return try existingDefinition(nodeID: nodeID, contentHash: node.contentHash)
    }
    let definitionID = db.lastInsertedRowID
    summary.newDefinitions += 1
    try insertLineage(of: node, definitionID: definitionID)
    return definitionID
  }

  /// The id of the stored definition of `nodeID` with `contentHash` (one that an insert
  /// conflicted with: an older version's content came back).
  private func existingDefinition(nodeID: Int64, contentHash: String) throws -> Int64 {
    let find = try db.cachedStatement(
      "SELECT id FROM definition WHERE node_id = ? AND content_hash = ?")
    try find.bind(nodeID, at: 1)
    try find.bind(contentHash, at: 2)
    defer { find.reset() }
    guard try find.step() else {
      throw StoreError(
        .invalidInput(
          "definition of node \(nodeID) with content hash \(contentHash) conflicted on insert but was not found"
        ))
    }
    return find.int64(at: 0)
  }

  /// Parent edges of a new definition: `parent_map[unique_id]` (which covers every kind),
  /// else `depends_on.nodes`.
  private mutating func insertLineage(of node: ManifestNode, definitionID: Int64) throws {
    let parents = request.manifest?.value.parentMap?[node.uniqueID] ?? node.dependsOn.nodes
    guard !parents.isEmpty else { return }
    let edge = statements.insertEdge
    for parent in parents {
      let parentID = try nodeID(parent)
      edge.reset()
      try edge.bind(definitionID, at: 1)
      try edge.bind(parentID, at: 2)
      try edge.execute()
    }
  }
}
