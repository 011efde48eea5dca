/// A catalog entry with the run that wrote it: what the Discovery API's `CatalogNode`
/// answers (`runId`, `jobDefinitionId`, `runGeneratedAt` beside the table's metadata).
public struct CatalogEntryRecord: Sendable, Equatable {
  /// The table as the catalog saw it, with its columns and stats.
  public var catalog: CatalogRecord
  /// The job of the run that wrote the catalog.
  public var jobID: Int
  /// The catalog's `generated_at` (canonical UTC).
  public var generatedAt: String?
}
