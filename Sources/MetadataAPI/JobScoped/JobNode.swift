import MetadataStore

/// The parent value of every Part 1 node type (`ModelNode`, `SourceNode`, `SeedNode`,
/// `SnapshotNode`, `TestNode`, `ExposureNode`, `MetricNode`, `MacroNode`): a node's
/// definition as one run's manifest had it, with that run (the node's
/// `CloudArtifactInterface` ids).
///
/// Results, freshness, catalog and lineage are not carried here: the field resolvers load
/// them for a whole list of nodes at once through ``JobScopedLoader``.
///
/// A class: the engine hands every field's resolver its parents as `Any` values and
/// copies them into lists, and a struct of a run and a definition (about forty strings)
/// was retained and released field by field at each copy (7% of a 100-run history's
/// samples); a reference is one retain.
final class JobNode: Sendable {
  /// The run whose manifest holds the definition.
  let run: RunInfoRecord
  /// The definition.
  let definition: DefinitionRecord
  /// The key of the node in per-request caches.
  let key: JobNodeKey

  init(run: RunInfoRecord, definition: DefinitionRecord) {
    self.run = run
    self.definition = definition
    self.key = JobNodeKey(runID: run.id, uniqueID: definition.uniqueID)
  }

  /// The spec's object type for the node's resource type, or nil for kinds Part 1 does
  /// not serve (semantic models, saved queries, unit tests...).
  var typeName: String? { JobNode.typeNames[definition.resourceType] }

  /// Part 1's object type of each resource type.
  static let typeNames: [String: String] = [
    "model": "ModelNode", "source": "SourceNode", "seed": "SeedNode",
    "snapshot": "SnapshotNode", "test": "TestNode", "exposure": "ExposureNode",
    "metric": "MetricNode", "macro": "MacroNode",
  ]
}

/// A node of one run, as per-request caches key it.
struct JobNodeKey: Hashable, Sendable {
  let runID: Int
  let uniqueID: String
}
