/// A node's `config`, with the commonly used fields read leniently and the rest kept as JSON.
///
/// `config` is open-ended (adapter keys such as `partition_by` are written flat into it) and
/// not always well typed: a real v7 manifest has `enabled: "True and True"`. Booleans are
/// therefore read from JSON booleans, numbers (non-zero is true) and the strings dbt leaks
/// ("True", "false", "True and True").
public struct NodeConfig: Sendable {
  /// `enabled` (true when absent).
  public let enabled: Bool
  /// `materialized`: table, view, incremental, ephemeral, seed, snapshot, test, materialized_view...
  public let materialized: String?
  /// Test `severity` as written ("ERROR", "warn"...).
  public let severity: String?
  /// Test `store_failures`.
  public let storeFailures: Bool?
  /// Test `where`, `limit`, `fail_calc`, `warn_if`, `error_if`.
  public let `where`: String?
  public let limit: Int?
  public let failCalc: String?
  public let warnIf: String?
  public let errorIf: String?
  /// `unique_key` as written (a string or a list of strings).
  public let uniqueKey: RawJSON?
  public let incrementalStrategy: String?
  public let onSchemaChange: String?
  /// Snapshot `strategy` (timestamp, check).
  public let strategy: String?
  /// `access` (v11+ config) and `group` (v9+ config).
  public let access: String?
  public let group: String?
  /// `contract.enforced` (v9+).
  public let contractEnforced: Bool?
  /// `tags` and `meta` as configured (may differ from the node's merged values).
  public let tags: [String]
  public let meta: RawJSON?
  /// The whole `config` object as written (nil when the node has none).
  public let json: RawJSON?
}
