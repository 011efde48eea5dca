import Artifacts

/// What an ingest reads of a project before it writes, read without the write lock while
/// the artifact files are read (``MetadataStore/ingestSnapshot(projectID:)``): the known
/// definitions a manifest reader needs (``Artifacts/KnownDefinitions``), and the project's
/// node ids and latest manifest version's definitions, which the ingest then need not read
/// inside its transaction.
///
/// Why: a next run's transaction spent about a tenth of its time reading these two sets;
/// read here, on the thread that reads the known definitions anyway (from the same rows),
/// they cost the writer nothing.
///
/// Trust: the ingest uses the node ids only if no node was added to the database since,
/// and the definitions only if the project's latest manifest version is still the one
/// they were read from (members, node ids and definitions are never changed or deleted);
/// otherwise it reads both again inside its transaction. A snapshot of another project is
/// ignored.
public struct IngestSnapshot: Sendable {
  /// The definitions of the project's latest manifest version that have a raw digest.
  public let knownDefinitions: KnownDefinitions
  let projectID: Int64
  /// unique_id -> node id, every node of the project.
  let nodeIDs: [String: Int64]
  /// The largest node id of the whole table when read (0 when empty).
  let lastNodeID: Int64
  /// The project's latest manifest version when read, if any.
  let latestVersionID: Int64?
  /// That version's definitions (``Ingester/previousDefinitions()``).
  let previousDefinitions: [Ingester.DefinitionKey: Ingester.StoredDefinition]

  /// An empty snapshot: no known definitions, and nothing the ingest can use.
  public init() {
    knownDefinitions = KnownDefinitions()
    projectID = -1
    nodeIDs = [:]
    lastNodeID = -1
    latestVersionID = nil
    previousDefinitions = [:]
  }

  init(
    knownDefinitions: KnownDefinitions, projectID: Int64, nodeIDs: [String: Int64],
    lastNodeID: Int64, latestVersionID: Int64?,
    previousDefinitions: [Ingester.DefinitionKey: Ingester.StoredDefinition]
  ) {
    self.knownDefinitions = knownDefinitions
    self.projectID = projectID
    self.nodeIDs = nodeIDs
    self.lastNodeID = lastNodeID
    self.latestVersionID = latestVersionID
    self.previousDefinitions = previousDefinitions
  }
}
