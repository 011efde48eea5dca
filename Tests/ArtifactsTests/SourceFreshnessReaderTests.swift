import Testing

@testable import Artifacts

/// sources.json: the real v1 and v3 files, plus inline documents for the runtime-error shape
/// (no public sample has one).
@Suite struct SourceFreshnessReaderTests {
  @Test func readsVersion1() throws {
    let freshness = try ArtifactReader.readSources(
      file: Fixtures.path("diy9-dbt/target/sources.json"))
    #expect(freshness.header.schemaVersion == 1)
    #expect(freshness.countsByStatus == ["warn": 1])
    let result = try #require(freshness.results.first)
    #expect(result.uniqueID == "source.jaffle_shop.jaffle_shop.orders")
    #expect(result.maxLoadedAt?.canonical == "2021-11-23T16:23:27.062923Z")
    #expect(result.snapshottedAt?.canonical == "2021-11-24T08:23:27.062923Z")
    #expect(result.maxLoadedAtTimeAgoInS == 57600)
    #expect(result.criteria?.warnAfter == FreshnessThreshold(count: 12, period: "hour"))
    #expect(result.criteria?.errorAfter == FreshnessThreshold(count: 24, period: "hour"))
    #expect(result.criteria?.filter == nil)
    #expect(result.timing.isEmpty)  // v1 has no timing
  }

  @Test func readsVersion3WithTimingAndUnsetThresholds() throws {
    let freshness = try ArtifactReader.readSources(
      file: Fixtures.path("ticketswap-tap-dbt-artifacts/target/sources.json"))
    #expect(freshness.header.schemaVersion == 3)
    let result = try #require(freshness.results.first)
    #expect(result.status == "pass")
    #expect(result.criteria?.errorAfter == nil)  // {"count": null, "period": null}
    #expect(result.timing.count == 2)
    #expect(result.threadID == "thread_id")
    #expect(result.executionTime == 2.1578261852264404)
    #expect(result.adapterResponse?.compactText == #"{"_message":"SUCCESS","rows_affected":-1}"#)
  }

  @Test func readsRuntimeErrorsAndEmptyResults() throws {
    let text = #"""
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/sources/v3.json", "dbt_version": "1.7.0",
       "generated_at": "2024-01-01T00:00:00Z", "invocation_id": "i", "env": {}},
       "results": [
        {"unique_id": "source.p.raw.a", "error": "Database Error\n  relation does not exist", "status": "runtime error"},
        {"unique_id": "source.p.raw.b", "max_loaded_at": "0001-01-01T00:00:00+00:00", "snapshotted_at": "2024-01-01T00:00:00+00:00",
         "max_loaded_at_time_ago_in_s": 63842140800.0, "status": "error",
         "criteria": {"warn_after": {"count": 1, "period": "day"}, "error_after": {"count": 2, "period": "day"}, "filter": "x > 1"},
         "adapter_response": {}, "timing": [], "thread_id": "Thread-2", "execution_time": 0.5}
       ], "elapsed_time": 1.5}
      """#
    guard
      case .sources(let freshness) = try ArtifactReader.read(
        bytes: Array(text.utf8), name: "s.json")
    else {
      Issue.record("not read as sources")
      return
    }
    #expect(freshness.countsByStatus == ["runtime error": 1, "error": 1])
    #expect(freshness.results[0].error?.contains("relation does not exist") == true)
    #expect(freshness.results[0].maxLoadedAt == nil)
    #expect(freshness.results[1].maxLoadedAt?.canonical == "0001-01-01T00:00:00.000000Z")
    #expect(freshness.results[1].criteria?.filter == "x > 1")
    #expect(freshness.elapsedTime == 1.5)

    let empty =
      #"{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/sources/v2.json"}, "results": [], "elapsed_time": 0}"#
    guard
      case .sources(let none) = try ArtifactReader.read(bytes: Array(empty.utf8), name: "e.json")
    else {
      Issue.record("not read as sources")
      return
    }
    #expect(none.results.isEmpty)
    #expect(none.header.schemaVersion == 2)
  }
}
