/// `run_results.json` of any version (v0-v6): one dbt invocation's executed nodes.
///
/// ``step`` says which command wrote it; `docs generate` and `compile` report every node
/// as `success` without running anything, so consumers must not let them overwrite real
/// statuses (``RunStep/executesNodes``).
/// See `reference/dbt-artifacts.md` §4 and https://docs.getdbt.com/reference/artifacts/run-results-json
public struct RunResults: Sendable {
  public let header: ArtifactHeader
  /// The command (`args.which`), nil when the file has no `args` (v0, hand-made files).
  public let step: RunStep?
  /// `args.invocation_command` (v5+), e.g. "dbt build --select orders".
  public let invocationCommand: String?
  /// `args` as written (opaque; contents vary by version and command).
  public let args: RawJSON?
  /// `elapsed_time`: wall-clock seconds of the whole invocation.
  public let elapsedTime: Double?
  /// One result per executed node, in file order.
  public let results: [RunResult]
  /// What the reader skipped or read leniently (``ArtifactWarning``), one per kind.
  public internal(set) var warnings: [ArtifactWarning] = []

  /// The number of results per status (nil status counted under "null").
  public var countsByStatus: [String: Int] {
    var counts: [String: Int] = [:]
    for result in results { counts[result.status ?? "null", default: 0] += 1 }
    return counts
  }
}
