/// One dbt artifact of any kind, as returned by ``ArtifactReader/read(file:)``.
///
/// For example:
/// ```swift
/// switch try ArtifactReader.read(file: path) {
/// case .manifest(let manifest): print(manifest.nodes.count)
/// case .runResults(let results): print(results.step?.rawValue ?? "?")
/// case .sources(let freshness): print(freshness.results.count)
/// case .catalog(let catalog): print(catalog.nodes.count)
/// }
/// ```
public enum Artifact: Sendable {
  case manifest(Manifest)
  case runResults(RunResults)
  case sources(SourceFreshness)
  case catalog(Catalog)

  /// The header of whichever artifact this is.
  public var header: ArtifactHeader {
    switch self {
    case .manifest(let value): return value.header
    case .runResults(let value): return value.header
    case .sources(let value): return value.header
    case .catalog(let value): return value.header
    }
  }

  /// What the reader skipped or read leniently.
  public var warnings: [ArtifactWarning] {
    switch self {
    case .manifest(let value): return value.warnings
    case .runResults(let value): return value.warnings
    case .sources(let value): return value.warnings
    case .catalog(let value): return value.warnings
    }
  }

  /// The artifact's kind.
  public var kind: ArtifactKind { header.kind }
}
