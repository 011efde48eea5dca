import GraphQL
import MetadataStore

/// An environment's DAG (``MetadataStore/lineageGraph``), with the adjacency dbt's graph
/// operators walk, evaluating selections over it, and each node's answer values derived
/// once (kept between requests with the graph, ``LineageGraphCache``).
///
/// Methods are matched as dbt-core's `selector_methods.py` matches them, then graph
/// operators are applied per criterion, then the set operators (comma: intersection, space:
/// union), then `exclude` is subtracted, as
/// https://docs.getdbt.com/reference/node-selection/syntax describes ("selection methods,
/// then graph operators, then set operators"). dbt's indirect selection of tests (adding
/// the tests of selected models) is a `dbt build`/`test` behaviour, not lineage: not
/// applied.
struct LineageGraph: Sendable {
  /// The environment's project (`LineageNode.projectId`).
  let projectID: Int
  /// Every node of the current manifest, ordered by unique id.
  let nodes: [LineageGraphNodeRecord]
  /// Node index by unique id.
  let index: [String: Int]
  /// Parents and children by node index (only edges between nodes of the manifest).
  let parents: [[Int]]
  let children: [[Int]]
  /// Decoded `fqn` and `tags` of each node.
  let fqns: [[String]]
  let tags: [[String]]
  /// Each node's answer values (nil for a resource type with no lineage type), derived
  /// once per graph: ``LineageNodeFields``.
  let fields: [LineageNodeFields?]
  /// The answer's value of each node on each side when there is no `select` (no
  /// `matchesMethod`): a request over a kept graph hands these out as they are.
  let appliedValues: [LineageNodeValue?]
  let definitionValues: [LineageNodeValue?]

  init(_ record: LineageGraphRecord) {
    projectID = record.projectID
    nodes = record.nodes
    var index: [String: Int] = [:]
    index.reserveCapacity(nodes.count)
    for (position, node) in nodes.enumerated() { index[node.uniqueID] = position }
    self.index = index
    var parents = [[Int]](repeating: [], count: nodes.count)
    var children = [[Int]](repeating: [], count: nodes.count)
    for (child, node) in nodes.enumerated() {
      for parentID in node.parentIDs {
        guard let parent = index[parentID], parent != child else { continue }
        parents[child].append(parent)
        children[parent].append(child)
      }
    }
    self.parents = parents
    self.children = children
    fqns = nodes.map { Self.strings(json: $0.fqnJSON) }
    tags = nodes.map { Self.strings(json: $0.tagsJSON) }
    let worstTests = Self.worstTestStatuses(nodes)
    // The strings every answer reads (ids, also as parent ids, and file paths) copied
    // afresh, one after the other in node order: read from the store, each lay among the
    // record's other strings, and a whole-DAG answer spent about a sixth of its time
    // waiting on memory to retain and write them.
    let uniqueIDs = nodes.map { Self.compactCopy($0.uniqueID) }
    let filePaths = nodes.map { Self.compactCopy($0.originalFilePath ?? "") }
    var fields: [LineageNodeFields?] = []
    fields.reserveCapacity(nodes.count)
    for position in nodes.indices {
      let node = nodes[position]
      let (parentIDs, publicParentIDs) = Self.splitParents(
        node, index: index, nodes: nodes, uniqueIDs: uniqueIDs)
      fields.append(
        LineageNodeFields(
          node, uniqueID: uniqueIDs[position], filePath: filePaths[position],
          projectID: record.projectID, fqn: fqns[position], tags: tags[position],
          parentIDs: parentIDs, publicParentIDs: publicParentIDs,
          worstTestStatus: worstTests[node.uniqueID]))
    }
    self.fields = fields
    appliedValues = fields.map {
      $0.map { LineageNodeValue(fields: $0, applied: true, matchesMethod: nil) }
    }
    definitionValues = fields.map {
      $0.map { LineageNodeValue(fields: $0, applied: false, matchesMethod: nil) }
    }
  }

  /// A node's parents in this project's manifest (`parentIds`), and those of other
  /// projects (`publicParentIds`, dbt Mesh): a model with no file of its own (an external
  /// model), or a `model.` id absent from the manifest (the reference: "leaving them out
  /// is safer").
  static func splitParents(
    _ node: LineageGraphNodeRecord, index: [String: Int], nodes: [LineageGraphNodeRecord],
    uniqueIDs: [String]
  ) -> (parentIDs: [String], publicParentIDs: [String]) {
    var parentIDs: [String] = []
    parentIDs.reserveCapacity(node.parentIDs.count)
    var publicParentIDs: [String] = []
    for parentID in node.parentIDs {
      if let parent = index[parentID] {
        let other = nodes[parent]
        if other.resourceType == "model", (other.originalFilePath ?? "").isEmpty {
          publicParentIDs.append(uniqueIDs[parent])  // an external (cross-project) model
        } else {
          parentIDs.append(uniqueIDs[parent])  // the parent's own copy (equal)
        }
      } else if parentID.hasPrefix("model.") {
        publicParentIDs.append(parentID)  // a cross-project ref absent from the manifest
      } else {
        parentIDs.append(parentID)
      }
    }
    return (parentIDs, publicParentIDs)
  }

