import SQLite
import Testing

@testable import MetadataStore

/// The environment reads (pages of nodes, batched relatives) are index lookups: the only
/// scans allowed are of `json_each` (the bound id lists and tag arrays), of the
/// recursive ancestors table and of a page's own narrow rows (the `page` CTE and the
/// window subquery that numbers them), never of a stored table.
/// <https://www.sqlite.org/eqp.html>
@Suite struct EnvironmentQueryPlanTests {
  static var queries: [(name: String, sql: String)] {
    var all: [(String, String)] = [
      ("parents", MetadataStore.parentsOfNodesSQL),
      ("children", MetadataStore.childrenOfNodesSQL),
      ("tests", MetadataStore.testsOfNodesSQL),
      ("ancestors", MetadataStore.ancestorsOfNodesSQL),
    ]
    for sort in [EnvironmentNodeQuery.Sort.uniqueID, .executeCompletedAt, .rowCount] {
      var query = EnvironmentNodeQuery(resourceTypes: ["model"])
      query.sort = sort
      let sql = EnvironmentNodeSQL(query: query)
      all.append(("page by \(sort.rawValue)", sql.pageText))
      all.append(("count by \(sort.rawValue)", sql.countText))
      query.database = "db"
      let filtered = EnvironmentNodeSQL(query: query)
      all.append(("filtered page by \(sort.rawValue)", filtered.pageText))
      all.append(("filtered count by \(sort.rawValue)", filtered.countText))
    }
    return all
  }

  @Test(arguments: EnvironmentQueryPlanTests.queries.map { $0.name })
  func queryScansNoStoredTable(name: String) throws {
    let query = try #require(Self.queries.first { $0.name == name })
    let plan = try TemporaryDatabase.queryPlan(of: query.sql)
    #expect(!plan.isEmpty)
    for step in plan where step.hasPrefix("SCAN ") {
      let allowed =
        step.contains("VIRTUAL TABLE") || step.hasPrefix("SCAN upstream")
        || step == "SCAN page" || step.hasPrefix("SCAN (subquery-")
      #expect(allowed, "\(name): \(step) in \(plan)")
    }
  }
}
