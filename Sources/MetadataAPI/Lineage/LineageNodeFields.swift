import GraphQL
import MetadataStore

/// The values of one lineage node that depend only on its graph (``LineageGraph``): built
/// once when the graph is read and kept with it in ``LineageGraphCache``, so a request
/// over a kept graph filters and hands out these instead of deriving each node again.
///
/// Deriving them per request (parent ids looked up by id, the worst test status of every
/// tested node, a value object per node) was about half of a whole-DAG answer's time
/// (`benchmarks/README.md`, Metadata API). Each field is its own stored property: a read
/// loads one string, where reading it through the whole record copied (retained and
/// released) the record's twenty strings.
///
/// Field meanings: ``LineageNodeValue``.
final class LineageNodeFields: Sendable {
  // The fields a whole-DAG answer reads first, together (a class keeps their order).
  let uniqueID: String
  let name: String
  /// `original_file_path`, "" when absent.
  let filePath: String
  /// The `ResourceNodeType` enum value (`Model`, `Test`...) and its position in
  /// ``LineageNodeValue/resourceTypes`` (a request's `types` filter is one array lookup).
  let resourceType: String
  let parentIDs: [String]
  /// `parentIds` as the answer's JSON (a list of strings, which the engine takes as its
  /// own completion): no array is made per node and request (11,000 of them in a
  /// whole-DAG answer). About 24 bytes a parent more per kept node.
  let parentIDsAnswer: JSONValue
  /// Run state, answered on the applied side only: the latest status for executable
  /// nodes (nil for others), the worst test status, the source freshness status.
  let lastRunStatus: String?
  let resourceTypeIndex: Int
  /// The GraphQL object type (`ModelLineageNode`...).
  let graphQLTypeName: String
  let database: String?
  let schema: String?
  let alias: String?
  let materialized: String?
  let access: String?
  let group: String?
  let version: String?
  let sourceName: String?
  let projectID: Int
  let fqn: [String]
  let tags: [String]
  let publicParentIDs: [String]
  let worstTestStatus: String?
  let freshnessStatus: String?
  let modelingLayer: String?

  /// The resource types with a latest run status.
  static let executableTypes: Set<String> = ["model", "seed", "snapshot", "test", "unit_test"]

  /// The node's values, or nil for a resource type with no lineage type (analyses,
  /// operations, docs, groups). `uniqueID` and `filePath` are the node's (given as the
  /// graph's compact copies, ``LineageGraph/compactCopy(_:)``).
  init?(
    _ node: LineageGraphNodeRecord, uniqueID: String, filePath: String, projectID: Int,
    fqn: [String], tags: [String],
    parentIDs: [String], publicParentIDs: [String], worstTestStatus: String?
  ) {
    guard let kind = LineageNodeValue.kinds[node.resourceType],
      let resourceTypeIndex = LineageNodeValue.resourceTypes.firstIndex(of: kind.resourceType)
    else { return nil }
    self.uniqueID = uniqueID
    name = node.name
    self.filePath = filePath
    database = node.database
    schema = node.schema
    alias = node.alias
    materialized = node.materialized
    access = node.access
    group = node.group
    version = node.version
    sourceName = node.sourceName
    graphQLTypeName = kind.typeName
    resourceType = kind.resourceType
    self.resourceTypeIndex = resourceTypeIndex
    self.projectID = projectID
    self.fqn = fqn
    self.tags = tags
    self.parentIDs = parentIDs
    parentIDsAnswer = .list(parentIDs.map { .string($0) })
    self.publicParentIDs = publicParentIDs
    lastRunStatus = Self.executableTypes.contains(node.resourceType) ? node.lastRunStatus : nil
    self.worstTestStatus = worstTestStatus
    freshnessStatus = LineageNodeValue.freshnessStatus(node.freshnessStatus)
    modelingLayer = LineageNodeValue.modelingLayer(name: node.name, fqn: fqn)
  }
}
