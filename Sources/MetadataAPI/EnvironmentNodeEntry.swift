import MetadataStore

/// The immutable part of an ``EnvironmentNode``: the node's record and, for a node of a
/// kept applied state (``AppliedState``), its position there and its execution info, built
/// once with the state and shared by every request that reads it.
///
/// A class: a request hands out one ``EnvironmentNode`` per node of each list, and each
/// copied the record (about thirty fields, a dozen of them heap strings) where it now
/// retains one reference.
final class EnvironmentNodeEntry: Sendable {
  let record: EnvironmentNodeRecord
  /// The node's index in its state's ``AppliedState/entries``, or -1 for a node read by a
  /// statement.
  let index: Int32
  /// The latest execution and latest success (nil for a node read by a statement: its
  /// execution info is read in a batch).
  let executionInfo: ExecutionInfo?
  /// The object type of the node on each side (``EnvironmentNode/Side``, in declaration
  /// order) when it is not an external model; nil where the spec has no type.
  let typeNames: [String?]
  /// Whether the node may be an external (cross-project) model, which only its manifest
  /// JSON tells (a model without an `original_file_path`): its type is then decided per
  /// request from the JSON.
  let mayBeExternal: Bool

  init(_ record: EnvironmentNodeRecord, index: Int32 = -1, executionInfo: ExecutionInfo? = nil) {
    self.record = record
    self.index = index
    self.executionInfo = executionInfo
    let resourceType = record.definition.resourceType
    self.typeNames = Self.typeNamesByResourceType[resourceType] ?? Self.typeNames(resourceType)
    self.mayBeExternal =
      resourceType == "model" && (record.definition.originalFilePath ?? "").isEmpty
  }

  /// The object types of a resource type on each side
  /// (``EnvironmentNode/typeName(resourceType:side:external:)``).
  private static func typeNames(_ resourceType: String) -> [String?] {
    EnvironmentNode.Side.allCases.map {
      EnvironmentNode.typeName(resourceType: resourceType, side: $0)
    }
  }

  /// ``typeNames(_:)`` of every resource type the API has types for, composed once: the
  /// entries of a state build (11,750 for the benchmark's project) share these arrays
  /// instead of matching the type four times and allocating an array each.
  private static let typeNamesByResourceType: [String: [String?]] = Dictionary(
    uniqueKeysWithValues: (Array(EnvironmentNode.stemTypeNames.keys)
      + ["macro", "metric", "semantic_model", "saved_query"]).map { ($0, typeNames($0)) })
}
