import Foundation
import HTTP

/// `dbt-metadata upload`: the client side for a dbt job that runs elsewhere. Sends the
/// target folder's artifacts, gzip-compressed, to a running service's upload endpoint,
/// retrying a refused connection or a 503 with backoff, and prints the summary.
///
/// After `dbt build` in a job:
/// ```sh
/// dbt-metadata upload --url https://metadata.example.com --account 1 --project 1 \
///   --environment 1 --job 101 --target target
/// ```
enum UploadCommand: Command {
  static let name = "upload"
  static let summary = "Send a dbt target folder's artifacts to a running service"
  static let usage = """
    usage: dbt-metadata upload --url URL --account ID --project ID --environment ID --job ID
                               --target DIR [--run-id N] [--job-name NAME]
                               [--environment-name NAME] [--retries N] [--json]

    Sends manifest.json, run_results.json, sources.json and catalog.json (those present in
    DIR) gzip-compressed to URL/api/v1/accounts/ID/runs, where the service ingests them as
    one run. The token (an Account Admin service token) comes from DBT_METADATA_TOKEN.
    A refused connection, a timeout or a 503 is retried with backoff (1 s, 2 s, 4 s...).

    options:
      --url URL        the service, e.g. http://127.0.0.1:8080
      --account ID, --project ID, --environment ID, --job ID   where the run belongs
      --target DIR     the dbt target folder holding the artifacts
      --run-id N       the run id (default: the service picks)
      --job-name NAME, --environment-name NAME   names to store
      --retries N      attempts after the first (default 4)
      --json           print the service's JSON answer

    exit codes: 0 stored (or already stored), 1 failure, 64 usage error

    """

  /// The artifact files a dbt target folder may hold, in the order they are sent.
  static let artifactFiles = ["manifest.json", "run_results.json", "sources.json", "catalog.json"]

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let url = try arguments.required("--url")
    let account = try arguments.requiredInt("--account")
    var fields: [(String, String)] = [
      ("project_id", String(try arguments.requiredInt("--project"))),
      ("environment_id", String(try arguments.requiredInt("--environment"))),
      ("job_id", String(try arguments.requiredInt("--job"))),
    ]
    let target = try arguments.required("--target")
    if let runID = try arguments.int("--run-id") { fields.append(("run_id", String(runID))) }
    if let name = try arguments.option("--job-name") { fields.append(("job_name", name)) }
    if let name = try arguments.option("--environment-name") {
      fields.append(("environment_name", name))
    }
    let retries = try arguments.int("--retries") ?? 4
    let json = arguments.flag("--json")
    try arguments.finish()
    guard retries >= 0 else { throw UsageError("--retries expects 0 or more, found \(retries)") }
    guard let token = output.environment[AccessContext.tokenVariable], !token.isEmpty else {
      throw UploadFailure(
        message: "no token: set \(AccessContext.tokenVariable) to an Account Admin service token")
    }

    var parts = fields.map { name, value in
      MultipartPart(
        name: name, filename: nil, contentType: nil, headers: [:], body: Array(value.utf8))
    }
    for file in artifactFiles {
      let path = (target as NSString).appendingPathComponent(file)
      guard FileManager.default.fileExists(atPath: path) else { continue }
      guard let data = FileManager.default.contents(atPath: path) else {
        throw UploadFailure(message: "\(path): cannot read the file")
      }
      parts.append(
        MultipartPart(
          name: "artifact", filename: file + ".gz", contentType: "application/gzip",
          headers: [:], body: try Gzip.compress(Array(data))))
    }
    guard parts.count > fields.count else {
      throw UploadFailure(
        message: "\(target): no artifact (\(artifactFiles.joined(separator: ", ")))")
    }
    let form = MultipartFormData.encode(parts)
    let client = try HTTPClient(url: url)
    let response = try send(
      client, path: "/api/v1/accounts/\(account)/runs",
      headers: ["Authorization": "Bearer \(token)", "Content-Type": form.contentType],
      body: form.body, retries: retries, output: output)
    let text = String(decoding: response.body, as: UTF8.self)
    guard (200..<300).contains(response.status.code) else {
      throw UploadFailure(message: "the service answered \(response.status): \(errorMessage(text))")
    }
    output.write(json ? text + "\n" : summary(text))
    return ExitCode.success
  }

  /// Sends the request, retrying what may succeed later with exponential backoff.
  static func send(
    _ client: HTTPClient, path: String, headers: HTTPHeaders, body: [UInt8], retries: Int,
    output: CommandOutput
  ) throws -> HTTPResponse {
    var attempt = 0
    while true {
      let delay = 1 << min(attempt, 5)
      let result = Result { () throws(HTTPClientError) -> HTTPResponse in
        try client.send(.post, path, headers: headers, body: body)
      }
      switch result {
      case .success(let response):
        guard response.status.code == 503, attempt < retries else { return response }
        output.error("the service answered 503; trying again in \(delay) s\n")
      case .failure(let error):
        guard error.isRetryable, attempt < retries else { throw error }
        output.error("\(error); trying again in \(delay) s\n")
      }
      Thread.sleep(forTimeInterval: Double(delay))
      attempt += 1
    }
  }

  /// The message of a GraphQL-shaped error body, else the body.
  static func errorMessage(_ text: String) -> String {
    let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    let errors = object?["errors"] as? [[String: Any]]
    return errors?.compactMap { $0["message"] as? String }.joined(separator: "; ") ?? text
  }

  /// One line per figure of the service's summary.
  static func summary(_ text: String) -> String {
    let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    guard let data = object?["data"] as? [String: Any] else { return text + "\n" }
    var lines = ["run \(data["run_id"] ?? "?"): \(data["outcome"] ?? "?")"]
    for key in ["nodes", "executions", "freshness"] {
      if let counts = data[key] as? [String: Any], !counts.isEmpty {
        let listed = counts.keys.sorted().map { "\($0) \(counts[$0] ?? 0)" }
        lines.append("\(key): " + listed.joined(separator: ", "))
      }
    }
    for warning in data["warnings"] as? [String] ?? [] { lines.append("warning: \(warning)") }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// A failure of the upload command (exit 1).
struct UploadFailure: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
