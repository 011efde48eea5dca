import Artifacts
import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Definitions, manifest versions and lineage: stored once per distinct content.
extension Ingester {
  /// The manifest version for this run's set of definitions: an existing one when the
  /// project already has the identical set, else a new one with its member rows (new
  /// definitions and their lineage edges are inserted on the way).
  ///
  /// Definitions the reader recognised by their raw digest (``Artifacts/Manifest/reused``)
  /// are found, not inserted: each must already be stored in this project.
  mutating func storeManifestVersion() throws -> Int64 {
    let nodes = request.manifest?.value.nodes ?? []
    let reused = request.manifest?.value.reused ?? []
    let count = nodes.count + reused.count
    let fingerprint = self.fingerprint.value
    if let existing = try db.scalarInt(
      "SELECT id FROM manifest_version WHERE project_id = ? AND fingerprint = ? AND node_count = ?",
      [.integer(projectID), .text(fingerprint), .integer(Int64(count))])
    {
      summary.reusedManifestVersion = true
      return existing
    }
    summary.reusedManifestVersion = false
    // A streamed manifest's definitions are already stored (the project had no version, so
    // no previous one).
    let previous = streamedMembers == nil ? try previousDefinitions() : [:]
    try db.run(
      "INSERT INTO manifest_version(project_id, fingerprint, node_count) VALUES (?, ?, ?)",
      [.integer(projectID), .text(fingerprint), .integer(Int64(count))])
    let versionID = db.lastInsertedRowID
    let knownNodeIDs = nodeIDs
    let prepared = PreparedDefinitions(nodes: streamedMembers == nil ? nodes : []) { node in
      // The writer inserts no row for a node of the previous version with this content.
      guard let nodeID = knownNodeIDs[node.uniqueID] else { return false }
      return previous[DefinitionKey(nodeID: nodeID, contentHash: node.contentHash)] != nil
    }
    defer { prepared.finish() }
    // The member rows are collected, then inserted in their primary key's order: appended
    // to the table's B-tree rather than inserted at random places, which splits pages and
    // leaves them part empty.
    var members: [(resourceType: String, definitionID: Int64)] = streamedMembers ?? []
    members.reserveCapacity(count)
    // By index: `for node in nodes` would copy (retain and release) every field of each node.
    for index in nodes.indices where streamedMembers == nil {
      let node = nodes[index]
      let nodeID = try nodeID(node.uniqueID, resourceType: node.resourceType.rawValue)
      let definitionID: Int64
      if let known = previous[DefinitionKey(nodeID: nodeID, contentHash: node.contentHash)] {
        definitionID = known.id
        if let digest = node.rawDigest, known.rawDigest != digest {
          try rememberRawDigest(digest, definitionID: definitionID, resourceType: node.resourceType)
        }
      } else {
        definitionID = try findOrInsertDefinition(
          node, texts: prepared.row(index) ?? PreparedDefinitions.Row(node), nodeID: nodeID)
      }
      members.append((node.resourceType.rawValue, definitionID))
    }
    for definition in reused {
      guard let nodeID = nodeIDs[definition.uniqueID] else {
        throw StoreError(.invalidInput(Ingester.unknownReused(definition, projectID: projectID)))
      }
      let definitionID: Int64
      if let known = previous[DefinitionKey(nodeID: nodeID, contentHash: definition.contentHash)] {
        definitionID = known.id
      } else if let found = try storedDefinition(
        nodeID: nodeID, contentHash: definition.contentHash)
      {
        definitionID = found
      } else {
        throw StoreError(.invalidInput(Ingester.unknownReused(definition, projectID: projectID)))
      }
      members.append((definition.resourceType.rawValue, definitionID))
    }
    // SQLite orders the text key by its bytes (BINARY), as `<` orders ASCII strings; a
    // non-ASCII resource type would only be inserted out of order, never stored otherwise.
    members.sort {
      $0.resourceType != $1.resourceType
        ? $0.resourceType < $1.resourceType : $0.definitionID < $1.definitionID
    }
    let member = statements.insertMember
    for (resourceType, definitionID) in members {
      member.reset()
      try member.bind(versionID, at: 1)
      try member.bind(resourceType, at: 2)
      try member.bind(definitionID, at: 3)
      try member.execute()
    }
    return versionID
  }

