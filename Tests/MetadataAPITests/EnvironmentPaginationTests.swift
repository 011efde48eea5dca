import Foundation
import GraphQL
import MetadataStore
import Testing

@testable import MetadataAPI

/// Pagination, filters and sorts over the generated 1,000-model environment, checked
/// against a brute-force computation over the same data (``GeneratedEnvironment``), and
/// the statement count of a 500-model page with nested lists (no N+1).
@Suite struct EnvironmentPaginationTests {
  /// Walks a connection page by page; returns the unique ids in order.
  static func walk(_ field: String, arguments: String = "", pageSize: Int) throws -> [String] {
    var ids: [String] = []
    var after: String? = nil
    var pages = 0
    repeat {
      let afterArgument = after.map { ", after: \"\($0)\"" } ?? ""
      let result = try GeneratedEnvironment.run(
        """
        { environment(id: 1) { applied { \(field)(first: \(pageSize)\(afterArgument)\(arguments)) {
          totalCount pageInfo { endCursor hasNextPage hasPreviousPage } edges { cursor node { uniqueId } } } } } }
        """)
      #expect(result.errors.isEmpty, "\(result.errors)")
      let connection = result.data?["environment"]?["applied"]?[field]
      let edges = connection?["edges"]?.listValue ?? []
      ids += edges.compactMap { $0["node"]?["uniqueId"]?.stringValue }
      #expect(connection?["pageInfo"]?["hasPreviousPage"]?.boolValue == (after != nil))
      if let last = edges.last {
        #expect(last["cursor"] == connection?["pageInfo"]?["endCursor"])
      }
      after =
        connection?["pageInfo"]?["hasNextPage"]?.boolValue == true
        ? connection?["pageInfo"]?["endCursor"]?.stringValue : nil
      pages += 1
    } while after != nil && pages < 1_000
    return ids
  }

  @Test func modelsByUniqueIDWalkWithoutGapsOrRepeats() throws {
    let ids = try Self.walk("models", pageSize: 97)
    let expected = (0..<GeneratedEnvironment.modelCount).map(GeneratedEnvironment.modelID).sorted()
    #expect(ids == expected)
  }

  @Test func modelsByCompletionTimeDescendingWalkAsTheBruteForceOrder() throws {
    let ids = try Self.walk(
      "models", arguments: ", sort: {field: executeCompletedAt, direction: desc}", pageSize: 64)
    let expected = (0..<GeneratedEnvironment.modelCount).sorted { a, b in
      let (x, y) = (GeneratedEnvironment.completedAt(a), GeneratedEnvironment.completedAt(b))
      switch (x, y) {
      case (nil, nil): return GeneratedEnvironment.modelID(a) > GeneratedEnvironment.modelID(b)
      case (nil, _): return false
      case (_, nil): return true
      case (let x?, let y?):
        return x != y ? x > y : GeneratedEnvironment.modelID(a) > GeneratedEnvironment.modelID(b)
      }
    }.map(GeneratedEnvironment.modelID)
    #expect(ids == expected)
  }

  @Test func modelsByRowCountAscendingPutNullsLast() throws {
    let ids = try Self.walk(
      "models", arguments: ", sort: {field: rowCount, direction: asc}", pageSize: 150)
    let expected = (0..<GeneratedEnvironment.modelCount).sorted { a, b in
      let (x, y) = (GeneratedEnvironment.rowCount(a), GeneratedEnvironment.rowCount(b))
      switch (x, y) {
      case (nil, nil): return GeneratedEnvironment.modelID(a) < GeneratedEnvironment.modelID(b)
      case (nil, _): return false
      case (_, nil): return true
      case (let x?, let y?):
        return x != y ? x < y : GeneratedEnvironment.modelID(a) < GeneratedEnvironment.modelID(b)
      }
    }.map(GeneratedEnvironment.modelID)
    #expect(ids == expected)
  }

  @Test func queryUsageCountSortsByUniqueIDWhateverTheDirection() throws {
    let ids = try Self.walk(
      "models", arguments: ", sort: {field: queryUsageCount, direction: desc}", pageSize: 300)
    #expect(ids == (0..<GeneratedEnvironment.modelCount).map(GeneratedEnvironment.modelID).sorted())
  }

