import Artifacts
import SQLite

extension MetadataStore {
  /// The definitions of the project's latest manifest version whose raw digest is
  /// recorded: what the manifest reader needs to recognise a next run's unchanged
  /// definitions without mapping them (``Artifacts/KnownDefinitions``,
  /// ``Artifacts/ArtifactReader/read(file:expecting:known:)``).
  ///
  /// A read: it takes no write lock. Definitions are never deleted, so what it returns
  /// stays true until the ingest that uses it; ``ingest(_:)`` still finds every reused
  /// definition in the project inside its transaction and refuses the request otherwise.
  /// Empty for a new project and for definitions stored before schema version 3.
  public func knownDefinitions(projectID: Int) throws -> KnownDefinitions {
    try wrapping {
      try pool.read { db in
        let rows = try db.query(
          Self.knownDefinitionsSQL, [.integer(Int64(projectID))]
        ) { row -> KnownDefinition? in
          guard let digest = row.blob(at: 0).flatMap({ RawDigest(bytes: $0) }),
            let uniqueID = row.string(at: 1), let resourceType = row.string(at: 2),
            let contentHash = row.string(at: 3)
          else { return nil }
          return KnownDefinition(
            rawDigest: digest, uniqueID: uniqueID, resourceType: ResourceType(resourceType),
            contentHash: contentHash)
        }
        return KnownDefinitions(rows.compactMap { $0 })
      }
    }
  }

  /// The definitions with a raw digest of the project's (`?`) latest manifest version.
  static let knownDefinitionsSQL = """
    SELECT definition.raw_digest, node.unique_id, definition.resource_type,
      definition.content_hash
    FROM manifest_member
    JOIN definition INDEXED BY definition_digest
      ON definition.id = manifest_member.definition_id
    JOIN node ON node.id = definition.node_id
    WHERE manifest_member.manifest_version_id =
        (SELECT max(id) FROM manifest_version WHERE project_id = ?)
      AND definition.raw_digest IS NOT NULL
    """
}
