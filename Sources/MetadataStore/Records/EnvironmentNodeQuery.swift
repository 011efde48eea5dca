/// Which nodes of an environment's current manifest a page holds, in what order, from
/// where: the filters of the Discovery API's connections (`ModelAppliedFilter`,
/// `SourceAppliedFilter`, `TestAppliedFilter`, `GenericMaterializedFilter`,
/// `ExposureFilter`, `MacroDefinitionFilter`, the resources filters) in one value.
///
/// Every filter left nil (or empty list left nil) does not filter. Lists match any of
/// their values. Text filters on database, schema and identifier ignore ASCII case
/// (warehouses differ in case, clients type either); the others match exactly.
public struct EnvironmentNodeQuery: Sendable, Equatable {
  /// The manifest `resource_type`s to return (`model`, `test`, `unit_test`...); empty
  /// returns nothing.
  public var resourceTypes: [String]
  public var database: String?
  public var schema: String?
  /// The relation name: a source's `identifier`, else the node's `alias`.
  public var identifier: String?
  /// Keeps nodes having at least one of these tags.
  public var tags: [String]?
  public var uniqueIDs: [String]?
  /// Exact node names (used to find the versions of a model).
  public var names: [String]?
  public var packageName: String?
  public var access: String?
  public var group: String?
  /// `staging`, `intermediate` or `marts`: names starting `stg_`, `int_`, `fct_`/`dim_`, or
  /// files under `staging/`, `intermediate/`, `marts/` (the rule is in the store's SQL).
  public var modelingLayer: String?
  /// The latest execution's run_results status (`success`, `error`, `skipped`, `warn`,
  /// `pass`, `fail`...), compared without case.
  public var lastRunStatus: String?
  /// Sources: whether a freshness result exists; its status (`pass`, `warn`, `error`;
  /// a `runtime error` counts as `error`).
  public var freshnessChecked: Bool?
  public var freshnessStatus: String?
  public var sourceNames: [String]?
  /// Tests: `GENERIC_DATA_TEST` (a `test_metadata` name), `SINGULAR_DATA_TEST`, `UNIT_TEST`.
  public var testTypes: [String]?
  /// Exposures: the manifest `type` (`dashboard`, `notebook`...).
  public var exposureType: String?
  /// The order; ties (and the whole order for ``Sort/uniqueID``) go by unique id.
  public var sort: Sort
  public var descending: Bool
  /// Start after this position (a previous page's last node), if given.
  public var after: Position?
  /// At most this many nodes (nil: all).
  public var limit: Int?
  /// Whether the page counts the whole filtered set (``EnvironmentNodePage/totalCount``):
  /// a second statement over every match, skipped when the caller does not read it (a
  /// connection whose `totalCount` is not selected).
  public var countsTotal = true
  /// Whether the page reads only its nodes' summary (unique id, resource type, name, file
  /// path, materialization, ids and applied-state pointers; the other definition fields,
  /// `version` and `modelingLayer` are nil): for a caller that reads nothing else of them,
  /// such as a connection whose nodes' selection stays within those fields.
  public var summaryOnly = false

  /// The orders a page can take.
  public enum Sort: String, Sendable, Equatable {
    /// By unique id.
    case uniqueID
    /// By the latest execution's `execute_completed_at` (nulls last), then unique id.
    case executeCompletedAt
    /// By the latest catalog entry's row count (nulls last), then unique id.
    case rowCount
  }

  /// A position in an order: the sort key value and the unique id of a node.
  public struct Position: Sendable, Equatable {
    public var value: NodeSortValue
    public var uniqueID: String
    public init(value: NodeSortValue, uniqueID: String) {
      self.value = value
      self.uniqueID = uniqueID
    }
  }

  /// A query of every node of these resource types, by unique id ascending.
  public init(resourceTypes: [String]) {
    self.resourceTypes = resourceTypes
    self.sort = .uniqueID
    self.descending = false
  }
}
