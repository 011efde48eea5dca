import SQLite
import Testing

@testable import MetadataStore

/// The read queries the API leans on are index lookups, never table scans: checked with
/// `EXPLAIN QUERY PLAN` on a database holding a few runs.
/// <https://www.sqlite.org/eqp.html>
@Suite struct QueryPlanTests {
  static let queries: [(name: String, sql: String, index: String)] = [
    ("executionHistory", MetadataStore.executionHistorySQL, "execution_by_node"),
    ("freshnessHistory", MetadataStore.freshnessHistorySQL, "freshness_by_node"),
    ("runExecution", MetadataStore.runExecutionSQL, "execution_by_run"),
    ("parents", MetadataStore.parentsSQL, "sqlite_autoindex_node_1"),
    ("children", MetadataStore.childrenSQL, "lineage_edge_by_parent"),
    ("definition", MetadataStore.definitionSQL, "sqlite_autoindex_definition_1"),
    ("appliedState", MetadataStore.appliedStateSQL, "PRIMARY KEY"),
  ]

  @Test(arguments: QueryPlanTests.queries.map { $0.name })
  func queryUsesAnIndex(name: String) throws {
    let query = try #require(Self.queries.first { $0.name == name })
    let plan = try TemporaryDatabase.queryPlan(of: query.sql)
    #expect(!plan.isEmpty)
    for step in plan {
      #expect(!step.hasPrefix("SCAN "), "\(name): \(step)")
    }
    #expect(plan.contains { $0.contains(query.index) }, "\(name): \(plan)")
  }
}
