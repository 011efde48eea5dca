import MetadataStore

/// The parent value of `RecentResourceChange`: a node's changes in the window, with the
/// environment's latest run for the account and project ids.
struct ResourceChange: Sendable {
  let record: ResourceChangeRecord
  let latest: RunInfoRecord?
}
