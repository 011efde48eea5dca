/// A node of an environment's current manifest with its applied-state pointers: one row
/// of the Discovery API's applied and definition connections, and of the nested
/// `parents` / `children` / `ancestors` / `tests` lists.
///
/// The pointed-at execution, freshness and catalog rows are read in batches by id
/// (``MetadataStore/executions(accountID:environmentID:ids:)`` and its siblings), so a page
/// of nodes and their execution info cost two statements, not one per node.
public struct EnvironmentNodeRecord: Sendable, Equatable {
  /// The node's row id (stable within a project): the key of the batch lookups.
  public var nodeID: Int64
  /// The node's definition in the environment's current manifest, without its manifest
  /// JSON: `definition.json` is empty here; read it with
  /// ``MetadataStore/definitionJSON(accountID:environmentID:definitionIDs:)`` when a field
  /// needs it.
  public var definition: DefinitionRecord
  /// The model's `version` as text (dbt model versions), if any.
  public var version: String?
  /// The model's modeling layer (`staging`, `intermediate`, `marts`), by the rule of
  /// ``EnvironmentNodeQuery/modelingLayer``; nil for other resources.
  public var modelingLayer: String?
  /// The applied state: latest execution, latest success, latest freshness result and
  /// latest catalog entry of the node in the environment (row ids), if any.
  public var lastExecutionID: Int64?
  public var lastSuccessID: Int64?
  public var lastFreshnessID: Int64?
  public var lastCatalogID: Int64?
  /// The definition's row id: the key of
  /// ``MetadataStore/definitionJSON(accountID:environmentID:definitionIDs:)``.
  public var definitionID: Int64
  /// The value of the page's sort key for this node (for cursors); `.null` when the sort is
  /// by unique id alone or the node has no value.
  public var sortValue: NodeSortValue
}
