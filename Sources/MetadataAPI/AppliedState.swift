import Foundation
import GraphQL
import MetadataStore

/// One environment's current state in memory: every node of its current manifest with its
/// applied-state pointers, its execution info and the values the filters and sorts read,
/// and its parents, children and tests, built once from
/// ``MetadataStore/MetadataStore/environmentState(accountID:environmentID:)`` and kept by
/// ``AppliedStateCache`` while the store's generation is the same.
///
/// The environment connections (`applied { models(first:after:filter:sort:) }` and the
/// others, on both sides) then filter, sort, page and make cursors here instead of in SQL
/// (``page(_:)``), and the nested `parents`, `children`, `tests`, `ancestors` and
/// `executionInfo` of its nodes are read from it (``relatives(of:_:)``). Answers are the
/// SQL path's, value for value: every filter and sort below is the expression of
/// ``MetadataStore/EnvironmentNodeSQL`` written in Swift (ASCII case folding for `NOCASE`
/// and `lower`, UTF-8 byte order for `BINARY`, SQLite's order of NULL, integer and text
/// values), and the tests compare both paths on every filter, sort, cursor and page size.
///
/// Immutable once built (but for the `config.tags` a tags filter reads on first use, kept
/// under a lock): requests on any thread read it without a lock. It also holds one
/// ready-made ``EnvironmentNode`` per node and side, handed out to lists whose selection
/// reads only summary fields (``sharedNode(_:side:)``): those nodes never change after
/// they are made (see ``EnvironmentNode``), hence `@unchecked Sendable`.
///
/// Memory: about 4.2 KB a node kept (the node record and its strings, its latest
/// execution and success records with their times formatted, its relatives' indices, its
/// filter values, its four shared nodes and its shared relative lists): 49 MB for the
/// benchmark's 10,000-node project (11,750 nodes with macros; heap in use before and
/// after a build, `benchmarks/README.md`, Metadata API).
final class AppliedState: @unchecked Sendable {
  /// The environment (of the account that read it).
  let environmentID: Int
  /// Every node of the current manifest, by unique id in UTF-8 byte order (SQLite's
  /// `BINARY` collation), so an index order is the unique-id order.
  let entries: [EnvironmentNodeEntry]
  /// What the filters read of each node, by entry index.
  private let facts: [Facts]
  /// Entry indices of each resource type, and of each unique id.
  private let byType: [String: [Int32]]
  private let byUniqueID: [String: [Int32]]
  /// Entry indices of each node's parents, children and tests, in unique-id order.
  private let parents: [[Int32]]
  private let children: [[Int32]]
  private let tests: [[Int32]]
  /// Every entry in ascending order of each key sort: nodes with a value by value then
  /// unique id, then nodes without one by unique id.
  private let executeCompletedAtOrder: [Int32]
  private let rowCountOrder: [Int32]
  /// One node per side (``EnvironmentNode/Side/index``) and entry, nil where the side has
  /// no type for it or the node may be an external model (only its JSON tells).
  private let sharedNodes: [[EnvironmentNode?]]
  /// Where `config.tags` are read from when a tags filter first needs them.
  private let store: MetadataStore
  private let accountID: Int
  /// The `config.tags` of the nodes without `tags`, by entry index, once read.
  private let loadedConfigTags = ConfigTags()

  /// The `config.tags` of the nodes without `tags`: read once per state, when a tags
  /// filter first needs them (most states never filter by tags), under a lock.
  private final class ConfigTags: @unchecked Sendable {
    let lock = NSLock()
    var tags: [Int32: [String]]?
  }
  /// The parents, children and tests (two lists each: applied then definition) of each entry as
  /// shared nested nodes, for the two nested sides (applied, definition), relatives
  /// without a type left out as the lists leave them out; nil where a relative must be
  /// made per request (it may be an external model).
  private let sharedRelatives: [[[EnvironmentNode]?]]

  /// The filter and sort values of one node, as the page statement computes them.
  private struct Facts: Sendable {
    /// The definition's `tags` when it has some; nil when they are absent or `[]` (the
    /// filter then reads `config.tags`, ``configTags()``).
    var tags: [String]?
    var exposureType: String?
    /// `lower(x.status)` (ASCII).
    var lastRunStatusLowercased: String?
    var executeCompletedAt: String?
    /// The freshness status with `runtime error` read as `error`.
    var freshnessStatus: String?
    var rowCount: Int?
    /// `GENERIC_DATA_TEST`, `SINGULAR_DATA_TEST` or `UNIT_TEST` (tests), as the SQL `CASE`.
    var testType: String
  }

