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
    // The fingerprint is computed on another thread from now on, while the write
    // transaction begins.
    let fingerprint = request.pendingFingerprint ?? PendingFingerprint(request.manifest?.value)
    return try wrapping {
      try pool.write { db in
        var ingester = try Ingester(db: db, request: request, fingerprint: fingerprint)
        return try ingester.ingest()
      }
    }
  }
}
