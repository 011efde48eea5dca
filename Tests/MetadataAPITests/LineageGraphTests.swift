import GraphQL
import Testing

@testable import MetadataAPI
@testable import MetadataStore

/// The selection evaluator on generated DAGs (no database): random graphs and random
/// selectors, each answer checked against a naive evaluation of dbt's definitions written
/// here independently (recursive walks, sets rebuilt from scratch).
@Suite struct LineageGraphTests {
  /// A deterministic generator (SplitMix64), so a failure names a reproducible seed.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let tagPool = ["a", "b", "c", "nightly"]
  static let folders = ["staging", "marts", "intermediate"]

  /// A random DAG: node i may depend only on nodes before it; a few sources first.
  static func graph(seed: UInt64, size: Int) -> LineageGraphRecord {
    var random = Generator(state: seed)
    var nodes: [LineageGraphNodeRecord] = []
    for index in 0..<size {
      let isSource = index < size / 10
      let name = "n\(index)"
      let folder = folders[Int.random(in: 0..<folders.count, using: &random)]
      let tags = tagPool.filter { _ in Bool.random(using: &random) && Bool.random(using: &random) }
      var parents: Set<String> = []
      if !isSource, index > 0 {
        for _ in 0..<Int.random(in: 0...3, using: &random) {
          parents.insert(nodes[Int.random(in: 0..<index, using: &random)].uniqueID)
        }
      }
      let type = isSource ? "source" : (index % 7 == 0 ? "test" : "model")
      let uniqueID = isSource ? "source.p.src\(index % 2).\(name)" : "\(type).p.\(name)"
      let fqn = isSource ? ["p", folder, "src\(index % 2)", name] : ["p", folder, name]
      nodes.append(
        LineageGraphNodeRecord(
          uniqueID: uniqueID, resourceType: type, name: name, packageName: "p",
          originalFilePath: isSource
            ? "models/\(folder)/sources.yml" : "models/\(folder)/\(name).sql",
          database: "db", schema: folder, alias: name,
          materialized: type == "model" ? (index % 2 == 0 ? "table" : "view") : nil,
          access: nil, group: nil, version: nil,
          fqnJSON: "[" + fqn.map { "\"\($0)\"" }.joined(separator: ",") + "]",
          tagsJSON: "[" + tags.map { "\"\($0)\"" }.joined(separator: ",") + "]",
          sourceName: isSource ? "src\(index % 2)" : nil, testedUniqueID: nil, testName: nil,
          parentIDs: parents.sorted(), lastRunStatus: nil, freshnessStatus: nil))
    }
    return LineageGraphRecord(projectID: 1, nodes: nodes.sorted { $0.uniqueID < $1.uniqueID })
  }

  /// The naive answer of one criterion over the record (ids).
  static func naive(_ criterion: String, _ record: LineageGraphRecord) -> Set<String> {
    var text = Substring(criterion)
    let at = text.hasPrefix("@")
    if at { text = text.dropFirst() }
    var up: Int?
    if let plus = text.firstIndex(of: "+"), text[text.startIndex..<plus].allSatisfy(\.isNumber) {
      up = Int(text[text.startIndex..<plus]) ?? Int.max
      text = text[text.index(after: plus)...]
    }
    var down: Int?
    if let plus = text.lastIndex(of: "+") {
      down = Int(text[text.index(after: plus)...]) ?? Int.max
      text = text[text.startIndex..<plus]
    }
    let nodes = record.nodes
    let base: Set<String> = Set(
      nodes.filter { node in
        let value = String(text)
        if value.hasPrefix("tag:") {
          return node.tagsJSON?.contains("\"\(value.dropFirst(4))\"") == true
        }
        if value.hasPrefix("source:") { return node.sourceName == String(value.dropFirst(7)) }
        if value.hasPrefix("path:") {
          return node.originalFilePath?.hasPrefix(value.dropFirst(5) + "/") == true
        }
        if value.hasPrefix("config.materialized:") {
          return node.materialized == String(value.dropFirst(20))
        }
        if value.hasPrefix("resource_type:") {
          return node.resourceType == String(value.dropFirst(14))
        }
        return node.resourceType != "source" && node.name == value
      }.map(\.uniqueID))
    var parents: [String: [String]] = [:]
    var children: [String: [String]] = [:]
    for node in nodes {
      parents[node.uniqueID] = node.parentIDs
      for parent in node.parentIDs { children[parent, default: []].append(node.uniqueID) }
    }
    func reach(_ start: Set<String>, _ map: [String: [String]], _ depth: Int) -> Set<String> {
      var found = Set<String>()
      func visit(_ id: String, _ left: Int) {
        guard left > 0 else { return }
        for next in map[id] ?? [] {
          found.insert(next)
          visit(next, left - 1)
        }
      }
      for id in start { visit(id, depth) }
      return found
    }
    if at {
      let down = base.union(reach(base, children, Int.max))
      return down.union(reach(down, parents, Int.max))
    }
    var result = base
    if let up { result.formUnion(reach(base, parents, up)) }
    if let down { result.formUnion(reach(base, children, down)) }
    return result
  }