  /// The number of nodes: the state's weight in ``AppliedStateCache``.
  var count: Int { entries.count }

  /// Builds the state from the store's record and the execution records its pointers name
  /// (``MetadataStore/MetadataStore/executions(accountID:environmentID:ids:)``).
  ///
  /// - Parameters:
  ///   - environment: the environment as the same snapshot has it (its run is the state's).
  ///   - store: what the shared nodes read their JSON from, should a field need it.
  init(
    environment: EnvironmentRecord, record: EnvironmentStateRecord,
    executions: [Int64: ExecutionRecord], store: MetadataStore, accountID: Int
  ) {
    self.environmentID = environment.id
    // Ordered through their positions (moving the records themselves was most of a build).
    let order = Self.byteOrder(record.nodes.map(\.record.definition.uniqueID))
    var entries: [EnvironmentNodeEntry] = []
    var facts: [Facts] = []
    var byType: [String: [Int32]] = [:]
    var byUniqueID: [String: [Int32]] = [:]
    var byNodeID: [Int64: [Int32]] = [:]
    var byDefinitionID: [Int64: [Int32]] = [:]
    entries.reserveCapacity(order.count)
    facts.reserveCapacity(order.count)
    byUniqueID.reserveCapacity(order.count)
    byNodeID.reserveCapacity(order.count)
    byDefinitionID.reserveCapacity(order.count)
    // Each node's fields are read in place (copying a whole node, thirty-odd references
    // retained then released, was a tenth of a build); only its record is copied, into
    // its entry.
    let nodes = record.nodes
    for (position, source) in order.enumerated() {
      let index = Int32(position)
      let record = nodes[source].record
      let info = ExecutionInfo(
        last: record.lastExecutionID.flatMap { executions[$0] },
        lastSuccess: record.lastSuccessID.flatMap { executions[$0] }, formatsDates: true)
      entries.append(EnvironmentNodeEntry(record, index: index, executionInfo: info))
      let definition = record.definition
      facts.append(
        Facts(
          tags: definition.tagsJSON.flatMap { $0 == "[]" ? nil : Self.strings($0) },
          exposureType: nodes[source].exposureType,
          lastRunStatusLowercased: nodes[source].lastRunStatus.map(Self.asciiLowercased),
          executeCompletedAt: nodes[source].executeCompletedAt,
          freshnessStatus: nodes[source].freshnessStatus == "runtime error"
            ? "error" : nodes[source].freshnessStatus,
          rowCount: nodes[source].rowCount,
          testType: definition.resourceType == "unit_test"
            ? "UNIT_TEST" : definition.testName != nil ? "GENERIC_DATA_TEST" : "SINGULAR_DATA_TEST")
      )
      byType[definition.resourceType, default: []].append(index)
      byUniqueID[definition.uniqueID, default: []].append(index)
      byNodeID[record.nodeID, default: []].append(index)
      byDefinitionID[record.definitionID, default: []].append(index)
    }
    // Relatives keep only parents that are nodes of this manifest, as the statements do
    // (by joining each parent's definition to the version's members).
    var parents = [[Int32]](repeating: [], count: entries.count)
    var children = [[Int32]](repeating: [], count: entries.count)
    for edge in record.edges {
      guard let childEntries = byDefinitionID[edge.definitionID],
        let parentEntries = byNodeID[edge.parentNodeID]
      else { continue }
      for child in childEntries {
        parents[Int(child)].append(contentsOf: parentEntries)
      }
      for parent in parentEntries {
        children[Int(parent)].append(contentsOf: childEntries)
      }
    }
    for index in entries.indices {
      parents[index].sort()
      children[index].sort()
    }
    // A test of a node: a child that is a data or unit test naming it as its tested node.
    self.tests = entries.indices.map { index in
      let uniqueID = entries[index].record.definition.uniqueID
      return children[index].filter {
        let definition = entries[Int($0)].record.definition
        return (definition.resourceType == "test" || definition.resourceType == "unit_test")
          && definition.testedUniqueID == uniqueID
      }
    }
    // Nodes with a value by value (ties by unique id, the index order), then the others.
    let completedAt = facts.map(\.executeCompletedAt)
    let withTime = facts.indices.filter { completedAt[$0] != nil }
    let byTime = Self.byteOrder(withTime.map { completedAt[$0] ?? "" }).map { withTime[$0] }
    self.executeCompletedAtOrder =
      (byTime + facts.indices.filter { completedAt[$0] == nil }).map { Int32($0) }
    self.rowCountOrder = Self.ascendingOrder(facts.map(\.rowCount), by: <)
    let context = EnvironmentNodeContext(
      environment: environment, store: store, accountID: accountID)
    let shared = EnvironmentNode.Side.allCases.map { side in
      entries.map { entry -> EnvironmentNode? in
        guard !entry.mayBeExternal, entry.typeNames[side.index] != nil else { return nil }
        return EnvironmentNode(entry: entry, context: context, side: side, registers: false)
      }
    }
    self.sharedNodes = shared
    var relativeLists: [[[EnvironmentNode]?]] = []
    for lists in [parents, children, tests] {
      for side in [EnvironmentNode.Side.appliedNested, .definitionNested] {
        relativeLists.append(
          lists.map { list -> [EnvironmentNode]? in
            var nodes: [EnvironmentNode] = []
            for index in list {
              let entry = entries[Int(index)]
              if entry.mayBeExternal { return nil }
              if let node = shared[side.index][Int(index)] { nodes.append(node) }
            }
            return nodes
          })
      }
    }
    self.sharedRelatives = relativeLists
    self.store = store
    self.accountID = accountID
    self.entries = entries
    self.facts = facts
    self.byType = byType
    self.byUniqueID = byUniqueID
    self.parents = parents
    self.children = children
  }

