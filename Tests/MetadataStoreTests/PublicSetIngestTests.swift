import Artifacts
import Foundation
import Testing

@testable import MetadataStore

/// Every real artifact set under `shared/artifacts/public/` ingests, and what is stored
/// matches counts computed here straight from the JSON (with Foundation, not the
/// Artifacts module).
@Suite struct PublicSetIngestTests {
  @Test func everyPublicSetIngestsAsOneRun() throws {
    let sets = try Fixtures.publicSets()
    #expect(sets.count >= 40)
    let database = try TemporaryDatabase()
    let store = try database.open()
    for (index, set) in sets.enumerated() {
      // One job per set, so runs with equal manifests in different folders stay apart.
      let summary = try store.ingest(Fixtures.request(set, job: index + 1))
      #expect(summary.outcome == .created, "\(set)")
      #expect(summary.runID == index + 1, "\(set)")
    }
    #expect(try store.allRuns().count == sets.count)
    #expect(try database.count("run") == sets.count)
  }

  static let countedSets = [
    "fivetran-hubspot/v1_dbt0.19.1", "tuva/v2_dbt0.20.0", "tuva/v3_dbt0.21.0",
    "diy9-dbt/target", "fivetran-hubspot/v4_dbt1.0.0", "fivetran-ad-reporting/v7_dbt1.3.0",
    "tuva/v11_dbt1.7.8", "fivetran-hubspot/v12_dbt1.8.3", "ticketswap-tap-dbt-artifacts/target",
    "openlineage/fail/target", "dbt-core/state/v12",
  ]

  @Test(arguments: countedSets)
  func storedCountsMatchTheJSON(folder: String) throws {
    let set = try Fixtures.set(folder)
    let database = try TemporaryDatabase()
    let store = try database.open()
    let summary = try store.ingest(Fixtures.request(set))
    let expected = try IndependentCounts(set)
    #expect(!expected.nodesByType.isEmpty)
    #expect(set.runResults.isEmpty || !expected.resultsByStatus.isEmpty)

    let nodes = try database.counts(
      """
      SELECT d.resource_type, count(*) FROM run r
      JOIN manifest_member m ON m.manifest_version_id = r.manifest_version_id
      JOIN definition d ON d.id = m.definition_id WHERE r.id = ? GROUP BY 1
      """, [.integer(Int64(summary.runID))])
    #expect(nodes == expected.nodesByType)
    #expect(summary.nodesByType == expected.nodesByType)
    #expect(nodes["source", default: 0] == expected.nodesByType["source", default: 0])
    #expect(nodes["test", default: 0] == expected.nodesByType["test", default: 0])

    let executions = try database.counts(
      "SELECT coalesce(status, 'null'), count(*) FROM execution WHERE run_id = ? GROUP BY 1",
      [.integer(Int64(summary.runID))])
    #expect(executions == expected.resultsByStatus)

    let freshness = try database.counts(
      "SELECT status, count(*) FROM freshness_result WHERE run_id = ? GROUP BY 1",
      [.integer(Int64(summary.runID))])
    #expect(freshness == expected.freshnessByStatus)

    let columns = try database.count(
      """
      SELECT coalesce(sum(s.column_count), 0) FROM catalog_entry c
      JOIN catalog_column_set s ON s.id = c.column_set_id WHERE c.run_id = ?
      """, [.integer(Int64(summary.runID))])
    #expect(columns == expected.catalogColumns)
    #expect(try database.count("catalog_entry") == expected.catalogTables)
  }
}
