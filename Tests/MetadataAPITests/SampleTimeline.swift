import Foundation

/// The sample-runs timeline read straight from the JSON files (`sample-runs/runs/*/*`),
/// independent of the ingester and the store: what the performance and history suites
/// compute their expected answers from by brute force.
struct SampleTimeline: @unchecked Sendable {
  /// One result of a step that executes nodes (not `docs generate`).
  struct Result {
    let runID: Int
    let jobID: Int
    let environmentID: Int
    /// The UTC day of the run.
    let day: String
    let uniqueID: String
    let status: String
    let executionTime: Double?
    let failures: Int?
    /// For tests: the tested node in that run's manifest (`attached_node`, else the first
    /// parent), as the ingester records it.
    let testedUniqueID: String?
  }

  /// One freshness result of a run's `sources.json`.
  struct Freshness {
    let runID: Int
    let jobID: Int
    let environmentID: Int
    let uniqueID: String
    let status: String
    let maxLoadedAt: String?
  }

  let results: [Result]
  let freshness: [Freshness]
  /// Job names by id.
  let jobNames: [Int: String]

  static let loaded: Swift.Result<SampleTimeline, any Error> = Swift.Result { try load() }

  static func get() throws -> SampleTimeline { try loaded.get() }

  private static func object(_ url: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
  }

  private static func load() throws -> SampleTimeline {
    let runs = SampleDatabase.repository.appendingPathComponent("sample-runs/runs")
    let files = FileManager.default
    var results: [Result] = []
    var freshness: [Freshness] = []
    var jobNames: [Int: String] = [:]
    for job in try files.contentsOfDirectory(atPath: runs.path).sorted() {
      let jobFolder = runs.appendingPathComponent(job)
      for run in try files.contentsOfDirectory(atPath: jobFolder.path).sorted() {
        let folder = jobFolder.appendingPathComponent(run)
        let info = try object(folder.appendingPathComponent("run.json"))
        let runID = info["run_id"] as? Int ?? 0
        let jobID = info["job_id"] as? Int ?? 0
        let environmentID = info["environment_id"] as? Int ?? 0
        jobNames[jobID] = info["job_name"] as? String
        let day = String((info["started_at"] as? String ?? "").prefix(10))
        var attached: [String: String] = [:]
        for step in try files.contentsOfDirectory(atPath: folder.path) {
          let manifest = folder.appendingPathComponent("\(step)/manifest.json")
          guard files.fileExists(atPath: manifest.path) else { continue }
          let nodes = try object(manifest)["nodes"] as? [String: [String: Any]] ?? [:]
          for (id, node) in nodes where node["resource_type"] as? String == "test" {
            let parents = (node["depends_on"] as? [String: Any])?["nodes"] as? [String] ?? []
            attached[id] = node["attached_node"] as? String ?? parents.first
          }
        }
        for step in try files.contentsOfDirectory(atPath: folder.path).sorted() {
          let stepFolder = folder.appendingPathComponent(step)
          let runResults = stepFolder.appendingPathComponent("run_results.json")
          if files.fileExists(atPath: runResults.path) {
            let json = try object(runResults)
            guard (json["args"] as? [String: Any])?["which"] as? String != "generate" else {
              continue
            }
            for result in json["results"] as? [[String: Any]] ?? [] {
              let id = result["unique_id"] as? String ?? ""
              results.append(
                Result(
                  runID: runID, jobID: jobID, environmentID: environmentID, day: day,
                  uniqueID: id, status: result["status"] as? String ?? "",
                  executionTime: result["execution_time"] as? Double,
                  failures: result["failures"] as? Int, testedUniqueID: attached[id]))
            }
          }
          let sources = stepFolder.appendingPathComponent("sources.json")
          if files.fileExists(atPath: sources.path) {
            for result in try object(sources)["results"] as? [[String: Any]] ?? [] {
              freshness.append(
                Freshness(
                  runID: runID, jobID: jobID, environmentID: environmentID,
                  uniqueID: result["unique_id"] as? String ?? "",
                  status: result["status"] as? String ?? "",
                  maxLoadedAt: result["max_loaded_at"] as? String))
            }
          }
        }
      }
    }
    return SampleTimeline(results: results, freshness: freshness, jobNames: jobNames)
  }

  /// Model executions (not skipped) of an environment in a window of days.
  func modelExecutions(environment: Int, from start: String, to end: String) -> [Result] {
    results.filter {
      $0.environmentID == environment && $0.uniqueID.hasPrefix("model.") && $0.status != "skipped"
        && $0.day >= start && $0.day <= end
    }
  }
}