  /// The shared node of an entry on a side, for a list whose selection reads only summary
  /// fields; nil when the list must make its own (see ``sharedNodes``).
  func sharedNode(_ index: Int32, side: EnvironmentNode.Side) -> EnvironmentNode? {
    sharedNodes[side.index][Int(index)]
  }

  /// The relatives of an entry as shared nested nodes of `side` (for a list whose
  /// selection reads only summary fields), in unique-id order and without relatives that
  /// have no type on that side; nil when they must be made per request.
  func sharedRelatives(
    of index: Int32, _ relation: MetadataStore.Relation, side: EnvironmentNode.Side
  ) -> [EnvironmentNode]? {
    let lists: Int
    switch relation {
    case .parents: lists = 0
    case .children: lists = 2
    case .tests: lists = 4
    case .ancestors: return nil
    }
    switch side {
    case .appliedNested: return sharedRelatives[lists][Int(index)]
    case .definitionNested: return sharedRelatives[lists + 1][Int(index)]
    case .applied, .definition: return nil
    }
  }

  /// Whether `entry` is one of this state's (so its index reads this state's relatives).
  func contains(_ entry: EnvironmentNodeEntry) -> Bool {
    entry.index >= 0 && Int(entry.index) < entries.count && entries[Int(entry.index)] === entry
  }

  /// The positions of `texts` in UTF-8 byte order (SQLite's `BINARY` collation), ties in
  /// position order (a stable sort). Two ASCII texts compare with the standard comparison,
  /// which is their byte order and much faster; others byte by byte (the standard
  /// comparison orders normalized scalars).
  static func byteOrder(_ texts: [String]) -> [Int] {
    // One three-way comparison of the UTF-8 bytes (memcmp over the strings' contiguous
    // storage) per step: the standard `<` then `!=` of two texts were two comparisons, and
    // the sort of a build's 11,750 unique ids was a sixth of it.
    texts.indices.sorted { a, b in
      let order = compareUTF8(texts[a], texts[b])
      return order < 0 || (order == 0 && a < b)
    }
  }

  /// The order of two texts' UTF-8 bytes (negative, zero, positive), as SQLite's `BINARY`
  /// collation compares them.
  static func compareUTF8(_ a: String, _ b: String) -> Int {
    let fast = a.utf8.withContiguousStorageIfAvailable { x in
      b.utf8.withContiguousStorageIfAvailable { y -> Int in
        let common = min(x.count, y.count)
        if common > 0, let p = x.baseAddress, let q = y.baseAddress {
          let order = memcmp(p, q, common)
          if order != 0 { return Int(order) }
        }
        return x.count - y.count
      }
    }
    if let order = fast ?? nil { return order }
    if a.utf8.elementsEqual(b.utf8) { return 0 }
    return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
  }

