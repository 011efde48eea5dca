/// Maps a sources.json document (v0-v3) to ``SourceFreshness``.
///
/// Each result is either an outcome (`max_loaded_at`, `snapshotted_at`, `criteria`...) or a
/// runtime error (`error` and `status: "runtime error"` only). v0 embeds the source node
/// under `node` and writes `age` for `max_loaded_at_time_ago_in_s`.
struct SourceFreshnessReader {
  let header: ArtifactHeader

  func read(_ root: JSONValue) throws -> SourceFreshness {
    var results: [FreshnessResult] = []
    if let list = root.member("results") {
      guard list.kind == .array else { throw list.wrongType("a list of results") }
      for element in list.elements {
        results.append(try readResult(element))
      }
    }
    return SourceFreshness(
      header: header, elapsedTime: try root.optionalDouble("elapsed_time"), results: results)
  }

  func readResult(_ collapsed: JSONValue) throws -> FreshnessResult {
    let result = collapsed.expanded()
    try result.requireObject()
    let uniqueID: String
    if let id = result.member("unique_id") {
      guard let text = id.string, !text.isEmpty else { throw id.wrongType("a non-empty string") }
      uniqueID = text
    } else if let node = result.member("node") {
      try node.requireObject()
      uniqueID = try node.requiredString("unique_id")
    } else {
      throw result.missing("unique_id", expected: "a string")
    }
    let error = result.lenientString("error")
    var status = try result.optionalString("status")
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
      maxLoadedAtTimeAgoInS: try result.optionalDouble("max_loaded_at_time_ago_in_s")
        ?? result.optionalDouble("age"),
      criteria: try FreshnessCriteriaReader.read(criteriaValue),
      error: error,
      timing: try TimingReader.read(result.member("timing")),
      threadID: result.lenientString("thread_id"),
      executionTime: try result.optionalDouble("execution_time"),
      adapterResponse: result.rawJSON("adapter_response"))
  }
}