  /// A copy of `text` in storage of its own (a small string stays inline).
  static func compactCopy(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes in
      String(unsafeUninitializedCapacity: bytes.count) { buffer in
        buffer.initialize(fromContentsOf: bytes)
      }
    }
  }

  /// The worst latest status of the tests of each tested node (`error` > `fail` > `warn` >
  /// `pass`): `worstTestStatus`.
  static func worstTestStatuses(_ nodes: [LineageGraphNodeRecord]) -> [String: String] {
    var worst: [String: String] = [:]
    for node in nodes where node.resourceType == "test" {
      guard let tested = node.testedUniqueID, let status = node.lastRunStatus,
        let severity = LineageNodeValue.testSeverity[status]
      else { continue }
      if let current = worst[tested], let known = LineageNodeValue.testSeverity[current],
        known >= severity
      {
        continue
      }
      worst[tested] = status
    }
    return worst
  }

  /// The strings of a stored JSON array (`[]` when absent or not an array).
  static func strings(json: String?) -> [String] {
    guard let json, let value = try? JSONParser.parse(json), let list = value.listValue else {
      return []
    }
    return list.compactMap(\.stringValue)
  }

  // MARK: Selection

  /// The nodes a selection selects, and among them those a method matched directly (not
  /// only reached by a graph operator): `LineageNode.matchesMethod`.
  func select(_ selector: NodeSelector) -> (selected: Set<Int>, matched: Set<Int>) {
    var selected = Set<Int>()
    var matched = Set<Int>()
    for term in selector.terms {
      var termSet: Set<Int>?
      var termMatched = Set<Int>()
      for criterion in term {
        let (set, base) = evaluate(criterion)
        termSet = termSet.map { $0.intersection(set) } ?? set
        termMatched.formUnion(base)
      }
      let result = termSet ?? []
      selected.formUnion(result)
      matched.formUnion(termMatched.intersection(result))
    }
    return (selected, matched)
  }

  /// One criterion: the nodes its method matches, then its graph operators.
  func evaluate(_ criterion: SelectionCriterion) -> (selected: Set<Int>, matched: Set<Int>) {
    let base = Set(nodes.indices.filter { matches(criterion, node: $0) })
    var result = base
    if criterion.childrensParents {
      let withChildren = base.union(walk(from: base, edges: children, depth: Int.max))
      result = withChildren.union(walk(from: withChildren, edges: parents, depth: Int.max))
    } else {
      if let depth = criterion.parentsDepth {
        result.formUnion(walk(from: base, edges: parents, depth: depth))
      }
      if let depth = criterion.childrenDepth {
        result.formUnion(walk(from: base, edges: children, depth: depth))
      }
    }
    return (result, base)
  }

  /// The nodes reachable from `start` in 1 to `depth` steps along `edges`, outside `start`
  /// (breadth first, each node once): the callers add `start` themselves.
  func walk(from start: Set<Int>, edges: [[Int]], depth: Int) -> Set<Int> {
    var seen = Set<Int>()
    var frontier = Array(start)
    var visited = start
    var level = 0
    while !frontier.isEmpty, level < depth {
      level += 1
      var next: [Int] = []
      for node in frontier {
        for neighbour in edges[node] where !visited.contains(neighbour) {
          visited.insert(neighbour)
          seen.insert(neighbour)
          next.append(neighbour)
        }
      }
      frontier = next
    }
    return seen
  }

  // MARK: Methods

  /// The resource types that are nodes of dbt's selectable graph (macros, docs and groups
  /// are not).
  static let graphTypes: Set<String> = [
    "model", "seed", "snapshot", "test", "unit_test", "analysis", "operation", "source",
    "exposure", "metric", "semantic_model", "saved_query",
  ]

  /// Whether the node at `position` matches the criterion's method and value.
  func matches(_ criterion: SelectionCriterion, node position: Int) -> Bool {
    let node = nodes[position]
    let type = node.resourceType
    guard Self.graphTypes.contains(type) else { return false }
    let value = criterion.value
    switch criterion.method {
    case .fqn:
      // dbt's `non_source_nodes`: every graph node but sources.
      guard type != "source" else { return false }
      return Self.fqnMatches(fqns[position], value, isVersioned: node.version != nil)
    case .tag:
      return tags[position].contains { Wildcard.matches($0, value) }
    case .source:
      guard type == "source" else { return false }
      let parts = value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      let (package, source, table): (String, String, String) =
        switch parts.count {
        case 1: ("*", parts[0], "*")
        case 2: ("*", parts[0], parts[1])
        default: (parts[0], parts[1], parts[2])
        }
      return Wildcard.matches(node.packageName ?? "", package)
        && Wildcard.matches(node.sourceName ?? "", source) && Wildcard.matches(node.name, table)
    case .path:
      return Self.pathMatches(node.originalFilePath ?? "", value)
    case .file:
      let path = node.originalFilePath ?? ""
      let file = path.split(separator: "/").last.map(String.init) ?? path
      let stem = file.split(separator: ".", maxSplits: 1).first.map(String.init) ?? file
      return Wildcard.matches(file, value) || Wildcard.matches(stem, value)
    case .package:
      return Wildcard.matches(node.packageName ?? "", value)
    case .config:
      return configMatches(node, position: position, key: criterion.methodArgument ?? "", value)
    case .resourceType:
      return type == value
    case .testName:
      guard type == "test", let name = node.testName else { return false }
      return Wildcard.matches(name, value)
    case .testType:
      switch value {
      case "generic": return type == "test" && node.testName != nil
      case "singular": return type == "test" && node.testName == nil
      case "unit": return type == "unit_test"
      default: return type == "test"  // data: generic and singular
      }
    case .exposure: return Self.named(node, type: "exposure", value)
    case .metric: return Self.named(node, type: "metric", value)
    case .semanticModel: return Self.named(node, type: "semantic_model", value)
    case .savedQuery: return Self.named(node, type: "saved_query", value)
    case .unitTest:
      // dbt matches unit tests by name, or by the fqn forms of the tested model.
      guard type == "unit_test" else { return false }
      return Wildcard.matches(node.name, value)
        || Self.fqnMatches(fqns[position], value, isVersioned: false)
    case .access:
      return type == "model" && node.access == value
    case .group:
      guard let group = node.group else { return false }
      return Wildcard.matches(group, value)
    }
  }

  /// dbt's `config.KEY:value`: equality with the config value, or membership for lists.
  func configMatches(_ node: LineageGraphNodeRecord, position: Int, key: String, _ value: String)
    -> Bool
  {
    switch key {
    case "materialized": return node.materialized == value
    case "schema": return node.schema == value
    case "database": return node.database == value
    case "alias": return node.alias == value
    case "access": return node.access == value
    case "group": return node.group == value
    case "tags": return tags[position].contains(value)
    default: return false
    }
  }

  /// dbt's `exposure:` / `metric:` / ... methods: `name` or `package.name`, with wildcards.
  static func named(_ node: LineageGraphNodeRecord, type: String, _ value: String) -> Bool {
    guard node.resourceType == type else { return false }
    let parts = value.split(separator: ".", maxSplits: 1).map(String.init)
    if parts.count == 2 {
      return Wildcard.matches(node.packageName ?? "", parts[0])
        && Wildcard.matches(node.name, parts[1])
    }
    return Wildcard.matches(node.name, value)
  }

  /// dbt's `is_selected_node`: the selector is the node's name (for versioned models, the
  /// model name, or its name and version joined by `.` or `_`), or a dotted prefix of the
  /// flattened fqn, whose first wildcard part matches the rest of the fqn with `fnmatch`.
  static func fqnMatches(_ fqn: [String], _ selector: String, isVersioned: Bool) -> Bool {
    guard let last = fqn.last else { return false }
    let selectorParts = selector.split(separator: ".", omittingEmptySubsequences: false).map(
      String.init)
    if isVersioned, fqn.count >= 2 {
      if fqn[fqn.count - 2] == selector { return true }
      if fqn.suffix(2).joined(separator: "_") == selectorParts.suffix(2).joined(separator: "_") {
        return true
      }
    } else if last == selector {
      return true
    }
    let flat = fqn.flatMap { $0.split(separator: ".", omittingEmptySubsequences: false) }.map(
      String.init)
    guard flat.count >= selectorParts.count else { return false }
    for (position, part) in selectorParts.enumerated() {
      if part.contains(where: { "*?[]".contains($0) }) {
        return Wildcard.matches(
          flat[position...].joined(separator: "."),
          selectorParts[position...].joined(separator: "."))
      }
      if flat[position] != part { return false }
    }
    return true
  }

  /// dbt's `path:` method: the file itself or any folder above it matches the selector
  /// (a path relative to the project root, with wildcards). dbt globs the file system;
  /// here the stored `original_file_path` is matched instead, and a model's `patch_path`
  /// (the YAML file documenting it, which dbt also matches) is not: the graph does not
  /// carry it.
  static func pathMatches(_ path: String, _ selector: String) -> Bool {
    var selector = selector
    while selector.hasPrefix("./") { selector.removeFirst(2) }
    while selector.count > 1, selector.hasSuffix("/") { selector.removeLast() }
    guard !path.isEmpty else { return false }
    if Wildcard.matches(path, selector) { return true }
    var folder = Substring(path)
    while let slash = folder.lastIndex(of: "/") {
      folder = folder[folder.startIndex..<slash]
      if Wildcard.matches(String(folder), selector) { return true }
    }
    return false
  }
}
