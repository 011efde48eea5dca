/// What an ingest stored: the run, counts by kind and status, and warnings.
///
/// Counts are of what this ingest stored, except ``nodesByType`` (the manifest's
/// definitions). When the same artifacts are ingested again, ``outcome`` is
/// ``Outcome/unchanged`` and the stored counts are 0.
public struct IngestSummary: Sendable, Equatable {
  /// Whether the run was created, extended with new artifacts, or left as it was.
  public enum Outcome: String, Sendable, Equatable {
    /// A new run.
    case created
    /// An existing run (same manifest) received artifacts it did not have.
    case extended
    /// Every artifact was already stored: nothing changed.
    case unchanged
  }

  /// The run the artifacts were stored in.
  public var runID: Int
  /// Created, extended or unchanged.
  public var outcome: Outcome
  /// The manifest's enabled definitions per resource type.
  public var nodesByType: [String: Int]
  /// Definitions stored by this ingest (0 when nothing changed).
  public var newDefinitions: Int
  /// True if the manifest's set of definitions was already stored for the project.
  public var reusedManifestVersion: Bool
  /// Executions stored by this ingest, per status (`null` for a missing status).
  public var executionsByStatus: [String: Int]
  /// Executions from steps that do not execute nodes (docs generate, compile).
  public var nonExecutingResults: Int
  /// Freshness results stored by this ingest, per status.
  public var freshnessByStatus: [String: Int]
  /// Catalog tables and columns stored by this ingest.
  public var catalogTables: Int
  public var catalogColumns: Int
  /// The manifest's definitions that were recognised by their raw digest and not mapped
  /// again (``Artifacts/Manifest/reused``); each is stored exactly as a mapped one would be.
  public var recognisedDefinitions: Int = 0
  /// One line per kind of tolerated inconsistency (mixed invocations, dangling ids).
  public var warnings: [String]

  /// The total number of executions stored.
  public var executions: Int { executionsByStatus.values.reduce(0, +) }
  /// The total number of freshness results stored.
  public var freshnessResults: Int { freshnessByStatus.values.reduce(0, +) }
}
