/// One node's result in one run_results step.
public struct ExecutionRecord: Sendable, Equatable {
  public var runID: Int
  public var jobID: Int
  public var uniqueID: String
  public var resourceType: String
  /// The step that wrote it (`args.which`: build, run, test, generate...).
  public var step: String?
  /// False for steps that report nodes without executing them (docs generate, compile).
  public var executesNode: Bool
  public var status: String?
  public var message: String?
  public var failures: Int?
  public var threadID: String?
  public var executionTime: Double?
  public var compileStartedAt: String?
  public var compileCompletedAt: String?
  public var executeStartedAt: String?
  public var executeCompletedAt: String?
  /// `adapter_response` JSON.
  public var adapterResponseJSON: String?
  /// The run_results' `generated_at`.
  public var generatedAt: String?
  /// The run_results' invocation id, `elapsed_time` (the whole step) and `args` JSON.
  public var invocationID: String?
  public var runElapsedTime: Double?
  public var argsJSON: String?
  /// The execution's row id (stable; usable as a cursor).
  public var id: Int64
}
