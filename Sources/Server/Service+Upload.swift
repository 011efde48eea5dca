import Artifacts
import Foundation
import GraphQL
import HTTP
import MetadataStore

/// `POST /api/v1/accounts/{id}/runs`: a job's artifacts in one multipart/form-data request,
/// ingested atomically as the `ingest` command does, answered with the run id and summary.
///
/// Form fields: `project_id`, `environment_id`, `job_id` (required), `run_id`,
/// `project_name`, `environment_name`, `job_name` (optional). Every part with a file name
/// is an artifact (manifest, run_results per step, sources, catalog: the reader tells the
/// kind from the content), plain or gzip-compressed (`dbt-metadata upload` compresses).
extension Service {
  func upload(_ request: HTTPRequest, accountID: Int) throws -> HTTPResponse {
    try Self.allow(request, ["POST"])
    let principal = try authenticate(request)
    let parts: [MultipartPart]
    do {
      parts = try MultipartFormData.parse(
        body: request.body, contentType: request.headers["Content-Type"])
    } catch {
      throw EndpointError.badRequest("\(error)")
    }
    var fields: [String: String] = [:]
    var files: [MultipartPart] = []
    for part in parts {
      if part.filename != nil {
        files.append(part)
      } else {
        fields[part.name] = String(decoding: part.body, as: UTF8.self)
      }
    }
    func optionalID(_ name: String) throws -> Int? {
      guard let text = fields[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
        return nil
      }
      guard let value = Int(text), value > 0 else {
        throw EndpointError.badRequest("`\(name)` must be a positive integer, found \"\(text)\".")
      }
      return value
    }
    func id(_ name: String) throws -> Int {
      guard let value = try optionalID(name) else {
        throw EndpointError.badRequest("The form needs the field `\(name)`.")
      }
      return value
    }
    let projectID = try id("project_id")
    let environmentID = try id("environment_id")
    let jobID = try id("job_id")
    try authorize(principal, .ingest, accountID: accountID, projectID: projectID)
    guard !files.isEmpty else {
      throw EndpointError.badRequest("The form has no artifact (a part with a file name).")
    }

    var ingest = IngestRequest(
      accountID: accountID, projectID: projectID, environmentID: environmentID, jobID: jobID,
      manifest: nil, runID: try optionalID("run_id"))
    ingest.projectName = fields["project_name"]
    ingest.environmentName = fields["environment_name"]
    ingest.jobName = fields["job_name"]
    // Every artifact, decompressed, counts against one budget: a form of many gzip
    // parts cannot make the server inflate more than one artifact's limit in all.
    var budget = configuration.maxArtifactBytes
    // A next run of the project maps only the definitions that changed (the ingest
    // checks the reused ones against the store in its transaction), and the transaction
    // reuses what the snapshot read while it is still current.
    let snapshot = try store.ingestSnapshot(projectID: projectID)
    let known = snapshot.knownDefinitions
    ingest.snapshot = snapshot
    for part in files {
      let name = part.filename ?? part.name
      var bytes = part.body
      if part.isGzip || Gzip.hasGzipMagic(bytes) {
        do {
          bytes = try Gzip.decompress(bytes, limit: budget)
        } catch .tooLarge {
          throw EndpointError(
            status: 413, code: "PAYLOAD_TOO_LARGE",
            message:
              "\(name): the artifacts decompress to more than \(configuration.maxArtifactBytes) bytes in all."
          )
        } catch {
          throw EndpointError.badRequest("\(name): \(error)")
        }
      }
      guard bytes.count <= budget else {
        throw EndpointError(
          status: 413, code: "PAYLOAD_TOO_LARGE",
          message:
            "\(name): the artifacts take more than \(configuration.maxArtifactBytes) bytes in all.")
      }
      budget -= bytes.count
      do {
        try ingest.add(ArtifactReader.read(bytes: bytes, name: name, known: known), file: name)
      } catch let error as StoreError {
        throw Self.endpointError(error)
      } catch {
        metrics.recordIngest(outcome: "refused")
        throw EndpointError(status: 422, code: "BAD_ARTIFACT", message: "\(error)")
      }
    }
    let summary: IngestSummary
    do {
      summary = try store.ingest(ingest)
    } catch {
      metrics.recordIngest(outcome: "failed")
      throw Self.endpointError(error)
    }
    metrics.recordIngest(outcome: summary.outcome.rawValue)
    var response = HTTPResponse.json(
      ["data": Self.json(summary)], status: summary.outcome == .unchanged ? .ok : .created)
    response.logAnnotations["token"] = "\(principal.tokenID)"
    return response
  }

  /// An ingest summary as the upload answers it (the keys of `ingest --json`).
  static func json(_ summary: IngestSummary) -> GraphQL.JSONValue {
    func counts(_ map: [String: Int]) -> GraphQL.JSONValue {
      .object(GraphQL.JSONObject(map.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
    }
    return [
      "run_id": .int(summary.runID), "outcome": .string(summary.outcome.rawValue),
      "nodes": counts(summary.nodesByType), "new_definitions": .int(summary.newDefinitions),
      "recognised_definitions": .int(summary.recognisedDefinitions),
      "manifest_unchanged": .bool(summary.reusedManifestVersion),
      "executions": counts(summary.executionsByStatus),
      "non_executing_results": .int(summary.nonExecutingResults),
      "freshness": counts(summary.freshnessByStatus),
      "catalog": [
        "tables": .int(summary.catalogTables), "columns": .int(summary.catalogColumns),
      ],
      "warnings": .list(summary.warnings.map { .string("\($0)") }),
    ]
  }
}
