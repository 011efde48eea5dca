import Artifacts

extension MetadataStore {
  /// The definitions of the project's latest manifest version whose raw digest is
  /// recorded: what the manifest reader needs to recognise a next run's unchanged
  /// definitions without mapping them (``Artifacts/KnownDefinitions``,
  /// ``Artifacts/ArtifactReader/read(file:expecting:known:)``). The known definitions of
  /// ``ingestSnapshot(projectID:)``, which the ingest paths read with the rest of the
  /// snapshot.
  ///
  /// A read: it takes no write lock. Definitions are never deleted, so what it returns
  /// stays true until the ingest that uses it; ``ingest(_:)`` still finds every reused
  /// definition in the project inside its transaction and refuses the request otherwise.
  /// Empty for a new project and for definitions stored before schema version 3.
  public func knownDefinitions(projectID: Int) throws -> KnownDefinitions {
    try ingestSnapshot(projectID: projectID).knownDefinitions
  }
}
