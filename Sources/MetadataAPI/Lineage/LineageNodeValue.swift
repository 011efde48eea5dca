import GraphQL
import MetadataStore

/// One node of a `lineage(filter:)` answer: the value behind every `…LineageNode` type.
///
/// Field meanings: `../shared/reference/dbt-metadata-api.md` §2.4 and
/// `../shared/reference/dbt-discovery-api-2024.md` §5 (the lineage interfaces, `fqn`,
/// `publicParentIds`, `worstTestStatus`, `modelingLayer`).
///
/// A class: the engine passes each node as `Any` to every field of it, and a struct of
/// this size was copied (and destroyed) at each of those (15% of a whole-DAG answer's
/// time); a reference is retained instead. The node's own values are in a
/// ``LineageNodeFields`` kept with the graph; a value adds what the request decides (the
/// side, `matchesMethod`). Without `select`, the graph keeps one value per node and side
/// (``LineageGraph/appliedValues``), handed out as they are.
final class LineageNodeValue: GraphQLFieldReadable, GraphQLTypeNamed, Sendable {
  let fields: LineageNodeFields
  /// Whether the node is answered on the applied side: run state (`lastRunStatus`,
  /// `worstTestStatus`, `freshnessStatus`) is nil on the definition side, which is the
  /// logical project only.
  let applied: Bool
  /// Whether a selector method matched the node itself (nil without `select`).
  let matchesMethod: Bool?

  init(fields: LineageNodeFields, applied: Bool, matchesMethod: Bool?) {
    self.fields = fields
    self.applied = applied
    self.matchesMethod = matchesMethod
  }

  /// The GraphQL object type (`ModelLineageNode`...).
  var graphQLTypeName: String { fields.graphQLTypeName }

  /// `value as? LineageNodeValue`, comparing the value's dynamic type first: the
  /// interfaces' type resolver runs once per node of an answer, and the runtime's general
  /// cast from `Any` was a tenth of the lineage code's own time in a whole-DAG answer.
  static func exactly(_ value: Any) -> LineageNodeValue? {
    func open<Opened>(_ opened: Opened) -> LineageNodeValue? {
      if Opened.self == LineageNodeValue.self {
        return unsafeBitCast(opened, to: LineageNodeValue.self)
      }
      return opened as? LineageNodeValue
    }
    return open(value)
  }

  /// The lineage type of each manifest resource type, with its `ResourceNodeType`.
  /// Unit tests are tests (`TestLineageNode`), as the nested types of the reference do;
  /// analyses, docs and groups have no lineage type.
  static let kinds: [String: (typeName: String, resourceType: String)] = [
    "model": ("ModelLineageNode", "Model"), "source": ("SourceLineageNode", "Source"),
    "seed": ("SeedLineageNode", "Seed"), "snapshot": ("SnapshotLineageNode", "Snapshot"),
    "test": ("TestLineageNode", "Test"), "unit_test": ("TestLineageNode", "Test"),
    "exposure": ("ExposureLineageNode", "Exposure"), "macro": ("MacroLineageNode", "Macro"),
    "metric": ("MetricLineageNode", "Metric"),
    "semantic_model": ("SemanticModelLineageNode", "SemanticModel"),
    "saved_query": ("SavedQueryLineageNode", "SavedQuery"),
  ]

  /// The object types of lineage, and the interfaces they implement (bound here).
  static let objectTypes = Set(kinds.values.map(\.typeName))
  static let interfaces = [
    "LineageNode", "LineageNodeWithParents", "LineageGraphNode", "LineageNodeExecutable",
    "LineageNodeTestable",
  ]

  /// The `ResourceNodeType` values of the lineage types, in a fixed order
  /// (``LineageNodeFields/resourceTypeIndex``).
  static let resourceTypes = Array(Set(kinds.values.map(\.resourceType))).sorted()

  func graphQLField(_ name: String) -> Any? {
    Self.reader(name).map { $0(self) } ?? nil
  }