  /// Entry indices by a key (nulls last), ties by unique id (the index order).
  private static func ascendingOrder<Key>(_ keys: [Key?], by less: (Key, Key) -> Bool) -> [Int32] {
    let withKey = keys.indices.filter { keys[$0] != nil }.sorted { a, b in
      guard let x = keys[a], let y = keys[b] else { return false }
      if less(x, y) { return true }
      if less(y, x) { return false }
      return a < b
    }
    let withoutKey = keys.indices.filter { keys[$0] == nil }
    return (withKey + withoutKey).map { Int32($0) }
  }

  // MARK: - Pages

  /// One page of nodes: entry indices in the page's order with the sort key value of each
  /// (for cursors), the number of matches over all pages and whether more follow.
  struct Page {
    var entries: [Int32]
    var sortValues: [NodeSortValue]
    var totalCount: Int
    var hasNextPage: Bool
  }

  /// The page `query` asks for, as
  /// ``MetadataStore/MetadataStore/environmentNodes(accountID:environmentID:query:)`` answers
  /// it; nil for a query this state does not answer (an exposure type filter over other
  /// resources than exposures, whose manifest `type` it does not keep).
  ///
  /// - Throws: ``MetadataStore/StoreError`` when a tags filter first reads `config.tags`.
  func page(_ query: EnvironmentNodeQuery) throws -> Page? {
    if query.exposureType != nil && query.resourceTypes.contains(where: { $0 != "exposure" }) {
      return nil
    }
    let types = Set(query.resourceTypes)
    var candidates: [Int32]
    if let uniqueIDs = query.uniqueIDs {
      candidates = Set(uniqueIDs).flatMap { byUniqueID[$0] ?? [] }.filter {
        types.contains(entries[Int($0)].record.definition.resourceType)
      }.sorted()
    } else if types.count == 1, let type = types.first {
      candidates = byType[type] ?? []
    } else {
      candidates = types.flatMap { byType[$0] ?? [] }.sorted()
    }
    let filter = Filter(query)
    let configTags = query.tags == nil ? [:] : try self.configTags()
    if !filter.isEmpty {
      candidates = candidates.filter { matches($0, filter, configTags: configTags) }
    }
    let total = candidates.count
    // The matches in the query's order.
    var ordered: [Int32]
    switch query.sort {
    case .uniqueID:
      ordered = query.descending ? Array(candidates.reversed()) : candidates
    case .executeCompletedAt, .rowCount:
      let global = query.sort == .rowCount ? rowCountOrder : executeCompletedAtOrder
      var matching = [Bool](repeating: false, count: entries.count)
      for index in candidates { matching[Int(index)] = true }
      let ascending = global.filter { matching[Int($0)] }
      if query.descending {
        // Nulls stay last; each part reverses (key then unique id descending).
        let split = ascending.firstIndex { sortValue($0, query.sort) == .null } ?? ascending.count
        ordered = Array(ascending[..<split].reversed()) + Array(ascending[split...].reversed())
      } else {
        ordered = ascending
      }
    }
    // The page starts after the cursor's position: the matches after it form a suffix of
    // the order, found by bisection.
    var start = 0
    if let after = query.after {
      var low = 0
      var high = ordered.count
      while low < high {
        let middle = (low + high) / 2
        if isAfter(ordered[middle], after, query) { high = middle } else { low = middle + 1 }
      }
      start = low
    }
    let end = query.limit.map { min(ordered.count, start + $0) } ?? ordered.count
    let page = Array(ordered[start..<end])
    return Page(
      entries: page, sortValues: page.map { sortValue($0, query.sort) }, totalCount: total,
      hasNextPage: end < ordered.count)
  }

  /// The sort key value of a node, as the page statement reads it for cursors.
  func sortValue(_ index: Int32, _ sort: EnvironmentNodeQuery.Sort) -> NodeSortValue {
    switch sort {
    case .uniqueID: return .null
    case .executeCompletedAt:
      return facts[Int(index)].executeCompletedAt.map { .text($0) } ?? .null
    case .rowCount: return facts[Int(index)].rowCount.map { .integer($0) } ?? .null
    }
  }

