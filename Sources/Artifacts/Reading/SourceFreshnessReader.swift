/// Maps a sources.json document (v0-v3) to ``SourceFreshness``.
///
/// Each result is either an outcome (`max_loaded_at`, `snapshotted_at`, `criteria`...) or a
/// runtime error (`error` and `status: "runtime error"` only). v0 embeds the source node
/// under `node` and writes `age` for `max_loaded_at_time_ago_in_s`.
struct SourceFreshnessReader {
  let header: ArtifactHeader
  let warnings = WarningLog()

  func read(_ root: JSONValue) throws -> SourceFreshness {
    var results: [FreshnessResult] = []
    // Required: a file without `results` records no freshness check at all.
    guard let list = root.member("results") else {
      throw root.missing("results", expected: "a list of results")
    }
    guard list.kind == .array else { throw list.wrongType("a list of results") }
    for (index, element) in list.elements.enumerated() {
      warnings.order = index
      results.append(try readResult(element))
    }
    return SourceFreshness(
      header: header, elapsedTime: root.describedDouble("elapsed_time", warnings: warnings),
      results: results, warnings: warnings.warnings)
  }

  func readResult(_ collapsed: JSONValue) throws -> FreshnessResult {
    let result = collapsed.expanded()
    try result.requireObject()
    let uniqueID: String
    if let id = result.member("unique_id") {
      guard let text = id.string, !text.isEmpty else { throw id.wrongType("a non-empty string") }
      uniqueID = try id.checkedIdentifier(text, what: "a unique_id")
    } else if let node = result.member("node") {
      try node.requireObject()
      uniqueID = try node.checkedIdentifier(node.requiredString("unique_id"), what: "a unique_id")
    } else {
      throw result.missing("unique_id", expected: "a string")
    }
    let error = result.lenientString("error")
    var status =
      try result.member("status").map {
        try $0.checkedOptionalIdentifier(result.optionalString("status"), what: "a status")
      } ?? nil
    if status == nil {
      // v0 wrote no status for some outcomes; an error means the query failed.
      if error != nil {
        status = "runtime error"
      } else if result.lenientBool("fail") == true {
        status = "error"
      } else if result.lenientBool("warn") == true {
        status = "warn"
      } else {
        status = "pass"
      }
    }
    let criteriaValue = result.member("criteria") ?? result.member("node")?.member("freshness")
    return FreshnessResult(
      uniqueID: uniqueID,
      status: status ?? "pass",
      maxLoadedAt: try ArtifactHeaderReader.timestamp(result, "max_loaded_at"),
      snapshottedAt: try ArtifactHeaderReader.timestamp(result, "snapshotted_at"),
      maxLoadedAtTimeAgoInS: try result.servedDouble(
        "max_loaded_at_time_ago_in_s", warnings: warnings)
        ?? result.servedDouble("age", warnings: warnings),
      criteria: FreshnessCriteriaReader.read(criteriaValue, warnings: warnings),
      error: error,
      timing: try TimingReader.read(result.member("timing"), warnings: warnings),
      threadID: result.lenientString("thread_id"),
      executionTime: try result.servedDouble("execution_time", warnings: warnings),
      adapterResponse: result.rawJSON("adapter_response"))
  }
}