  /// Inserts the definitions of a project's first manifest (no manifest version yet, so
  /// none is known) while the reader is still mapping them, in the manifest's order, and
  /// keeps their member rows for ``storeManifestVersion()``.
  ///
  /// What is stored is what ``storeManifestVersion()`` stores for the whole manifest: the
  /// same loop over the same definitions (``Artifacts/ManifestStream`` yields exactly
  /// ``Artifacts/Manifest/nodes``) with no previous version, so the same nodes, definitions
  /// and lineage edges with the same ids. A definition the reader refuses stops it with
  /// the reader's error, and the transaction rolls back.
  mutating func storeStreamedDefinitions(_ stream: ManifestStream) throws {
    let prepared = PreparedDefinitions(stream: stream)
    defer { prepared.finish() }
    var members: [(resourceType: String, definitionID: Int64)] = []
    members.reserveCapacity(stream.count)
    for index in 0..<stream.count {
      // The fingerprint needs the whole manifest: started as soon as the reader has it,
      // while the last definitions are inserted.
      if streamedFingerprint == nil, index % PreparedDefinitions.chunkSize == 0,
        let manifest = stream.finished
      {
        streamedFingerprint = PendingFingerprint(manifest)
      }
      let node = try stream.node(at: index)
      let nodeID = try nodeID(node.uniqueID, resourceType: node.resourceType.rawValue)
      let definitionID = try findOrInsertDefinition(
        node, texts: prepared.row(index) ?? PreparedDefinitions.Row(node), nodeID: nodeID)
      members.append((node.resourceType.rawValue, definitionID))
    }
    streamedMembers = members
  }

  /// Why a reused definition was refused: the reader was given known definitions that
  /// are not this project's (a caller's mistake; ``MetadataStore/knownDefinitions(projectID:)``
  /// gives the right ones).
  static func unknownReused(_ definition: KnownDefinition, projectID: Int64) -> String {
    "the manifest was read with a known definition that project \(projectID) does not hold "
      + "(\(ArtifactError.quoted(definition.uniqueID)), content hash "
      + "\(definition.contentHash.prefix(12))); read it with this project's known definitions"
  }

  /// Records `digest` on an existing definition that a mapping of bytes with that digest
  /// found (same node and content hash), unless the row's resource type differs.
  private func rememberRawDigest(
    _ digest: RawDigest, definitionID: Int64, resourceType: ResourceType
  )
    throws
  {
    let update = statements.rememberRawDigest
    update.reset()
    try update.bind(.blob(digest.bytes), at: 1)
    try update.bind(definitionID, at: 2)
    try update.bind(resourceType.rawValue, at: 3)
    try update.execute()
  }

  /// The key of the manifest's set of definitions (mapped and reused): its sorted
  /// `(unique_id, content_hash)` pairs.
  static func manifestFingerprint(_ manifest: Manifest?) -> String {
    let nodes = manifest?.nodes ?? []
    let reused = manifest?.reused ?? []
    let count = nodes.count + reused.count
    var ids: [String] = []
    var hashes: [String] = []
    ids.reserveCapacity(count)
    hashes.reserveCapacity(count)
    // By index: `for node in nodes` would copy (retain and release) every field of each node.
    for index in nodes.indices {
      ids.append(nodes[index].uniqueID)
      hashes.append(nodes[index].contentHash)
    }
    for definition in reused {
      ids.append(definition.uniqueID)
      hashes.append(definition.contentHash)
    }
    var fingerprint = Fingerprint()
    for index in sortedOrder(ids: ids, hashes: hashes) {
      fingerprint.combine(ids[index])
      fingerprint.combine(hashes[index])
    }
    return fingerprint.hexDigest
  }

