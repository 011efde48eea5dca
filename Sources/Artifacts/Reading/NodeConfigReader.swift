/// Reads a node's `config` leniently (see ``NodeConfig``).
enum NodeConfigReader {
  /// `value` is an object or nil (the mapper ignores another type with a warning).
  /// `fields` is a member table reused across definitions: a config has some 25 keys and
  /// is asked for 20, so hashed lookups beat walking the keys for each (the last of
  /// repeated keys must win, so a walk cannot stop at the first match).
  static func read(_ value: JSONValue?, fields: inout MemberTable) -> NodeConfig {
    guard let value else {
      return NodeConfig(
        enabled: true, materialized: nil, severity: nil, storeFailures: nil, where: nil, limit: nil,
        failCalc: nil, warnIf: nil, errorIf: nil, uniqueKey: nil, incrementalStrategy: nil,
        onSchemaChange: nil, strategy: nil, access: nil, group: nil, contractEnforced: nil,
        tags: [],
        meta: nil, json: nil)
    }
    fields.load(value)
    return NodeConfig(
      enabled: fields.lenientBool("enabled") ?? true,
      materialized: fields.lenientString("materialized"),
      severity: fields.lenientString("severity"),
      storeFailures: fields.lenientBool("store_failures"),
      where: fields.lenientString("where"),
      limit: fields.lenientInt("limit"),
      failCalc: fields.lenientString("fail_calc"),
      warnIf: fields.lenientString("warn_if"),
      errorIf: fields.lenientString("error_if"),
      uniqueKey: fields.rawJSON("unique_key"),
      incrementalStrategy: fields.lenientString("incremental_strategy"),
      onSchemaChange: fields.lenientString("on_schema_change"),
      strategy: fields.lenientString("strategy"),
      access: fields.lenientString("access"),
      group: fields.lenientString("group"),
      contractEnforced: fields.member("contract")?.lenientBool("enforced"),
      tags: fields.lenientStringList("tags"),
      meta: fields.rawJSON("meta"),
      json: fields.object?.raw)
  }
}
