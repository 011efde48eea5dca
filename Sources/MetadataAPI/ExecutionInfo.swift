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

  init(last: ExecutionRecord?, lastSuccess: ExecutionRecord?) {
    self.last = last
    self.lastSuccess = lastSuccess
  }
}
