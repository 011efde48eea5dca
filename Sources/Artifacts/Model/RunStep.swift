/// The dbt command that wrote a run_results file (`args.which`): an open set.
public struct RunStep: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }

  public static let build = RunStep("build")
  public static let run = RunStep("run")
  public static let test = RunStep("test")
  public static let seed = RunStep("seed")
  public static let snapshot = RunStep("snapshot")
  public static let compile = RunStep("compile")
  /// `dbt docs generate`.
  public static let generate = RunStep("generate")
  public static let sourceFreshness = RunStep("source-freshness")
  public static let runOperation = RunStep("run-operation")
  public static let rpc = RunStep("rpc")

  /// False for commands that report nodes without executing them (`generate`, `compile`,
  /// `list`, `parse`, `show`, `run-operation`): their statuses say nothing about the data.
  public var executesNodes: Bool {
    switch rawValue {
    case "generate", "docs", "compile", "list", "ls", "parse", "show", "run-operation", "rpc":
      return false
    default: return true
    }
  }

  public var description: String { rawValue }
}