  /// Whether a node comes after the position in the query's order: the page statement's
  /// keyset condition.
  private func isAfter(
    _ index: Int32, _ position: EnvironmentNodeQuery.Position, _ query: EnvironmentNodeQuery
  ) -> Bool {
    let uniqueID = entries[Int(index)].record.definition.uniqueID
    let uniqueIDAfter =
      query.descending
      ? uniqueID.utf8.lexicographicallyPrecedes(position.uniqueID.utf8)
      : position.uniqueID.utf8.lexicographicallyPrecedes(uniqueID.utf8)
    if query.sort == .uniqueID { return uniqueIDAfter }
    let key = sortValue(index, query.sort)
    // A position without a value is followed only by nodes without one, by unique id.
    if position.value == .null { return key == .null && uniqueIDAfter }
    if key == .null { return true }
    let order = Self.compare(key, position.value, sort: query.sort)
    return query.descending
      ? order < 0 || (order == 0 && uniqueIDAfter) : order > 0 || (order == 0 && uniqueIDAfter)
  }

  /// SQLite's comparison of a sort key (`x.execute_completed_at`, a TEXT column;
  /// `c.row_count`, an INTEGER column) with a cursor's value: the column's affinity applies
  /// to the value first (an integer compared with the text column is its decimal text; a
  /// text that reads as a number, compared with the integer column, is that number), then
  /// integers (and reals) come before text and text compares by UTF-8 bytes.
  /// https://www.sqlite.org/datatype3.html#type_conversions_prior_to_comparison
  static func compare(_ key: NodeSortValue, _ value: NodeSortValue, sort: EnvironmentNodeQuery.Sort)
    -> Int
  {
    switch (sort, key, value) {
    case (.executeCompletedAt, _, .integer(let number)):
      return compare(key, .text(String(number)))
    case (.rowCount, .integer(let number), .text(let text)):
      guard let real = numeric(text) else { return -1 }
      let x = Double(number)
      return x < real ? -1 : x > real ? 1 : 0
    default:
      return compare(key, value)
    }
  }

