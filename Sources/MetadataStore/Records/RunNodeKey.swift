/// A node as one run saw it: the key of the batch reads that span several runs
/// (`modelHistoricalRuns` lists one model in each of 100 runs).
public struct RunNodeKey: Hashable, Sendable {
  public var runID: Int
  public var uniqueID: String

  public init(runID: Int, uniqueID: String) {
    self.runID = runID
    self.uniqueID = uniqueID
  }
}
