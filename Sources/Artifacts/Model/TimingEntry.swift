/// One `[{name, started_at, completed_at}]` entry of a result's `timing` (compile, execute).
public struct TimingEntry: Sendable, Hashable {
  /// "compile" or "execute".
  public let name: String
  public let startedAt: Timestamp?
  public let completedAt: Timestamp?
}
