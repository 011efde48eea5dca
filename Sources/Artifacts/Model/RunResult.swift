/// One executed node in a run_results file.
///
/// `status` is as written (lowercase in all versions), or nil when the file says null.
/// For pre-0.19 files (v0), whose successes have `status: null` and whose tests wrote the
/// failure count as status, the reader derives the modern word (success, error, skipped,
/// pass, fail, warn) from `error`, `skip`, `fail`, `warn` and the node kind.
/// Status words belong to node families (RunStatus, TestStatus, FreshnessStatus); classify
/// a result by its unique_id's resource type, not by its status.
public struct RunResult: Sendable {
  /// The node's unique_id (v0: `node.unique_id`). Hand-edited files may have ""; it then
  /// matches no manifest node and should be reported as dangling, like any unknown id.
  public let uniqueID: String
  /// The resource type named by the unique_id's first part (`model`, `test`, `operation`...).
  public var resourceType: ResourceType {
    ResourceType(String(uniqueID.prefix { $0 != "." }))
  }
  public let status: String?
  /// `timing`: empty for errors and skips.
  public let timing: [TimingEntry]
  /// `thread_id`, e.g. "Thread-1".
  public let threadID: String?
  /// `execution_time` in seconds.
  public let executionTime: Double?
  /// `message` (v1 may write an int; kept as text). v0: `error`.
  public let message: String?
  /// `failures`: failing rows for tests (v2+; a non-numeric value is read as nil).
  public let failures: Int?
  /// `adapter_response` as written (`{}` for tests and docs generate).
  public let adapterResponse: RawJSON?
  /// `relation_name` (v5+).
  public let relationName: String?
  /// `compiled` (v5+).
  public let compiled: Bool?
  /// `batch_results` (1.9+ microbatch models), as written.
  public let batchResults: RawJSON?

  let compiledCodeText: LazyString?

  /// `compiled_code` (v5+), decoded on access.
  public var compiledCode: String? { compiledCodeText?.value }

  /// The start of the first timing entry and the end of the last, if any.
  public var startedAt: Timestamp? { timing.compactMap(\.startedAt).min() }
  public var completedAt: Timestamp? { timing.compactMap(\.completedAt).max() }
}