  /// The indices of the pairs sorted by unique_id, then content hash, as `String` orders
  /// them.
  ///
  /// Why not simply `sorted { ids[$0] < ids[$1] }`: with 10,000 definitions that sort was
  /// 3% of a next run. When every unique_id is ASCII (as dbt writes them), `String`'s order
  /// is the order of the bytes, so the ids are copied once into one buffer and compared with
  /// `memcmp`; otherwise (or on equal ids) the strings are compared.
  static func sortedOrder(ids: [String], hashes: [String]) -> [Int] {
    var bytes: [UInt8] = []
    var bounds: [(start: Int, count: Int)] = []
    bounds.reserveCapacity(ids.count)
    var ascii = true
    for var id in ids {
      id.withUTF8 { utf8 in
        if utf8.contains(where: { $0 >= 0x80 }) { ascii = false }
        bounds.append((bytes.count, utf8.count))
        bytes.append(contentsOf: utf8)
      }
    }
    guard ascii else {
      return ids.indices.sorted { a, b in
        ids[a] != ids[b] ? ids[a] < ids[b] : hashes[a] < hashes[b]
      }
    }
    return bytes.withUnsafeBufferPointer { buffer -> [Int] in
      guard let base = buffer.baseAddress else { return Array(ids.indices) }
      return ids.indices.sorted { a, b in
        let (left, right) = (bounds[a], bounds[b])
        let common = min(left.count, right.count)
        let order = common == 0 ? 0 : memcmp(base + left.start, base + right.start, common)
        if order != 0 { return order < 0 }
        if left.count != right.count { return left.count < right.count }
        return hashes[a] < hashes[b]
      }
    }
  }

  struct DefinitionKey: Hashable, Sendable {
    let nodeID: Int64
    let contentHash: String
  }

  /// A stored definition's id and the raw digest recorded for it.
  struct StoredDefinition: Sendable {
    let id: Int64
    let rawDigest: RawDigest?
  }

  /// The definitions of the project's (`?`) latest manifest version, with their raw digests
  /// and resource types.
  static let previousDefinitionsSQL = """
    SELECT definition.node_id, definition.content_hash, definition.id, definition.raw_digest,
      definition.resource_type
    FROM manifest_member
    JOIN definition INDEXED BY definition_digest ON definition.id = manifest_member.definition_id
    WHERE manifest_member.manifest_version_id =
      (SELECT max(id) FROM manifest_version WHERE project_id = ?)
    """

  /// The definitions of the project's most recent manifest version: most nodes of a
  /// changed manifest are unchanged, so they are found here without a query each. Taken
  /// from the request's snapshot when that version is still the latest (a version's
  /// members never change), else read.
  private func previousDefinitions() throws -> [DefinitionKey: StoredDefinition] {
    if let snapshot = request.snapshot, snapshot.projectID == projectID,
      try Ingester.latestVersionID(db, projectID: projectID) == snapshot.latestVersionID
    {
      return snapshot.previousDefinitions
    }
    return try Ingester.previousDefinitions(db, projectID: projectID)
  }

  /// The id of the project's latest manifest version, if it has one.
  static func latestVersionID(_ db: Connection, projectID: Int64) throws -> Int64? {
    try db.scalarInt(
      "SELECT max(id) FROM manifest_version WHERE project_id = ?", [.integer(projectID)])
  }

  /// The definitions of the project's latest manifest version; `each` also sees every row
  /// with its resource type (the snapshot derives the known definitions from them).
  static func previousDefinitions(
    _ db: Connection, projectID: Int64,
    each: (DefinitionKey, StoredDefinition, String) -> Void = { _, _, _ in }
  ) throws -> [DefinitionKey: StoredDefinition] {
    let rows = try db.query(
      Ingester.previousDefinitionsSQL, [.integer(projectID)]
    ) { row in
      let key = DefinitionKey(nodeID: row.int64(at: 0), contentHash: row.string(at: 1) ?? "")
      let stored = StoredDefinition(
        id: row.int64(at: 2), rawDigest: row.blob(at: 3).flatMap { RawDigest(bytes: $0) })
      each(key, stored, row.string(at: 4) ?? "")
      return (key, stored)
    }
    return Dictionary(rows, uniquingKeysWith: { first, _ in first })
  }

