/// What orders the models (and their jobs) of ``MetadataStore/modelExecutionStats``.
public enum ModelExecutionOrder: Sendable {
  /// Most executions first.
  case executions
  /// Longest average execution time first.
  case averageTime
  /// Longest single execution first.
  case maxTime
  /// Most failed executions first (models without a failure are left out).
  case failures
}
