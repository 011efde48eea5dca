/// How the applied-state cache (``AppliedStateCache``) of a ``MetadataAPI`` has served so
/// far: reads that found the state of their generation (`stateReads`) and reads answered by
/// SQL instead (`sqlReads`: no state of the generation kept yet, a build in flight, a
/// state too large to keep, or ``AppliedStateBuilding/never``); builds started, kept and
/// failed; and how long the last build took.
///
/// Why: whether the state serves is otherwise invisible (both paths give the same
/// answers); tests and the benchmark read it to say which path answered.
public struct AppliedStateStatistics: Sendable, Equatable {
  public var stateReads = 0
  public var sqlReads = 0
  public var buildsStarted = 0
  public var buildsKept = 0
  public var buildsFailed = 0
  /// The duration of the last finished build (its reads and the state's construction), in
  /// milliseconds; nil before the first.
  public var lastBuildMilliseconds: Double?
}
