/// A manifest resource type (`resource_type`): an open set, since dbt adds kinds over time
/// (`semantic_model` in 1.6, `unit_test` in 1.8, `function` in 1.11).
///
/// Unknown values are kept as written. See https://docs.getdbt.com/reference/artifacts/manifest-json
public struct ResourceType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }

  public static let model = ResourceType("model")
  public static let seed = ResourceType("seed")
  public static let snapshot = ResourceType("snapshot")
  public static let test = ResourceType("test")
  public static let analysis = ResourceType("analysis")
  /// Hooks (`on-run-start`/`on-run-end`): `operation.<pkg>.<pkg>-on-run-end-0`.
  public static let operation = ResourceType("operation")
  public static let source = ResourceType("source")
  public static let exposure = ResourceType("exposure")
  public static let metric = ResourceType("metric")
  public static let macro = ResourceType("macro")
  public static let doc = ResourceType("doc")
  public static let semanticModel = ResourceType("semantic_model")
  public static let savedQuery = ResourceType("saved_query")
  public static let unitTest = ResourceType("unit_test")
  public static let group = ResourceType("group")
  public static let function = ResourceType("function")
  /// RPC/IDE nodes (`sql`, `sql operation`, `sql_operation`, `rpc`): never in normal runs.
  public static let sqlOperation = ResourceType("sql_operation")

  /// The kinds dbt executes and reports in run_results (models, seeds, snapshots, tests,
  /// hooks, unit tests, functions).
  public var isExecutable: Bool {
    switch self {
    case .model, .seed, .snapshot, .test, .operation, .unitTest, .function: return true
    default: return false
    }
  }

  public var description: String { rawValue }
}