  /// The reader of one field (``read(_:)``), nil for a field no lineage type has.
  static func reader(_ name: String) -> (@Sendable (LineageNodeValue) -> Any?)? {
    fieldNames.contains(name) ? read(name) : nil
  }

  /// The fields ``read(_:)`` answers.
  static let fieldNames: Set<String> = [
    "uniqueId", "name", "filePath", "resourceType", "projectId", "parentIds", "publicParentIds",
    "tags", "fqn", "database", "schema", "alias", "materializationType", "access", "group",
    "version", "matchesMethod", "lastRunStatus", "worstTestStatus", "sourceName",
    "freshnessStatus", "modelingLayer",
  ]

  /// The reader of one field, chosen once when the schema is bound
  /// (``MetadataAPI/bindLineage(_:)``) rather than by comparing the name at each read;
  /// a field no lineage type has reads nil. Not optional: an optional function is kept
  /// in its most general form, and calling it through a conversion thunk retained the
  /// node at every read (7% of a whole-DAG answer's samples). Parent fields:
  /// `../shared/reference/dbt-metadata-api.md` §2.4 (`parentIds`; `publicParentIds` holds
  /// the parents of other projects, dbt Mesh).
  static func read(_ name: String) -> @Sendable (LineageNodeValue) -> Any? {
    switch name {
    case "uniqueId": return { $0.fields.uniqueID }
    case "name": return { $0.fields.name }
    case "filePath": return { $0.fields.filePath }
    case "resourceType": return { $0.fields.resourceType }
    case "projectId": return { $0.fields.projectID }
    case "parentIds": return { $0.fields.parentIDsAnswer }
    case "publicParentIds": return { $0.fields.publicParentIDs }
    case "tags": return { $0.fields.tags }
    case "fqn": return { $0.fields.fqn }
    case "database": return { $0.fields.database }
    case "schema": return { $0.fields.schema }
    case "alias": return { $0.fields.alias }
    case "materializationType": return { $0.fields.materialized }
    case "access": return { $0.fields.access }
    case "group": return { $0.fields.group }
    case "version": return { $0.fields.version }
    case "matchesMethod": return { $0.matchesMethod }
    case "lastRunStatus": return { $0.applied ? $0.fields.lastRunStatus : nil }
    case "worstTestStatus": return { $0.applied ? $0.fields.worstTestStatus : nil }
    case "sourceName": return { $0.fields.sourceName }
    case "freshnessStatus": return { $0.applied ? $0.fields.freshnessStatus : nil }
    case "modelingLayer": return { $0.fields.modelingLayer }
    default: return { _ in nil }
    }
  }

  /// The layer of a model in dbt's recommended project structure
  /// (https://docs.getdbt.com/best-practices/how-we-structure/1-guide-overview): the
  /// `staging`, `intermediate` or `marts` folder it lives in, else its name prefix
  /// (`stg_`/`base_` staging, `int_` intermediate, `fct_`/`dim_` marts); nil otherwise.
  /// [inferred: dbt Cloud does not document how it derives the layer]
  static func modelingLayer(name: String, fqn: [String]) -> String? {
    for folder in fqn.dropLast() {
      switch folder {
      case "staging", "intermediate", "marts": return folder
      default: continue
      }
    }
    if name.hasPrefix("stg_") || name.hasPrefix("base_") { return "staging" }
    if name.hasPrefix("int_") { return "intermediate" }
    if name.hasPrefix("fct_") || name.hasPrefix("dim_") { return "marts" }
    return nil
  }

  /// dbt Cloud's `FreshnessStatus` of a sources.json status (`runtime error` is an error).
  static func freshnessStatus(_ status: String?) -> String? {
    switch status {
    case "pass": "Pass"
    case "warn": "Warn"
    case "error", "runtime error": "Error"
    default: nil
    }
  }

  /// Test statuses from the least to the most severe (the reference's order for
  /// `TestNode.state`); `skipped` and others are not results.
  static let testSeverity: [String: Int] = ["pass": 0, "warn": 1, "fail": 2, "error": 3]
}
