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

/// One entry of a node's `columns` (ColumnInfo), as declared in YAML.
public struct NodeColumn: Sendable {
  /// The column name with the user's spelling; match catalog columns case-insensitively.
  public let name: String
  public let description: String?
  /// `data_type` as declared (often null).
  public let dataType: String?
  public let meta: RawJSON?
  public let tags: [String]
  /// `quote` (null unless set).
  public let quote: Bool?
  /// The column's complete JSON (constraints, config, granularity... in newer versions).
  public let json: RawJSON
}

extension NodeColumn {
  /// Decodes a `columns` object; the manifest reader has checked that it is an object of
  /// objects, so decoding cannot fail (an unparsable value yields no columns).
  static func decodeAll(_ columns: RawJSON?) -> [NodeColumn] {
    guard let columns, let document = try? columns.parse() else { return [] }
    var list: [NodeColumn] = []
    for member in document.root.members {
      let column = member.value
      list.append(
        NodeColumn(
          name: column.lenientString("name") ?? member.key,
          description: column.lenientString("description"),
          dataType: column.lenientString("data_type"),
          meta: column.rawJSON("meta"),
          tags: column.lenientStringList("tags"),
          quote: column.lenientBool("quote"),
          json: column.raw))
    }
    return list
  }
}

/// `depends_on`: what a node reads from.
public struct NodeDependencies: Sendable, Hashable {
  /// Upstream unique_ids (models, seeds, snapshots, sources, metrics...).
  public let nodes: [String]
  /// Macro unique_ids.
  public let macros: [String]
  /// Function unique_ids (1.11+ UDFs).
  public let functions: [String]

  public static let empty = NodeDependencies(nodes: [], macros: [], functions: [])
}

/// One `ref()` call: `[["orders"]]`/`[["pkg", "orders"]]` (v1-v8, also `[["pkg", "orders", "v2"]]`)
/// or `{"name", "package", "version"}` (v9+).
public struct NodeRef: Sendable, Hashable {
  public let name: String
  public let package: String?
  /// The pinned model version, as written (numbers become their decimal text).
  public let version: String?
}

/// One `source('source_name', 'table_name')` call.
public struct SourceRef: Sendable, Hashable {
  public let sourceName: String
  public let tableName: String
}

/// A model `contract` (v9+).
public struct NodeContract: Sendable, Hashable {
  public let enforced: Bool
  public let aliasTypes: Bool?
  public let checksum: String?
}

/// The `owner` of an exposure or group. `email` may be a string, null or (1.10+) a list.
public struct NodeOwner: Sendable, Hashable {
  public let name: String?
  public let emails: [String]
}
