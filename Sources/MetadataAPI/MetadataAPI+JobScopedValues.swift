import GraphQL
import MetadataStore

/// The value types of Part 1 hanging off its nodes: `RunInfoNode` (a run result),
/// `CatalogColumn`, `CatalogStat`, `Criteria`, `CriteriaInfo` and `MetricFilter`. They
/// hold what the node's loader already fetched, so their fields never read the store.
extension MetadataAPI {
  static func bindJobScopedValueTypes(_ schema: GraphQLSchema) throws {
    let runInfo: [String: @Sendable (ExecutionRecord) -> Any?] = [
      "executionTime": { $0.executionTime },
      "threadId": { $0.threadID },
      "runGeneratedAt": { APIDate.dateTime($0.generatedAt) },
      "runElapsedTime": { $0.runElapsedTime },
      "error": { $0.status == "error" ? $0.message : nil },
      "status": { $0.status },
      "skip": { $0.status == "skipped" },
      "compileStartedAt": { APIDate.dateTime($0.compileStartedAt) },
      "compileCompletedAt": { APIDate.dateTime($0.compileCompletedAt) },
      "executeStartedAt": { APIDate.dateTime($0.executeStartedAt) },
      "executeCompletedAt": { APIDate.dateTime($0.executeCompletedAt) },
      "invocationId": { $0.invocationID },
      "args": { parsed($0.argsJSON) },
    ]
    for (name, value) in runInfo {
      try schema.setResolver("RunInfoNode", name, as: ExecutionRecord.self) { record, _, _, _ in
        value(record)
      }
    }

    let column: [String: @Sendable (JobCatalogColumn) -> Any?] = [
      "name": { $0.column.name },
      "index": { $0.column.index },
      "type": { $0.column.type },
      "comment": { $0.column.comment },
      "description": { $0.manifest?["description"]?.stringValue },
      "tags": { strings($0.manifest?["tags"]) ?? [] },
      "meta": { value in
        guard let meta = value.manifest?["meta"], case .object = meta else {
          return JSONValue.object(JSONObject())
        }
        return meta
      },
    ]
    for (name, value) in column {
      try schema.setResolver("CatalogColumn", name, as: JobCatalogColumn.self) { record, _, _, _ in
        value(record)
      }
    }

    let stat: [String: @Sendable (CatalogRecord.Stat) -> Any?] = [
      "id": { $0.id },
      "label": { $0.label },
      "description": { $0.description },
      "include": { $0.include },
      // AnyScalar: the value as the catalog wrote it (number, string or boolean).
      "value": { stat in
        guard let value = parsed(stat.valueJSON) else { return nil }
        switch value {
        case .int, .double, .string, .bool: return value
        default: return nil
        }
      },
    ]
    for (name, value) in stat {
      try schema.setResolver("CatalogStat", name, as: CatalogRecord.Stat.self) { record, _, _, _ in
        value(record)
      }
    }

    try schema.setResolver("Criteria", "warnAfter", as: JobCriteria.self) { criteria, _, _, _ in
      criteria.warnAfter
    }
    try schema.setResolver("Criteria", "errorAfter", as: JobCriteria.self) { criteria, _, _, _ in
      criteria.errorAfter
    }
    try schema.setResolver("CriteriaInfo", "count", as: JobCriteria.Info.self) { info, _, _, _ in
      info.count
    }
    // TimePeriod: minute, hour, day; another spelling would not be a value of the enum.
    try schema.setResolver("CriteriaInfo", "period", as: JobCriteria.Info.self) { info, _, _, _ in
      info.period.flatMap { ["minute", "hour", "day"].contains($0) ? $0 : nil }
    }

    for name in ["field", "operator", "value"] {
      try schema.setResolver("MetricFilter", name, as: JSONObject.self) { filter, _, _, _ in
        guard let value = filter[name] else { return nil }
        switch value {
        case .string(let text): return text
        case .null: return nil
        default: return value.serialized()
        }
      }
    }
  }
}
