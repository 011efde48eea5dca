import Artifacts
import SQLite

extension MetadataStore {
  /// What an ingest into `projectID` reads before it writes (``IngestSnapshot``), in one
  /// read transaction: it takes no write lock. Give its ``IngestSnapshot/knownDefinitions``
  /// to the manifest reader and the snapshot to the request (``IngestRequest/snapshot``).
  ///
  /// The known definitions are the latest version's definitions that have a raw digest.
  public func ingestSnapshot(projectID: Int) throws -> IngestSnapshot {
    let project = Int64(projectID)
    return try wrapping {
      try pool.read { db in
        let lastNodeID = try db.scalarInt("SELECT max(id) FROM node") ?? 0
        let nodes = try Ingester.nodeIDs(db, projectID: project)
        let latestVersionID = try Ingester.latestVersionID(db, projectID: project)
        var uniqueIDs: [Int64: String] = [:]
        uniqueIDs.reserveCapacity(nodes.count)
        for (uniqueID, id) in nodes { uniqueIDs[id] = uniqueID }
        var known: [KnownDefinition] = []
        let previous = try Ingester.previousDefinitions(db, projectID: project) {
          key, stored, resourceType in
          // The definitions that have a raw digest.
          guard let digest = stored.rawDigest, let uniqueID = uniqueIDs[key.nodeID] else {
            return
          }
          known.append(
            KnownDefinition(
              rawDigest: digest, uniqueID: uniqueID, resourceType: ResourceType(resourceType),
              contentHash: key.contentHash))
        }
        return IngestSnapshot(
          knownDefinitions: KnownDefinitions(known), projectID: project, nodeIDs: nodes,
          lastNodeID: lastNodeID, latestVersionID: latestVersionID,
          previousDefinitions: previous)
      }
    }
  }
}
