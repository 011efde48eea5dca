import MetadataStore

/// The parent value of `ModelExecutionInfoNode`, `TestExecutionInfoNode`,
/// `SeedExecutionInfoNode` and `SnapshotExecutionInfoNode`: a node's latest execution and
/// latest success in the environment (either may be missing).
struct ExecutionInfo {
  let last: ExecutionRecord?
  let lastSuccess: ExecutionRecord?
}
