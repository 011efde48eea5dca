/// Reads a node's `config` leniently (see ``NodeConfig``).
enum NodeConfigReader {
  /// `value` is an object or nil (the mapper ignores another type with a warning).
  static func read(_ value: JSONValue?) -> NodeConfig {
    guard let value else {
      return NodeConfig(
        enabled: true, materialized: nil, severity: nil, storeFailures: nil, where: nil, limit: nil,
        failCalc: nil, warnIf: nil, errorIf: nil, uniqueKey: nil, incrementalStrategy: nil,
        onSchemaChange: nil, strategy: nil, access: nil, group: nil, contractEnforced: nil,
        tags: [],
        meta: nil, json: nil)
    }
    return NodeConfig(
      enabled: value.lenientBool("enabled") ?? true,
      materialized: value.lenientString("materialized"),
      severity: value.lenientString("severity"),
      storeFailures: value.lenientBool("store_failures"),
      where: value.lenientString("where"),
      limit: value.lenientInt("limit"),
      failCalc: value.lenientString("fail_calc"),
      warnIf: value.lenientString("warn_if"),
      errorIf: value.lenientString("error_if"),
      uniqueKey: value.rawJSON("unique_key"),
      incrementalStrategy: value.lenientString("incremental_strategy"),
      onSchemaChange: value.lenientString("on_schema_change"),
      strategy: value.lenientString("strategy"),
      access: value.lenientString("access"),
      group: value.lenientString("group"),
      contractEnforced: value.member("contract")?.lenientBool("enforced"),
      tags: value.lenientStringList("tags"),
      meta: value.rawJSON("meta"),
      json: value.raw)
  }
}
