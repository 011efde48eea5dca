/// A node's definition as one run's manifest had it.
public struct DefinitionRecord: Sendable, Equatable {
  public var uniqueID: String
  public var resourceType: String
  public var name: String
  public var packageName: String?
  public var originalFilePath: String?
  public var database: String?
  public var schema: String?
  public var alias: String?
  public var relationName: String?
  public var description: String?
  public var materialized: String?
  public var language: String?
  public var access: String?
  public var group: String?
  /// JSON arrays and object, as stored.
  public var fqnJSON: String?
  public var tagsJSON: String?
  public var metaJSON: String?
  /// Tests: `test_metadata.name`, namespace, column and the tested node.
  public var testName: String?
  public var testNamespace: String?
  public var testColumnName: String?
  public var testedUniqueID: String?
  public var severity: String?
  /// Sources: source name, physical identifier, loader, loaded_at_field.
  public var sourceName: String?
  public var identifier: String?
  public var loader: String?
  public var loadedAtField: String?
  public var contentHash: String
  /// The node's complete JSON as written in the manifest.
  public var json: String
}
