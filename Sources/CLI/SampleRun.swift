import Artifacts
import Foundation
import MetadataStore

/// One job run under `sample-runs/`: its `run.json` (ids, names, steps) and the artifacts
/// the steps wrote, as the generator in `sample-runs/generate` lays them out.
///
/// `run.json` carries what dbt Cloud knows about a run and dbt does not (account, project,
/// environment, job, run id); see `sample-runs/README.md` for its fields.
struct SampleRun {
  /// The folder holding `run.json`.
  let folder: String
  let accountID: Int
  let projectID: Int
  let environmentID: Int
  let environmentName: String?
  let jobID: Int
  let jobName: String?
  let runID: Int
  /// Artifact paths in step order, absolute.
  let artifacts: [String]

  /// Reads `folder/run.json`; a missing file, bad JSON or a missing or mistyped field is
  /// an ``IngestFailure`` naming the file and the field.
  init(folder: String) throws {
    let file = (folder as NSString).appendingPathComponent("run.json")
    guard let data = FileManager.default.contents(atPath: file) else {
      throw IngestFailure(message: "\(file): cannot read the file")
    }
    let parsed: Any
    do {
      parsed = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw IngestFailure(message: "\(file): invalid JSON (\(error.localizedDescription))")
    }
    guard let object = parsed as? [String: Any] else {
      throw IngestFailure(message: "\(file): expected a JSON object at $")
    }
    func integer(_ key: String) throws -> Int {
      guard let value = object[key] as? Int else {
        throw IngestFailure(message: "\(file): expected an integer at $.\(key)")
      }
      return value
    }
    guard let steps = object["steps"] as? [[String: Any]] else {
      throw IngestFailure(message: "\(file): expected an array of objects at $.steps")
    }
    var artifacts: [String] = []
    for (index, step) in steps.enumerated() {
      guard let paths = step["artifacts"] as? [String] else {
        throw IngestFailure(
          message: "\(file): expected an array of strings at $.steps[\(index)].artifacts")
      }
      artifacts += paths.map { (folder as NSString).appendingPathComponent($0) }
    }
    self.folder = folder
    accountID = try integer("account_id")
    projectID = try integer("project_id")
    environmentID = try integer("environment_id")
    environmentName = object["environment_name"] as? String
    jobID = try integer("job_id")
    jobName = object["job_name"] as? String
    runID = try integer("run_id")
    self.artifacts = artifacts
  }

  /// Every run folder (one holding `run.json`) below `root`, ordered by run id, so that
  /// runs are stored in the order they happened.
  static func all(under root: String) throws -> [SampleRun] {
    guard let walker = FileManager.default.enumerator(atPath: root) else {
      throw IngestFailure(message: "\(root): no such directory")
    }
    var runs: [SampleRun] = []
    while let relative = walker.nextObject() as? String {
      guard (relative as NSString).lastPathComponent == "run.json" else { continue }
      let folder = (root as NSString).appendingPathComponent(
        (relative as NSString).deletingLastPathComponent)
      runs.append(try SampleRun(folder: folder))
    }
    return runs.sorted { $0.runID < $1.runID }
  }

  /// Reads every artifact (the reader decides each file's kind from its content) into an
  /// ingest request. A run with two manifests, sources or catalogs is refused.
  func request() throws -> IngestRequest {
    var request = IngestRequest(
      accountID: accountID, projectID: projectID, environmentID: environmentID, jobID: jobID,
      manifest: nil, runID: runID)
    for path in artifacts {
      try request.add(ArtifactReader.read(file: path), file: path)
    }
    request.environmentName = environmentName
    request.jobName = jobName
    return request
  }
}
