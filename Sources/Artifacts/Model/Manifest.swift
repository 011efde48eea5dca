/// `manifest.json` of any version (v0-v12) in one version-independent shape.
///
/// Every definition of every kind is one ``ManifestNode`` in ``nodes``: the `nodes` map
/// (models, seeds, snapshots, tests, analyses, hooks) followed by `sources`, `exposures`,
/// `metrics`, `macros`, `docs`, `semantic_models`, `saved_queries`, `unit_tests`, `groups`
/// and `functions`, each in file order. Disabled definitions (a list in v0-v3, a map of
/// lists in v4+) are in ``disabled``, never in ``nodes``.
/// See `reference/dbt-artifacts.md` §3 and https://docs.getdbt.com/reference/artifacts/manifest-json
public struct Manifest: Sendable {
  /// Kind, version and invocation.
  public let header: ArtifactHeader
  /// All enabled definitions, grouped by collection in the order listed above, except
  /// those in ``reused``.
  public let nodes: [ManifestNode]
  /// Enabled definitions recognised by their ``RawDigest`` among the known definitions the
  /// manifest was read with (``ArtifactReader/read(file:expecting:known:)``), and therefore
  /// not mapped; empty when read without known definitions, so ``nodes`` is then complete.
  public let reused: [KnownDefinition]
  /// Disabled definitions (``ManifestNode/isDisabled`` is true); a unique_id may repeat.
  public let disabled: [ManifestNode]
  /// `parent_map`: unique_id -> direct upstream unique_ids (nil when null or missing).
  public let parentMap: [String: [String]]?
  /// `child_map`: unique_id -> direct downstream unique_ids (nil when null or missing).
  public let childMap: [String: [String]]?
  /// `group_map` (v9+): group name -> member unique_ids (nil when null or missing).
  public let groupMap: [String: [String]]?
  /// `selectors` (v1+), as written.
  public let selectors: RawJSON?
  /// What the reader skipped or read leniently (``ArtifactWarning``), one per kind.
  public internal(set) var warnings: [ArtifactWarning] = []

  /// The number of enabled definitions: ``nodes`` and ``reused``.
  public var definitionCount: Int { nodes.count + reused.count }

  /// The enabled definitions of one kind.
  public func nodes(ofType type: ResourceType) -> [ManifestNode] {
    nodes.filter { $0.resourceType == type }
  }

  /// The number of enabled definitions per kind.
  public var countsByType: [ResourceType: Int] {
    var counts: [ResourceType: Int] = [:]
    for node in nodes { counts[node.resourceType, default: 0] += 1 }
    return counts
  }

  /// Enabled definitions by unique_id (built on each call; keep the result).
  public func nodesByID() -> [String: ManifestNode] {
    var index: [String: ManifestNode] = [:]
    index.reserveCapacity(nodes.count)
    for node in nodes { index[node.uniqueID] = node }
    return index
  }
}
