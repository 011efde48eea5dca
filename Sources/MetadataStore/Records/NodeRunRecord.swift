/// One node as one run of its environment saw it: the run, and the node's definition in
/// that run's manifest (nil when the manifest did not have the node).
///
/// What a node's history lists, one element per run (`modelHistoricalRuns`,
/// `testHistoricalRuns`, `sourceHistoricalFreshness`): read for every run at once by
/// ``MetadataStore/nodeInRuns(accountID:environmentID:uniqueID:runIDs:)``, which reads
/// each distinct definition once (100 runs of a model mostly share one to three), so
/// records of runs with the same definition share its strings.
public struct NodeRunRecord: Sendable, Equatable {
  public var run: RunInfoRecord
  public var definition: DefinitionRecord?

  public init(run: RunInfoRecord, definition: DefinitionRecord?) {
    self.run = run
    self.definition = definition
  }
}
