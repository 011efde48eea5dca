import MetadataStore

/// The parent value of `ModelExecutionInfoNode`, `TestExecutionInfoNode`,
/// `SeedExecutionInfoNode` and `SnapshotExecutionInfoNode`: a node's latest execution and
/// latest success in the environment (either may be missing).
///
/// A class: the engine passes it as `Any` to each of its fields, and a struct holding two
/// execution records was copied into a box (two dozen strings retained) at each; a kept
/// applied state (``AppliedState``) also builds one per node and hands it out as it is.
final class ExecutionInfo: Sendable {
  let last: ExecutionRecord?
  let lastSuccess: ExecutionRecord?
  /// The latest execution's `execute_completed_at` as the API serves it
  /// (``APIDate/dateTime(_:)``), formatted once for an info a kept applied state hands out
  /// to every request (its most read time: the models' sort); nil otherwise.
  let executeCompletedAt: String??

  /// - Parameter formatsDates: whether to format the completion time now (for an info read
  ///   by many requests).
  init(last: ExecutionRecord?, lastSuccess: ExecutionRecord?, formatsDates: Bool = false) {
    self.last = last
    self.lastSuccess = lastSuccess
    self.executeCompletedAt =
      formatsDates ? .some(APIDate.dateTime(last?.executeCompletedAt)) : nil
  }
}