  /// The id of the node's definition with this content, inserting it (and its lineage
  /// edges) when new; `texts` are the node's decoded texts (``PreparedDefinitions``).
  ///
  /// Inserts first and looks the row up only when the insert conflicts: definitions not in
  /// the previous manifest version are nearly always new (on a fresh project, all of
  /// them), so a lookup before every insert would mostly find nothing.
  private mutating func findOrInsertDefinition(
    _ node: ManifestNode, texts: PreparedDefinitions.Row, nodeID: Int64
  ) throws -> Int64 {
    let insert = statements.insertDefinition
    insert.reset()
    var index: Int32 = 0
    func bind<Value: SQLiteValueConvertible>(_ value: Value?) throws {
      index += 1
      try insert.bind(value, at: index)
    }
    // Each boxed part once: `node.config` copies the whole configuration on every access.
    let config = node.config
    let test = node.test
    let source = node.source
    let freshness = source?.freshness
    try bind(nodeID)
    try bind(node.contentHash)
    try bind(node.resourceType.rawValue)
    try bind(node.name)
    try bind(node.packageName)
    try bind(texts.path)
    try bind(texts.originalFilePath)
    try bind(node.database)
    try bind(node.schema)
    try bind(node.alias)
    try bind(texts.relationName)
    try bind(texts.description)
    try bind(config.materialized)
    try bind(node.language)
    try bind(node.access ?? config.access)
    try bind(node.group ?? config.group)
    try bind(node.version)
    try bind(texts.fqn)
    try bind(texts.tags)
    try bind(texts.meta)
    try bind(test?.testName)
    try bind(test?.namespace)
    try bind(test?.columnName)
    try bind(test?.testedNodeID)
    try bind(config.severity)
    try bind(source?.sourceName)
    try bind(source?.identifier)
    try bind(source?.loader)
    try bind(source?.loadedAtField)
    try bind(freshness?.warnAfter?.count)
    try bind(freshness?.warnAfter?.period)
    try bind(freshness?.errorAfter?.count)
    try bind(freshness?.errorAfter?.period)
    try bind(freshness?.filter)
    try insert.bind(node.rawDigest.map { SQLiteValue.blob($0.bytes) } ?? .null, at: index + 2)
    try insert.withBound(utf8: node.json.bytes, at: index + 1) { try insert.execute() }
    guard db.changes == 1 else {
      let existing = try existingDefinition(nodeID: nodeID, contentHash: node.contentHash)
      if let digest = node.rawDigest {
        try rememberRawDigest(digest, definitionID: existing, resourceType: node.resourceType)
      }
      return existing
    }
    let definitionID = db.lastInsertedRowID
    summary.newDefinitions += 1
    try insertLineage(of: node, definitionID: definitionID)
    return definitionID
  }

  /// The id of the stored definition of `nodeID` with `contentHash` (one that an insert
  /// conflicted with: an older version's content came back).
  private func existingDefinition(nodeID: Int64, contentHash: String) throws -> Int64 {
    guard let id = try storedDefinition(nodeID: nodeID, contentHash: contentHash) else {
      throw StoreError(
        .invalidInput(
          "definition of node \(nodeID) with content hash \(contentHash) conflicted on insert but was not found"
        ))
    }
    return id
  }

  /// The id of the stored definition of `nodeID` with `contentHash`, if there is one.
  private func storedDefinition(nodeID: Int64, contentHash: String) throws -> Int64? {
    let find = try db.cachedStatement(
      "SELECT id FROM definition WHERE node_id = ? AND content_hash = ?")
    try find.bind(nodeID, at: 1)
    try find.bind(contentHash, at: 2)
    defer { find.reset() }
    guard try find.step() else { return nil }
    return find.int64(at: 0)
  }

  /// `parent_map` of the manifest, or of the streamed manifest (nil when null or missing).
  private mutating func parentMap() throws -> [String: [String]]? {
    if let manifest = request.manifest { return manifest.value.parentMap }
    if let streamedParentMap { return streamedParentMap }
    let map = try request.manifestStream?.parentMap()
    streamedParentMap = .some(map)
    return map
  }

  /// Parent edges of a new definition: `parent_map[unique_id]` (which covers every kind),
  /// else `depends_on.nodes`.
  private mutating func insertLineage(of node: ManifestNode, definitionID: Int64) throws {
    let parents = try parentMap()?[node.uniqueID] ?? node.dependsOn.nodes
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
