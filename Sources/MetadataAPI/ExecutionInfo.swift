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
  /// The latest execution's times as the API serves them (``APIDate/dateTime(_:)``), made
  /// once for an info a kept applied state hands out to every request; nil otherwise.
  let dates: Dates?

  /// `DateTime` texts of the latest execution.
  struct Dates: Sendable {
    let generatedAt: String?
    let compileStartedAt: String?
    let compileCompletedAt: String?
    let executeStartedAt: String?
    let executeCompletedAt: String?
  }

  /// - Parameter formatsDates: whether to format the latest execution's times now (for an
  ///   info read by many requests).
  init(last: ExecutionRecord?, lastSuccess: ExecutionRecord?, formatsDates: Bool = false) {
    self.last = last
    self.lastSuccess = lastSuccess
    self.dates =
      formatsDates
      ? Dates(
        generatedAt: APIDate.dateTime(last?.generatedAt),
        compileStartedAt: APIDate.dateTime(last?.compileStartedAt),
        compileCompletedAt: APIDate.dateTime(last?.compileCompletedAt),
        executeStartedAt: APIDate.dateTime(last?.executeStartedAt),
        executeCompletedAt: APIDate.dateTime(last?.executeCompletedAt)) : nil
  }
}
