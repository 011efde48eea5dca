/// One node of a ``LineageGraphRecord``.
public struct LineageGraphNodeRecord: Sendable, Equatable {
  public var uniqueID: String
  /// The manifest `resource_type` as written (`model`, `unit_test`, `semantic_model`...).
  public var resourceType: String
  public var name: String
  public var packageName: String?
  public var originalFilePath: String?
  /// For semantic models, from `node_relation` (they have no relation of their own); a
  /// source's alias is its identifier.
  public var database: String?
  public var schema: String?
  public var alias: String?
  /// `config.materialized`.
  public var materialized: String?
  public var access: String?
  public var group: String?
  public var version: String?
  /// JSON arrays, as stored.
  public var fqnJSON: String?
  public var tagsJSON: String?
  /// Sources: the source's name.
  public var sourceName: String?
  /// Tests: the tested node and `test_metadata.name` (nil for singular tests).
  public var testedUniqueID: String?
  public var testName: String?
  /// Unique ids of the node's parents: `parent_map` (`depends_on.nodes`), or for macros
  /// `depends_on.macros`. Ordered by unique id.
  public var parentIDs: [String]
  /// The status of the node's latest execution in the environment (`success`, `error`,
  /// `skipped`, `pass`, `fail`, `warn`...), nil when never executed.
  public var lastRunStatus: String?
  /// The status of the source's latest freshness check (`pass`, `warn`, `error`,
  /// `runtime error`), nil when never checked.
  public var freshnessStatus: String?
}
