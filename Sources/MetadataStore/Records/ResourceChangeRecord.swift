/// A node whose definition was added or changed in a window of an environment's runs.
public struct ResourceChangeRecord: Sendable, Equatable {
  public var uniqueID: String
  public var resourceType: String
  /// Distinct new definitions of the node in the window.
  public var changes: Int
  /// `generated_at` (canonical UTC) of the first run that carried the newest definition.
  public var mostRecentChangedAt: String
  /// That run and its job.
  public var runID: Int
  public var jobID: Int
}
