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
/// time); a reference is retained instead.
final class LineageNodeValue: GraphQLFieldReadable, GraphQLTypeNamed {
  let box: LineageGraph.NodeBox
  var node: LineageGraphNodeRecord { box.record }
  /// The GraphQL object type (`ModelLineageNode`...).
  let graphQLTypeName: String
  /// The `ResourceNodeType` enum value (`Model`, `Test`...).
  let resourceType: String
  let projectID: Int
  let fqn: [String]
  let tags: [String]
  /// Parents of this project's manifest; parents of other projects (dbt Mesh) are in
  /// `publicParentIDs` instead (the reference: "leaving them out is safer").
  let parentIDs: [String]
  let publicParentIDs: [String]
  /// Whether a selector method matched the node itself (nil without `select`).
  let matchesMethod: Bool?
  /// Run state: nil on the definition side, which is the logical project only.
  let lastRunStatus: String?
  let worstTestStatus: String?
  let freshnessStatus: String?

  init(
    box: LineageGraph.NodeBox, graphQLTypeName: String, resourceType: String,
    projectID: Int, fqn: [String], tags: [String], parentIDs: [String],
    publicParentIDs: [String], matchesMethod: Bool?, lastRunStatus: String?,
    worstTestStatus: String?, freshnessStatus: String?
  ) {
    self.box = box
    self.graphQLTypeName = graphQLTypeName
    self.resourceType = resourceType
    self.projectID = projectID
    self.fqn = fqn
    self.tags = tags
    self.parentIDs = parentIDs
    self.publicParentIDs = publicParentIDs
    self.matchesMethod = matchesMethod
    self.lastRunStatus = lastRunStatus
    self.worstTestStatus = worstTestStatus
    self.freshnessStatus = freshnessStatus
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

  func graphQLField(_ name: String) -> Any? {
    switch name {
    case "uniqueId": return node.uniqueID
    case "name": return node.name
    case "filePath": return node.originalFilePath ?? ""
    case "resourceType": return resourceType
    case "projectId": return projectID
    case "parentIds": return parentIDs
    case "publicParentIds": return publicParentIDs
    case "tags": return tags
    case "fqn": return fqn
    case "database": return node.database
    case "schema": return node.schema
    case "alias": return node.alias
    case "materializationType": return node.materialized
    case "access": return node.access
    case "group": return node.group
    case "version": return node.version
    case "matchesMethod": return matchesMethod
    case "lastRunStatus": return lastRunStatus
    case "worstTestStatus": return worstTestStatus
    case "sourceName": return node.sourceName
    case "freshnessStatus": return freshnessStatus
    case "modelingLayer": return Self.modelingLayer(name: node.name, fqn: fqn)
    default: return nil
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
