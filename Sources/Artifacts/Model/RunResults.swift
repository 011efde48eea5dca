/// `run_results.json` of any version (v0-v6): one dbt invocation's executed nodes.
///
/// ``step`` says which command wrote it; `docs generate` and `compile` report every node
/// as `success` without running anything, so consumers must not let them overwrite real
/// statuses (``RunStep/executesNodes``).
/// See `reference/dbt-artifacts.md` §4 and https://docs.getdbt.com/reference/artifacts/run-results-json
public struct RunResults: Sendable {
  public let header: ArtifactHeader
  /// The command (`args.which`), nil when the file has no `args` (v0, hand-made files).
  public let step: RunStep?
  /// `args.invocation_command` (v5+), e.g. "dbt build --select orders".
  public let invocationCommand: String?
  /// `args` as written (opaque; contents vary by version and command).
  public let args: RawJSON?
  /// `elapsed_time`: wall-clock seconds of the whole invocation.
  public let elapsedTime: Double?
  /// One result per executed node, in file order.
  public let results: [RunResult]

  /// The number of results per status (nil status counted under "null").
  public var countsByStatus: [String: Int] {
    var counts: [String: Int] = [:]
    for result in results { counts[result.status ?? "null", default: 0] += 1 }
    return counts
  }
}

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

/// One `[{name, started_at, completed_at}]` entry of a result's `timing` (compile, execute).
public struct TimingEntry: Sendable, Hashable {
  /// "compile" or "execute".
  public let name: String
  public let startedAt: Timestamp?
  public let completedAt: Timestamp?
}
