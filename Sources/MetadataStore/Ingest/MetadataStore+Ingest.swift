import Artifacts
import SQLite

extension MetadataStore {
  /// Stores one run's artifacts atomically and idempotently.
  ///
  /// Everything happens in one write transaction: on any error nothing is stored. The
  /// same artifacts ingested again (same invocation ids and generation times) change
  /// nothing and report ``IngestSummary/Outcome/unchanged``; new artifacts for an
  /// existing run (a later `docs generate`, a catalog) extend it.
  ///
  /// - Throws: ``StoreError`` for hierarchy or run conflicts and database failures.
  public func ingest(_ request: IngestRequest) throws -> IngestSummary {
    try wrapping {
      try pool.write { db in
        var ingester = try Ingester(db: db, request: request)
        return try ingester.ingest()
      }
    }
  }
}
