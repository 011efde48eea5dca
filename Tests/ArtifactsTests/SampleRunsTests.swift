import Foundation
import Testing

@testable import Artifacts

/// The artifacts under `sample-runs/` (written by real dbt, see sample-runs/README.md) stay
/// in step with the reader: every run folder holds exactly the files its `run.json` lists,
/// every file parses, and what the reader sees matches the timeline the README describes
/// (expected counts computed independently with python3's json and collections.Counter).
@Suite struct SampleRunsTests {
  /// One run folder and its parsed `run.json`.
  struct SampleRun {
    let folder: String
    let record: [String: Any]

    var runID: Int? { record["run_id"] as? Int }
    var jobID: Int? { record["job_id"] as? Int }
    var steps: [[String: Any]] { record["steps"] as? [[String: Any]] ?? [] }

    /// Every artifact path the steps list, relative to the run folder.
    var listedArtifacts: [String] { steps.flatMap { $0["artifacts"] as? [String] ?? [] } }

    func path(_ relative: String) -> String { folder + "/" + relative }
  }

  /// The repository root: three levels up from Tests/ArtifactsTests/<file>.
  static let samplesRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path + "/sample-runs"
  }()

  /// Every folder under `sample-runs/runs` and `sample-runs/versions` that has a run.json.
  static func allRuns() throws -> [SampleRun] {
    var runs: [SampleRun] = []
    for area in ["runs", "versions"] {
      let base = samplesRoot + "/" + area
      guard let walker = FileManager.default.enumerator(atPath: base) else { continue }
      while let next = walker.nextObject() as? String {
        guard next == "run.json" || next.hasSuffix("/run.json") else { continue }
        let file = base + "/" + next
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let record = try #require(
          try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(file) is not an object"
        )
        runs.append(SampleRun(folder: (file as NSString).deletingLastPathComponent, record: record))
      }
    }
    return runs.sorted { ($0.runID ?? 0) < ($1.runID ?? 0) }
  }

  static func run(_ id: Int) throws -> SampleRun {
    try #require(try allRuns().first { $0.runID == id }, "no run \(id) under \(samplesRoot)")
  }

  /// The artifact of a step (e.g. "build", "run_results.json") of a run.
  static func artifact(_ run: SampleRun, step: String, file: String) throws -> String {
    let relative = try #require(
      run.listedArtifacts.first { $0.hasSuffix("-\(step)/\(file)") },
      "run \(run.runID ?? 0) has no \(step)/\(file)")
    return run.path(relative)
  }

  @Test func thereIsATimelineAndOlderVersions() throws {
    let runs = try Self.allRuns()
    let timeline = runs.filter { $0.folder.contains("/sample-runs/runs/") }
    let versions = runs.filter { $0.folder.contains("/sample-runs/versions/") }
    #expect(timeline.count >= 12)
    #expect(versions.count >= 3)
    // Two environments, jobs in both, run ids unique.
    #expect(Set(timeline.compactMap { $0.record["environment_id"] as? Int }) == [1, 2])
    #expect(Set(timeline.compactMap(\.jobID)) == [101, 102, 103, 201])
    #expect(Set(runs.compactMap(\.runID)).count == runs.count)
  }

  @Test func everyRunFolderHoldsExactlyTheArtifactsItsRunJSONLists() throws {
    let fileManager = FileManager.default
    for run in try Self.allRuns() {
      for key in ["account_id", "project_id", "environment_id", "job_id", "run_id", "run_number"] {
        #expect(run.record[key] is Int, "\(run.folder)/run.json: \(key)")
      }
      for key in [
        "environment_name", "job_name", "status", "started_at", "finished_at", "dbt_version",
      ] {
        #expect(run.record[key] is String, "\(run.folder)/run.json: \(key)")
      }
      #expect(!run.steps.isEmpty, "\(run.folder) has no steps")
      for (offset, step) in run.steps.enumerated() {
        #expect(step["index"] as? Int == offset + 1, "\(run.folder) step \(offset)")
        let name = try #require(step["name"] as? String, "\(run.folder) step \(offset) has no name")
        for relative in step["artifacts"] as? [String] ?? [] {
          #expect(relative.hasPrefix(String(format: "%02d-%@/", offset + 1, name)), "\(relative)")
          #expect(
            fileManager.fileExists(atPath: run.path(relative)), "\(run.folder): missing \(relative)"
          )
        }
      }
      // Conversely, no artifact on disk that run.json does not list.
      let listed = Set(run.listedArtifacts)
      guard let walker = fileManager.enumerator(atPath: run.folder) else {
        Issue.record("cannot list \(run.folder)")
        continue
      }
      while let next = walker.nextObject() as? String {
        guard next.hasSuffix(".json"), next != "run.json" else { continue }
        #expect(listed.contains(next), "\(run.folder): \(next) is not listed in run.json")
      }
    }
  }

  @Test func everyListedArtifactParsesAndNamesItsRun() throws {
    let kinds: [String: ArtifactKind] = [
      "manifest.json": .manifest, "run_results.json": .runResults, "sources.json": .sources,
      "catalog.json": .catalog,
    ]
    var parsed = 0
    for run in try Self.allRuns() {
      for relative in run.listedArtifacts {
        let fileName = (relative as NSString).lastPathComponent
        let kind = try #require(kinds[fileName], "\(relative): not an artifact name")
        let artifact = try ArtifactReader.read(file: run.path(relative), expecting: kind)
        #expect(artifact.header.dbtVersion == run.record["dbt_version"] as? String, "\(relative)")
        // The generator exports DBT_ENV_CUSTOM_ENV_DBT_CLOUD_*; dbt copies them into metadata.env.
        #expect(
          artifact.header.env["DBT_CLOUD_RUN_ID"] == run.runID.map(String.init), "\(relative)")
        #expect(
          artifact.header.env["DBT_CLOUD_JOB_ID"] == run.jobID.map(String.init), "\(relative)")
        #expect(artifact.header.invocationID?.isEmpty == false, "\(relative)")
        parsed += 1
      }
    }
    #expect(parsed >= 80)
  }

  @Test func runResultsSayWhichStepWroteThem() throws {
    let steps: [String: RunStep] = ["build": .build, "test": .test, "docs-generate": .generate]
    for run in try Self.allRuns() {
      for step in run.steps {
        guard let name = step["name"] as? String, let expected = steps[name] else { continue }
        let file = try Self.artifact(run, step: name, file: "run_results.json")
        let results = try ArtifactReader.readRunResults(file: file)
        #expect(results.step == expected, "\(file)")
        #expect(!results.results.isEmpty, "\(file)")
      }
    }
  }

  @Test func olderReleasesWriteOlderSchemaVersions() throws {
    // dbt release -> (manifest, run-results) versions, reference/dbt-artifacts.md section 1.
    let expected: [String: (Int, Int)] = [
      "1.5": (9, 4), "1.7": (11, 5), "1.10": (12, 6), "1.11": (12, 6),
    ]
    var seen: Set<String> = []
    for run in try Self.allRuns() {
      let version = try #require(run.record["dbt_version"] as? String)
      let minor = version.split(separator: ".").prefix(2).joined(separator: ".")
      let (manifestVersion, resultsVersion) = try #require(
        expected[minor], "unexpected dbt \(version)")
      let buildOrTest = run.steps.first { ["build", "test"].contains($0["name"] as? String ?? "") }
      let stepName = try #require(
        buildOrTest?["name"] as? String, "\(run.folder) has no build or test step")
      let manifest = try ArtifactReader.readHeader(
        file: Self.artifact(run, step: stepName, file: "manifest.json"))
      #expect(
        manifest.kind == .manifest && manifest.schemaVersion == manifestVersion, "\(run.folder)")
      #expect(manifest.adapterType == "duckdb")
      let results = try ArtifactReader.readHeader(
        file: Self.artifact(run, step: stepName, file: "run_results.json"))
      #expect(
        results.kind == .runResults && results.schemaVersion == resultsVersion, "\(run.folder)")
      seen.insert(minor)
    }
    #expect(seen == ["1.5", "1.7", "1.10", "1.11"])
  }

  @Test func stripeFreshnessGoesPassWarnErrorPass() throws {
    let nightly = try Self.allRuns().filter { $0.jobID == 101 }
    var statuses: [String] = []
    for run in nightly {
      let freshness = try ArtifactReader.readSources(
        file: Self.artifact(run, step: "source-freshness", file: "sources.json"))
      let payments = freshness.results.first { $0.uniqueID == "source.shop.stripe.payments" }
      statuses.append(payments?.status ?? "missing")
      // Tables without a freshness policy (products, events) are not checked.
      #expect(freshness.results.count == 4)
    }
    #expect(statuses == ["pass", "pass", "warn", "error", "pass", "pass", "pass", "pass"])
  }

  @Test func aFailingTestSkipsEverythingDownstream() throws {
    let run = try Self.run(1007)
    let results = try ArtifactReader.readRunResults(
      file: Self.artifact(run, step: "build", file: "run_results.json"))
    #expect(
      results.countsByStatus == [
        "success": 19, "pass": 48, "warn": 2, "no-op": 1, "fail": 1, "skipped": 17,
      ])
    let failed = results.results.filter { $0.status == "fail" }.map(\.uniqueID)
    #expect(failed.count == 1)
    #expect(failed.first?.hasPrefix("test.shop.accepted_values_fct_orders_status") == true)
    let skippedModels = results.results.filter {
      $0.status == "skipped" && $0.resourceType == .model
    }
    #expect(
      Set(skippedModels.map(\.uniqueID)) == [
        "model.shop.customer_lifetime_value", "model.shop.daily_revenue",
        "model.shop.dim_customers.v2",
        "model.shop.fct_refunds",
      ])
    #expect(run.record["status"] as? String == "error")

    let freshness = try ArtifactReader.readSources(
      file: Self.artifact(run, step: "source-freshness", file: "sources.json"))
    #expect(freshness.countsByStatus == ["pass": 3, "error": 1])
  }

  @Test func aModelErrorSkipsItsDownstreamModels() throws {
    let run = try Self.run(1010)
    let results = try ArtifactReader.readRunResults(
      file: Self.artifact(run, step: "build", file: "run_results.json"))
    #expect(
      results.countsByStatus == ["success": 19, "pass": 50, "error": 1, "skipped": 17, "no-op": 1])
    let error = try #require(results.results.first { $0.status == "error" })
    #expect(error.uniqueID == "model.shop.stg_payments")
    #expect(error.message?.contains(#"Referenced column "amount" not found"#) == true)
    // Unlike older releases (empty timing for errors), 1.11 keeps compile and execute timing.
    #expect(error.timing.map(\.name) == ["compile", "execute"])
    let skippedModels = results.results.filter {
      $0.status == "skipped" && $0.resourceType == .model
    }
    #expect(
      Set(skippedModels.map(\.uniqueID)) == [
        "model.shop.customer_lifetime_value", "model.shop.fct_payments", "model.shop.fct_refunds",
      ])
  }

  @Test func theTestOnlyJobReportsOnlyTests() throws {
    let run = try Self.run(1008)
    #expect(run.steps.count == 1)
    let results = try ArtifactReader.readRunResults(
      file: Self.artifact(run, step: "test", file: "run_results.json"))
    #expect(results.step == .test)
    #expect(results.countsByStatus == ["pass": 59, "fail": 2, "warn": 2])
    #expect(results.results.allSatisfy { $0.resourceType == .test || $0.resourceType == .unitTest })
  }

  @Test func aTestKeepsItsIDFromFailureToFix() throws {
    let id =
      "test.shop.relationships_fct_orders_customer_id__customer_id__ref_dim_customers_.d5636051d4"
    var history: [Int: String] = [:]
    for run in try Self.allRuns() where run.record["environment_id"] as? Int == 1 {
      guard let runID = run.runID,
        let step = run.steps.first(where: {
          ["build", "test"].contains($0["name"] as? String ?? "")
        }),
        let name = step["name"] as? String
      else { continue }
      let results = try ArtifactReader.readRunResults(
        file: Self.artifact(run, step: name, file: "run_results.json"))
      history[runID] = results.results.first { $0.uniqueID == id }?.status
    }
    #expect(history[1006] == "pass")
    #expect(history[1007] == "skipped")
    #expect(history[1008] == "fail")
    #expect(history[1010] == "pass")
    #expect(history[1016] == "pass")
  }

  @Test func modelsAreAddedAndRemovedOverTime() throws {
    var history: [(refunds: Bool, productPerformance: Bool)] = []
    for run in try Self.allRuns().filter({ $0.jobID == 101 }) {
      let manifest = try ArtifactReader.readManifest(
        file: Self.artifact(run, step: "build", file: "manifest.json"))
      let models = Set(manifest.nodes(ofType: .model).map(\.uniqueID))
      history.append(
        (
          models.contains("model.shop.fct_refunds"),
          models.contains("model.shop.product_performance")
        ))
      // The versioned model keeps both versions; v2 is the latest.
      let customers = manifest.nodes(ofType: .model).filter { $0.name == "dim_customers" }
      #expect(Set(customers.compactMap(\.version)) == ["1", "2"])
      #expect(customers.allSatisfy { $0.latestVersion == "2" && $0.access == "public" })
    }
    #expect(history.map(\.refunds) == [false, false, true, true, true, true, true, true])
    #expect(
      history.map(\.productPerformance) == [true, true, true, true, true, true, false, false])
  }

  @Test func docsGenerateWritesACatalogOfTheWarehouse() throws {
    let run = try Self.run(1002)
    let catalog = try ArtifactReader.readCatalog(
      file: Self.artifact(run, step: "docs-generate", file: "catalog.json"))
    // 19 materialized models (2 of 21 are ephemeral), 2 seeds, 1 snapshot; 6 source tables.
    #expect(catalog.nodes.count == 22)
    #expect(catalog.sources.count == 6)
    let orders = try #require(catalog.nodes.first { $0.uniqueID == "model.shop.fct_orders" })
    #expect(orders.type == "BASE TABLE")
    #expect(orders.database == "prod")
    #expect(orders.schema == "analytics_marts")
    #expect(orders.columns.first?.name == "order_id")
  }
}