  /// A random criterion of the grammar.
  static func criterion(_ random: inout Generator, size: Int) -> String {
    let methods = [
      "n\(Int.random(in: 0..<size, using: &random))",
      "tag:\(tagPool.randomElement(using: &random) ?? "a")",
      "source:src\(Int.random(in: 0...1, using: &random))",
      "path:models/\(folders.randomElement(using: &random) ?? "marts")",
      "config.materialized:table", "resource_type:test",
    ]
    let value = methods.randomElement(using: &random) ?? "n1"
    switch Int.random(in: 0..<6, using: &random) {
    case 0: return value
    case 1: return "+" + value
    case 2: return value + "+"
    case 3: return "\(Int.random(in: 0...3, using: &random))+" + value
    case 4: return value + "+\(Int.random(in: 0...3, using: &random))"
    default: return "@" + value
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
  func randomSelectionsAgreeWithNaiveEvaluation(seed: UInt64) throws {
    let size = 120
    let record = Self.graph(seed: seed, size: size)
    let graph = LineageGraph(record)
    var random = Generator(state: seed &* 31)
    for _ in 0..<40 {
      // A union of intersections of one or two criteria each.
      var terms: [[String]] = []
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        terms.append(
          (0..<Int.random(in: 1...2, using: &random)).map { _ in
            Self.criterion(&random, size: size)
          })
      }
      let text = terms.map { $0.joined(separator: ",") }.joined(separator: " ")
      var expected = Set<String>()
      for term in terms {
        var intersection: Set<String>?
        for criterion in term {
          let set = Self.naive(criterion, record)
          intersection = intersection.map { $0.intersection(set) } ?? set
        }
        expected.formUnion(intersection ?? [])
      }
      let selected = graph.select(try NodeSelector(parsing: text)).selected
      #expect(Set(selected.map { graph.nodes[$0].uniqueID }) == expected, "seed \(seed): \(text)")
    }
  }

  /// Every field of the types this area binds has a resolver (none left to the default
  /// resolver by accident), and the lineage interfaces have type resolvers.
  @Test func everyFieldOfThisAreaIsBound() throws {
    let schema = try SampleDatabase.api().schema
    let types =
      LineageNodeValue.objectTypes.sorted() + [
        "PerformanceState", "ModelExecutionHistoryDay", "JobExecutionHistory", "ModelExecution",
        "ModelExecutionCount", "JobExecutionCount", "ModelExecutionDuration",
        "JobExecutionDuration", "ModelExecutionFailureRate", "ModelTestFailureRate",
        "JobInformation", "ResourceQueryCount", "ResourceQueryHistoryDay",
      ]
    for name in types {
      let type = try #require(schema.type(named: name), "\(name)")
      for (field, definition) in zip(type.fields.keys, type.fields.values) {
        #expect(
          definition.resolve != nil || definition.batchResolve != nil, "\(name).\(field) is unbound"
        )
      }
    }
    for (type, field) in [
      ("AppliedState", "lineage"), ("DefinitionState", "lineage"), ("Query", "performance"),
      ("AppliedState", "sourceHistoricalFreshness"), ("AppliedState", "testHistoricalRuns"),
    ] {
      let definition = try schema.field(type, field)
      #expect(definition.resolve != nil || definition.batchResolve != nil, "\(type).\(field)")
    }
    for interface in LineageNodeValue.interfaces {
      #expect(schema.type(named: interface)?.resolveType != nil, "\(interface)")
    }
  }
}
