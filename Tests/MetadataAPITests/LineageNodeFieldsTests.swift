import GraphQL
import Testing

@testable import MetadataAPI
@testable import MetadataStore

/// The per-node answer values a ``LineageGraph`` derives once and keeps
/// (``LineageNodeFields``, the prebuilt ``LineageNodeValue``s): parents split into this
/// project's and other projects', the worst test status, run state on the applied side
/// only, and the same values handed out again by a kept graph.
@Suite struct LineageNodeFieldsTests {
  static func node(
    _ uniqueID: String, _ type: String, file: String? = nil, parents: [String] = [],
    tested: String? = nil, status: String? = nil, freshness: String? = nil
  ) -> LineageGraphNodeRecord {
    let name = String(uniqueID.split(separator: ".").last ?? "")
    return LineageGraphNodeRecord(
      uniqueID: uniqueID, resourceType: type, name: name, packageName: "p",
      originalFilePath: file, database: "db", schema: "s", alias: name, materialized: nil,
      access: nil, group: nil, version: nil, fqnJSON: "[\"p\",\"\(name)\"]", tagsJSON: "[]",
      sourceName: type == "source" ? "raw" : nil, testedUniqueID: tested, testName: nil,
      parentIDs: parents, lastRunStatus: status, freshnessStatus: freshness)
  }

  static let record = LineageGraphRecord(
    projectID: 7,
    nodes: [
      node("analysis.p.x", "analysis", file: "analyses/x.sql", parents: ["model.p.a"]),
      node("model.other.ext", "model"),  // an external model: no file of its own
      node("model.p.a", "model", file: "models/a.sql", status: "success"),
      node(
        "model.p.b", "model", file: "models/b.sql",
        parents: ["model.gone.missing", "model.other.ext", "model.p.a", "source.p.raw.gone"],
        status: "error"),
      node(
        "source.p.raw.t", "source", file: "models/raw.yml", status: "pass",
        freshness: "runtime error"),
      node(
        "test.p.t1", "test", file: "tests/t1.sql", parents: ["model.p.a"], tested: "model.p.a",
        status: "warn"),
      node(
        "test.p.t2", "test", file: "tests/t2.sql", parents: ["model.p.a"], tested: "model.p.a",
        status: "fail"),
      node(
        "test.p.t3", "test", file: "tests/t3.sql", parents: ["model.p.a"], tested: "model.p.a",
        status: "skipped"),
    ])

  static func field(_ value: LineageNodeValue?, _ name: String) -> Any? {
    guard let value, let read = LineageNodeValue.reader(name) else { return nil }
    return read(value)
  }

  @Test func derivedValuesAndRunStateBySide() throws {
    let graph = LineageGraph(Self.record)
    let position = { (id: String) in graph.index[id] ?? -1 }
    // An analysis has no lineage type: no values.
    #expect(graph.fields[position("analysis.p.x")] == nil)
    #expect(graph.appliedValues[position("analysis.p.x")] == nil)

    let b = try #require(graph.fields[position("model.p.b")])
    #expect(b.parentIDs == ["model.p.a", "source.p.raw.gone"])
    #expect(b.publicParentIDs == ["model.gone.missing", "model.other.ext"])
    #expect(b.projectID == 7 && b.filePath == "models/b.sql" && b.resourceType == "Model")

    let a = graph.appliedValues[position("model.p.a")]
    #expect(Self.field(a, "worstTestStatus") as? String == "fail")
    #expect(Self.field(a, "lastRunStatus") as? String == "success")
    #expect(Self.field(a, "uniqueId") as? String == "model.p.a")
    #expect(Self.field(a, "matchesMethod") == nil)
    let definitionA = graph.definitionValues[position("model.p.a")]
    #expect(Self.field(definitionA, "worstTestStatus") == nil)
    #expect(Self.field(definitionA, "lastRunStatus") == nil)
    #expect(Self.field(definitionA, "uniqueId") as? String == "model.p.a")

    // A source's run status is not a `lastRunStatus`; its freshness is, on the applied side.
    let source = graph.appliedValues[position("source.p.raw.t")]
    #expect(Self.field(source, "lastRunStatus") == nil)
    #expect(Self.field(source, "freshnessStatus") as? String == "Error")
    #expect(
      Self.field(graph.definitionValues[position("source.p.raw.t")], "freshnessStatus") == nil)
    // The external model has no file: "" (and no tests: no worst status).
    let external = graph.appliedValues[position("model.other.ext")]
    #expect(Self.field(external, "filePath") as? String == "")
    #expect(Self.field(external, "worstTestStatus") == nil)
  }

  /// The interfaces' type resolver's cast: the value itself, nothing for another type.
  @Test func exactCastOfTheTypeResolver() throws {
    let graph = LineageGraph(Self.record)
    let value = try #require(graph.appliedValues[graph.index["test.p.t1"] ?? -1])
    #expect(LineageNodeValue.exactly(value as Any) === value)
    #expect(LineageNodeValue.exactly(value.graphQLTypeName as Any) == nil)
    #expect(value.graphQLTypeName == "TestLineageNode")
  }

  /// A kept graph hands out the values it built: a repeat request builds none.
  @Test func aKeptGraphHandsOutTheSameValues() throws {
    let store = try SampleDatabase.api().store
    let cache = LineageGraphCache()
    let first = try #require(
      try cache.graph(store: store, accountID: 1, environmentID: 1, includeMacros: false).graph)
    let second = try #require(
      try cache.graph(store: store, accountID: 1, environmentID: 1, includeMacros: false).graph)
    #expect(!first.appliedValues.isEmpty)
    #expect(first.appliedValues.count == second.appliedValues.count)
    for (one, other) in zip(first.appliedValues, second.appliedValues) {
      #expect(one === other)
    }
  }
}