  /// The number a text reads as under numeric affinity (spaces around it ignored), if any.
  static func numeric(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty,
      trimmed.unicodeScalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) }),
      let number = Double(trimmed), number.isFinite
    else { return nil }
    return number
  }

  /// SQLite's order of two values of no affinity: NULL first, then integers, then text by
  /// UTF-8 bytes.
  static func compare(_ a: NodeSortValue, _ b: NodeSortValue) -> Int {
    switch (a, b) {
    case (.integer(let x), .integer(let y)): return x < y ? -1 : x > y ? 1 : 0
    case (.text(let x), .text(let y)):
      if x == y { return 0 }
      return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
    case (.integer, .text): return -1
    case (.text, .integer): return 1
    case (.null, .null): return 0
    case (.null, _): return -1
    case (_, .null): return 1
    }
  }

  /// The filters of a query other than the resource types and unique ids, prepared once
  /// per page (case-folded where SQL compares without case).
  private struct Filter {
    var database: String?
    var schema: String?
    var identifier: String?
    var tags: Set<String>?
    var names: Set<String>?
    var packageName: String?
    var access: String?
    var group: String?
    var modelingLayer: String?
    var lastRunStatus: String?
    var freshnessChecked: Bool?
    var freshnessStatus: String?
    var sourceNames: Set<String>?
    var testTypes: Set<String>?
    var exposureType: String?

    init(_ query: EnvironmentNodeQuery) {
      database = query.database.map(AppliedState.asciiLowercased)
      schema = query.schema.map(AppliedState.asciiLowercased)
      identifier = query.identifier.map(AppliedState.asciiLowercased)
      tags = query.tags.map(Set.init)
      names = query.names.map(Set.init)
      packageName = query.packageName
      access = query.access
      group = query.group
      modelingLayer = query.modelingLayer
      lastRunStatus = query.lastRunStatus.map(AppliedState.asciiLowercased)
      freshnessChecked = query.freshnessChecked
      freshnessStatus = query.freshnessStatus
      sourceNames = query.sourceNames.map(Set.init)
      testTypes = query.testTypes.map(Set.init)
      exposureType = query.exposureType
    }

    var isEmpty: Bool {
      database == nil && schema == nil && identifier == nil && tags == nil && names == nil
        && packageName == nil && access == nil && group == nil && modelingLayer == nil
        && lastRunStatus == nil && freshnessChecked == nil && freshnessStatus == nil
        && sourceNames == nil && testTypes == nil && exposureType == nil
    }
  }

  /// Whether a node passes the filters (each as its SQL condition: a filter given and a
  /// value missing never match).
  private func matches(_ index: Int32, _ filter: Filter, configTags: [Int32: [String]]) -> Bool {
    let entry = entries[Int(index)]
    let definition = entry.record.definition
    let fact = facts[Int(index)]
    func equalsFolded(_ value: String?, _ wanted: String?) -> Bool {
      guard let wanted else { return true }
      guard let value else { return false }
      return Self.asciiLowercased(value) == wanted
    }
    func equals(_ value: String?, _ wanted: String?) -> Bool {
      guard let wanted else { return true }
      return value == wanted
    }
    func among(_ value: String?, _ wanted: Set<String>?) -> Bool {
      guard let wanted else { return true }
      guard let value else { return false }
      return wanted.contains(value)
    }
    guard equalsFolded(definition.database, filter.database),
      equalsFolded(definition.schema, filter.schema),
      equalsFolded(definition.identifier ?? definition.alias, filter.identifier),
      among(definition.name, filter.names),
      equals(definition.packageName, filter.packageName),
      equals(definition.access, filter.access),
      equals(definition.group, filter.group),
      equals(entry.record.modelingLayer, filter.modelingLayer),
      equals(fact.lastRunStatusLowercased, filter.lastRunStatus),
      equals(fact.freshnessStatus, filter.freshnessStatus),
      among(definition.sourceName, filter.sourceNames),
      equals(fact.exposureType, filter.exposureType)
    else { return false }
    if let wanted = filter.tags {
      guard let tags = fact.tags ?? configTags[index], tags.contains(where: wanted.contains)
      else { return false }
    }
    if let checked = filter.freshnessChecked, (entry.record.lastFreshnessID != nil) != checked {
      return false
    }
    if let wanted = filter.testTypes, !wanted.contains(fact.testType) { return false }
    return true
  }

  /// The `config.tags` of the nodes whose `tags` are absent or `[]`, read in one statement
  /// the first time a tags filter needs them and kept with the state (definitions never
  /// change, so a later read answers for this state too).
  private func configTags() throws -> [Int32: [String]] {
    try loadedConfigTags.lock.withLock {
      if let tags = loadedConfigTags.tags { return tags }
      var byDefinition: [Int64: [Int32]] = [:]
      for (index, fact) in facts.enumerated() where fact.tags == nil {
        byDefinition[entries[index].record.definitionID, default: []].append(Int32(index))
      }
      let texts = try store.configTags(
        accountID: accountID, environmentID: environmentID,
        definitionIDs: Array(byDefinition.keys))
      var tags: [Int32: [String]] = [:]
      for (definitionID, text) in texts {
        guard let list = Self.strings(text) else { continue }
        for index in byDefinition[definitionID] ?? [] { tags[index] = list }
      }
      loadedConfigTags.tags = tags
      return tags
    }
  }

  /// The strings of a JSON list text; nil when it is not a list.
  static func strings(_ text: String) -> [String]? {
    (try? JSONParser.parse(text))?.listValue?.compactMap(\.stringValue)
  }

  /// ASCII lowercase, as SQLite's `lower()` and `NOCASE` fold (other letters unchanged).
  static func asciiLowercased(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) else { return text }
    return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
  }

  // MARK: - Relatives

  /// The relatives of a node (by entry index) in unique-id order, as
  /// ``MetadataStore/MetadataStore/environmentRelatives(accountID:environmentID:nodeIDs:relation:summaryOnly:)``
  /// reads them.
  func relatives(of index: Int32, _ relation: MetadataStore.Relation) -> [Int32] {
    switch relation {
    case .parents: return parents[Int(index)]
    case .children: return children[Int(index)]
    case .tests: return tests[Int(index)]
    case .ancestors(let resourceTypes): return ancestors(of: index, resourceTypes: resourceTypes)
    }
  }

  /// Every node upstream of a node, transitively, of the given resource types (the node
  /// itself excluded, even on a cycle), in unique-id order.
  private func ancestors(of index: Int32, resourceTypes: [String]) -> [Int32] {
    let types = Set(resourceTypes)
    let anchorNodeID = entries[Int(index)].record.nodeID
    var seen = Set<Int32>()
    var frontier = [index]
    // Nodes sharing the anchor's node id are the anchor itself.
    var result: [Int32] = []
    while let next = frontier.popLast() {
      for parent in parents[Int(next)] where seen.insert(parent).inserted {
        frontier.append(parent)
        let record = entries[Int(parent)].record
        if record.nodeID != anchorNodeID && types.contains(record.definition.resourceType) {
          result.append(parent)
        }
      }
    }
    return result.sorted()
  }
}
