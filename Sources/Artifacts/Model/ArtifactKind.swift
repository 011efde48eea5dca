/// The four dbt artifact kinds, named as in their schema URLs
/// (`https://schemas.getdbt.com/dbt/<kind>/v<N>.json`).
///
/// Version 0 stands for the unversioned files written by dbt 0.18 and earlier, which have
/// no `metadata.dbt_schema_version` and are recognised by their shape.
/// See https://docs.getdbt.com/reference/artifacts/dbt-artifacts and `reference/dbt-artifacts.md`.
public enum ArtifactKind: String, Sendable, Hashable, CaseIterable {
  /// `manifest.json`: the project's definitions (v0-v12).
  case manifest
  /// `run_results.json`: one invocation's executed nodes (v0-v6).
  case runResults = "run-results"
  /// `sources.json`: the results of `dbt source freshness` (v0-v3).
  case sources
  /// `catalog.json`: the warehouse's view of tables and columns, from `dbt docs generate` (v0-v1).
  case catalog

  /// The name used in schema URLs: `manifest`, `run-results`, `sources`, `catalog`.
  public var schemaName: String { rawValue }

  /// Words for messages: "manifest", "run results", "sources (freshness) file", "catalog".
  public var displayName: String {
    switch self {
    case .manifest: return "manifest"
    case .runResults: return "run results file"
    case .sources: return "sources (freshness) file"
    case .catalog: return "catalog"
    }
  }

  /// The schema versions this module reads, 0 being the pre-0.19 unversioned format.
  public var supportedVersions: ClosedRange<Int> {
    switch self {
    case .manifest: return 0...12
    case .runResults: return 0...6
    case .sources: return 0...3
    case .catalog: return 0...1
    }
  }

  /// "manifest v0-v12, run-results v0-v6, sources v0-v3, catalog v0-v1".
  public static var supportedSummary: String {
    allCases.map {
      "\($0.schemaName) v\($0.supportedVersions.lowerBound)-v\($0.supportedVersions.upperBound)"
    }.joined(separator: ", ")
  }
}
