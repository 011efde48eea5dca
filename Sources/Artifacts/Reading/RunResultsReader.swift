/// Maps a run_results document (v0-v6) to ``RunResults``.
///
/// v1-v6 share one result shape (v2 adds `failures`, v5 `compiled_code`/`relation_name`).
/// v0 embeds the whole node under `node` and derives status from `error`/`skip`/`fail`/`warn`.
struct RunResultsReader {
  let header: ArtifactHeader

  func read(_ root: JSONValue) throws -> RunResults {
    var results: [RunResult] = []
    if let list = root.member("results") {
      guard list.kind == .array else { throw list.wrongType("a list of results") }
      results.reserveCapacity(list.count)
      for element in list.elements {
        results.append(try readResult(element))
      }
    }
    let args = root.member("args")
    if let args, args.kind != .object { throw args.wrongType("an object") }
    return RunResults(
      header: header,
      step: try args?.optionalString("which").map(RunStep.init(rawValue:)),
      invocationCommand: args?.lenientString("invocation_command"),
      args: args?.raw,
      elapsedTime: try root.optionalDouble("elapsed_time"),
      results: results)
  }

  func readResult(_ collapsed: JSONValue) throws -> RunResult {
    let result = collapsed.expanded()
    try result.requireObject()
    let node = result.member("node")
    let uniqueID: String
    if let id = result.member("unique_id") {
      guard let text = id.string else { throw id.wrongType("a string") }
      uniqueID = text
    } else if let node {
      try node.requireObject()
      uniqueID = try node.requiredString("unique_id")
    } else {
      throw result.missing("unique_id", expected: "a string")
    }

    var status: String?
    var failures: Int?
    if let value = result.member("status") {
      if let text = value.string {
        status = text
      } else if let count = value.int, header.schemaVersion == 0 {
        // dbt <= 0.18 wrote a test's failure count as its status.
        failures = count
      } else {
        throw value.wrongType("a status string or null")
      }
    }
    if let value = result.member("failures") {
      // Hand-edited files have "failures": "Test failure"; only numbers count.
      failures = value.int ?? failures
    }
    var message = result.lenientString("message")
    if header.schemaVersion == 0 {
      let error = result.lenientString("error")
      message = message ?? error
      if status == nil {
        status = legacyStatus(
          uniqueID: uniqueID, error: error, failures: failures,
          skip: result.lenientBool("skip") ?? false, fail: result.lenientBool("fail") ?? false,
          warn: result.lenientBool("warn") ?? false)
      }
    }
    return RunResult(
      uniqueID: uniqueID,
      status: status,
      timing: try TimingReader.read(result.member("timing")),
      threadID: result.lenientString("thread_id"),
      executionTime: try result.optionalDouble("execution_time"),
      message: message,
      failures: failures,
      adapterResponse: result.rawJSON("adapter_response"),
      relationName: result.lenientString("relation_name"),
      compiled: result.lenientBool("compiled"),
      batchResults: result.rawJSON("batch_results"),
      compiledCodeText: LazyString(result.member("compiled_code") ?? node?.member("compiled_sql")))
  }

  /// The modern status word for a pre-0.19 result.
  func legacyStatus(
    uniqueID: String, error: String?, failures: Int?, skip: Bool, fail: Bool, warn: Bool
  )
    -> String
  {
    let isTest = uniqueID.hasPrefix("test.")
    if error != nil { return "error" }
    if skip { return "skipped" }
    if isTest {
      if fail { return "fail" }
      if warn { return "warn" }
      if let failures, failures > 0 { return "fail" }
      return "pass"
    }
    return "success"
  }
}
