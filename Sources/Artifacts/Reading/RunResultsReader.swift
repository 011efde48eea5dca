/// Maps a run_results document (v0-v6) to ``RunResults``.
///
/// v1-v6 share one result shape (v2 adds `failures`, v5 `compiled_code`/`relation_name`).
/// v0 embeds the whole node under `node` and derives status from `error`/`skip`/`fail`/`warn`.
///
/// `results` is required (a file without it is not a record of any step). A v0 file whose
/// every result has `status: null` and no `execute` timing was written by `dbt compile`
/// or `dbt docs generate`: its ``RunResults/step`` is ``RunStep/compile``, so it never
/// sets a node's status.
struct RunResultsReader {
  let header: ArtifactHeader
  let warnings = WarningLog()

  func read(_ root: JSONValue) throws -> RunResults {
    var results: [RunResult] = []
    guard let list = root.member("results") else {
      throw root.missing("results", expected: "a list of results")
    }
    guard list.kind == .array else { throw list.wrongType("a list of results") }
    results.reserveCapacity(list.count)
    var executed = false
    for (index, element) in list.elements.enumerated() {
      warnings.order = index
      let result = element.expanded()
      results.append(try readResult(result))
      if header.schemaVersion == 0, !executed { executed = Self.showsExecution(result) }
    }
    let args = root.member("args", ofKind: .object, expected: "an object", warnings: warnings)
    var step = try args?.optionalString("which").map(RunStep.init(rawValue:))
    if header.schemaVersion == 0, step == nil, !results.isEmpty, !executed { step = .compile }
    return RunResults(
      header: header,
      step: step,
      invocationCommand: args?.lenientString("invocation_command"),
      args: args?.raw,
      elapsedTime: root.describedDouble("elapsed_time", warnings: warnings),
      results: results,
      warnings: warnings.warnings)
  }

  /// Whether a v0 result shows that its node ran: a status, an error, a skip or failure
  /// flag, or an `execute` timing entry (`dbt compile` and `docs generate` write only
  /// `compile` timings and `status: null`).
  static func showsExecution(_ result: JSONValue) -> Bool {
    if result.member("status") != nil || result.member("error") != nil { return true }
    for flag in ["fail", "warn", "skip"] where result.lenientBool(flag) == true { return true }
    guard let timing = result.member("timing") else { return false }
    return timing.elements.contains { $0.member("name")?.string == "execute" }
  }

  func readResult(_ result: JSONValue) throws -> RunResult {
    try result.requireObject()
    let node = result.member("node")
    let uniqueID: String
    if let id = result.member("unique_id") {
      guard let text = id.string else { throw id.wrongType("a string") }
      uniqueID = try id.checkedIdentifier(text, what: "a unique_id")
    } else if let node {
      try node.requireObject()
      uniqueID = try node.checkedIdentifier(node.requiredString("unique_id"), what: "a unique_id")
    } else {
      throw result.missing("unique_id", expected: "a string")
    }

    var status: String?
    var failures: Int?
    if let value = result.member("status") {
      if let text = value.string {
        status = try value.checkedIdentifier(text, what: "a status")
      } else if let count = value.int, header.schemaVersion == 0 {
        // dbt <= 0.18 wrote a test's failure count as its status.
        failures = count
      } else {
        throw value.wrongType("a status string or null")
      }
    }
    // Hand-edited files have "failures": "Test failure" (ignored with a warning); a
    // count past 64 bits is refused, as the API serves it.
    failures = try result.servedInt("failures", warnings: warnings) ?? failures
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
      timing: try TimingReader.read(result.member("timing"), warnings: warnings),
      threadID: result.lenientString("thread_id"),
      executionTime: try result.servedDouble("execution_time", warnings: warnings),
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