  @Test func filtersAgreeWithTheBruteForceSelection() throws {
    let all = Array(0..<GeneratedEnvironment.modelCount)
    let cases: [(String, (Int) -> Bool)] = [
      ("{tags: [\"five\"]}", { GeneratedEnvironment.tags($0).contains("five") }),
      ("{tags: [\"five\", \"even\"]}", { !GeneratedEnvironment.tags($0).isEmpty }),
      ("{schema: \"S1\"}", { GeneratedEnvironment.schema($0) == "s1" }),
      ("{access: private}", { GeneratedEnvironment.access($0) == "private" }),
      ("{group: \"finance\"}", { GeneratedEnvironment.group($0) == "finance" }),
      ("{lastRunStatus: error}", { GeneratedEnvironment.status($0) == "error" }),
      (
        "{lastRunStatus: skipped, schema: \"s0\"}",
        {
          GeneratedEnvironment.status($0) == "skipped" && GeneratedEnvironment.schema($0) == "s0"
        }
      ),
      ("{modelingLayer: \"staging\"}", { $0 % 4 == 0 }),
      ("{modelingLayer: \"marts\"}", { $0 % 4 >= 2 }),
      ("{identifier: \"fct_2\"}", { $0 == 2 }),
      (
        "{uniqueIds: [\"model.big.stg_4\", \"model.big.int_5\", \"model.nope\", \"model.big.stg_4\"]}",
        { [4, 5].contains($0) }
      ),
      ("{packageName: \"other\"}", { _ in false }),
    ]
    for (filter, keep) in cases {
      let ids = try Self.walk("models", arguments: ", filter: \(filter)", pageSize: 200)
      let expected = all.filter(keep).map(GeneratedEnvironment.modelID).sorted()
      #expect(ids == expected, "filter \(filter)")
      let total = try GeneratedEnvironment.run(
        "{ environment(id: 1) { applied { models(first: 1, filter: \(filter)) { totalCount } } } }")
      #expect(
        total.data?["environment"]?["applied"]?["models"]?["totalCount"]?.intValue
          == expected.count, "totalCount of \(filter)")
    }
  }

  @Test func testsFilterByStatusAndType() throws {
    let failing = try Self.walk("tests", arguments: ", filter: {status: \"fail\"}", pageSize: 500)
    let expected = (0..<GeneratedEnvironment.modelCount).filter { $0 % 17 == 0 }
      .map(GeneratedEnvironment.testID).sorted()
    #expect(failing == expected)
    let singular = try Self.walk(
      "tests", arguments: ", filter: {testTypes: [SINGULAR_DATA_TEST]}", pageSize: 500)
    #expect(singular.isEmpty)
  }

  /// The documented N+1 check: 500 models with parents, tests, catalog columns and
  /// execution info cost a small constant number of statements (counted by the store),
  /// the same for 50 models as for 500.
  @Test func fiveHundredModelsWithNestedListsRunAConstantNumberOfStatements() throws {
    // A store of its own on the generated file: the count is per store, and other tests
    // read the shared one concurrently.
    let api = try MetadataAPI(
      store: MetadataStore(path: try GeneratedEnvironment.api().store.path, create: false))
    func statements(first: Int) throws -> Int {
      let (result, statements) = api.countingStatements(
        """
        { environment(id: 1) { applied { models(first: \(first)) { edges { node {
          parents { uniqueId } tests { name } catalog { columns { name } }
          executionInfo { lastRunStatus } } } } } } }
        """)
      #expect(result.errors.isEmpty, "\(result.errors)")
      let edges = result.data?["environment"]?["applied"]?["models"]?["edges"]?.listValue ?? []
      #expect(edges.count == first)
      #expect(edges.allSatisfy { $0["node"]?["tests"]?.listValue?.count == 1 })
      return statements
    }
    // The first answer starts the build of the environment's applied state
    // (``AppliedStateCache``), once; the counts compare the answers after it is kept.
    _ = try statements(first: 50)
    api.waitForAppliedStateBuilds()
    let small = try statements(first: 50)
    let large = try statements(first: 500)
    #expect(large == small)
    #expect(large <= 16, "500 models ran \(large) statements")
  }
}

extension EnvironmentPaginationTests {
  /// Fields read from the manifest JSON (which node records leave out) load it for the
  /// whole request in one statement: 500 models and their parents cost what 50 do, and
  /// the values are the manifest's.
  @Test func manifestJSONFieldsLoadInOneStatementPerRequest() throws {
    let api = try MetadataAPI(
      store: MetadataStore(path: try GeneratedEnvironment.api().store.path, create: false))
    func run(first: Int) throws -> (statements: Int, edges: [JSONValue]) {
      let (result, statements) = api.countingStatements(
        """
        { environment(id: 1) { applied { models(first: \(first)) { edges { node {
          uniqueId rawCode config parents { uniqueId ... on ModelAppliedStateNestedNode {
            patchPath contractEnforced } } } } } } } }
        """)
      #expect(result.errors.isEmpty, "\(result.errors)")
      let edges = result.data?["environment"]?["applied"]?["models"]?["edges"]?.listValue ?? []
      return (statements, edges)
    }
    _ = try run(first: 50)  // starts the build of the applied state (see above)
    api.waitForAppliedStateBuilds()
    let small = try run(first: 50)
    let large = try run(first: 500)
    #expect(large.statements == small.statements)
    #expect(large.edges.count == 500)
    let definitions = try api.store.definitions(
      accountID: 1, runID: #require(try api.store.latestRunInfo(accountID: 1, environmentID: 1)).id,
      resourceType: "model")
    let byID = Dictionary(definitions.map { ($0.uniqueID, $0) }, uniquingKeysWith: { a, _ in a })
    for edge in large.edges.prefix(20) {
      let node = try #require(edge["node"])
      let uniqueID = try #require(node["uniqueId"]?.stringValue)
      let manifest = try JSONParser.parse(try #require(byID[uniqueID]).json)
      #expect(node["rawCode"] == manifest["raw_code"])
      #expect(node["config"] == manifest["config"])
    }
  }
}
