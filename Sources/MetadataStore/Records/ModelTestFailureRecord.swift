/// How often a model's tests failed over a window: runs in which any of its tests ran, and
/// runs in which one of them failed (`fail` or `error`).
public struct ModelTestFailureRecord: Sendable, Equatable {
  public var uniqueID: String
  public var runsWithTests: Int
  public var runsWithTestFailures: Int
}
