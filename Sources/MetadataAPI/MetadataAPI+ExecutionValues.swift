import GraphQL
import MetadataStore

extension MetadataAPI {
  /// The execution-info types, `CatalogNode` and `SourceFreshnessNode`.
  static func bindExecutionValues(_ schema: GraphQLSchema) throws {
    for typeName in [
      "ModelExecutionInfoNode", "TestExecutionInfoNode", "SeedExecutionInfoNode",
      "SnapshotExecutionInfoNode",
    ] {
      guard let type = schema.type(named: typeName) else { continue }
      for (name, field) in zip(type.fields.keys, type.fields.values) {
        // `lastRunStatus` is the RunStatus enum on models: a status outside it is null.
        let allowed: Set<String>? =
          field.type.namedType.kind == .enum
          ? Set(field.type.namedType.enumValues.map(\.name)) : nil
        let read = executionReader(name)
        try schema.setResolver(typeName, name, as: ExecutionInfo.self) { info, _, _, _ in
          let value = read(info)
          if let allowed, let text = value as? String, !allowed.contains(text) { return nil }
          return value
        }
      }
    }
    try bindCatalogNode(schema)
    try bindFreshnessNode(schema)
  }

  /// The reader of one field of an execution-info type (reference dbt-metadata-api.md
  /// §2.4; §3 of the 2024 reference for seeds, snapshots and the test additions), chosen
  /// once when the schema is bound rather than by comparing the name at each read.
  static func executionReader(_ field: String) -> @Sendable (ExecutionInfo) -> Any? {
    switch field {
    case "lastRunId": return { $0.last?.runID }
    case "lastJobDefinitionId": return { $0.last?.jobID }
    case "lastSuccessRunId": return { $0.lastSuccess?.runID }
    case "lastSuccessJobDefinitionId": return { $0.lastSuccess?.jobID }
    case "lastRunStatus": return { $0.last?.status }
    case "lastRunSkip": return { $0.last.map { $0.status == "skipped" } }
    case "lastRunError":
      return { info in
        guard let last = info.last,
          ["error", "fail", "warn", "runtime error"].contains(last.status ?? "")
        else { return nil }
        return last.message
      }
    case "lastRunFailures": return { $0.last?.failures }
    case "lastRunGeneratedAt", "runGeneratedAt": return { APIDate.dateTime($0.last?.generatedAt) }
    case "runElapsedTime": return { $0.last?.runElapsedTime }
    case "executionTime": return { $0.last?.executionTime }
    case "compileStartedAt": return { APIDate.dateTime($0.last?.compileStartedAt) }
    case "compileCompletedAt": return { APIDate.dateTime($0.last?.compileCompletedAt) }
    case "executeStartedAt": return { APIDate.dateTime($0.last?.executeStartedAt) }
    // Formatted once for infos of a kept applied state (``ExecutionInfo/executeCompletedAt``).
    case "executeCompletedAt":
      return { info in
        if let formatted = info.executeCompletedAt { return formatted }
        return APIDate.dateTime(info.last?.executeCompletedAt)
      }
    default: return { _ in nil }
    }
  }

  /// `CatalogNode`: the latest catalog entry. Columns and stats are the values Part 1's
  /// `CatalogColumn` and `CatalogStat` take (``JobCatalogColumn``, `CatalogRecord.Stat`);
  /// a column's description, tags and meta come from the manifest's column of the same
  /// name (compared without case: warehouses fold it).
  static func bindCatalogNode(_ schema: GraphQLSchema) throws {
    let fields: [String: @Sendable (CatalogValue) -> Any?] = [
      "uniqueId": { $0.entry.catalog.uniqueID },
      "environmentId": { $0.environmentID },
      "runId": { $0.entry.catalog.runID },
      "jobDefinitionId": { $0.entry.jobID },
      "runGeneratedAt": { APIDate.dateTime($0.entry.generatedAt) },
      "rowCountStat": { $0.entry.catalog.rowCount },
      "bytesStat": { $0.entry.catalog.bytes },
      "type": { $0.entry.catalog.type },
      "owner": { $0.entry.catalog.owner },
      "comment": { $0.entry.catalog.comment },
      "columns": { catalogColumns($0) },
      "stats": { $0.entry.catalog.stats },
    ]
    for (name, read) in fields {
      try schema.setResolver("CatalogNode", name, as: CatalogValue.self) { value, _, _, _ in
        read(value)
      }
    }
  }

  static func catalogColumns(_ value: CatalogValue) -> [JobCatalogColumn] {
    var documented: [String: JSONValue] = [:]
    for (name, column) in value.manifestColumns ?? JSONObject() {
      documented[name.lowercased()] = column
    }
    return value.entry.catalog.columns.map { column in
      JobCatalogColumn(column: column, manifest: documented[column.name.lowercased()])
    }
  }

  /// `SourceFreshnessNode`: a source's latest freshness result. `freshnessStatus` is the
  /// enum name (`Pass`, `Warn`, `Error`; a runtime error is `Error`), null when the source
  /// was never checked; `criteria` is the checked criteria, else the configured one.
  static func bindFreshnessNode(_ schema: GraphQLSchema) throws {
    let fields: [String: @Sendable (FreshnessValue) -> Any?] = [
      "freshnessStatus": { value in
        switch value.result?.status {
        case "pass": return "Pass"
        case "warn": return "Warn"
        case "error", "runtime error": return "Error"
        default: return nil
        }
      },
      "freshnessChecked": { $0.result != nil },
      "maxLoadedAt": { APIDate.dateTime($0.result?.maxLoadedAt) },
      "snapshottedAt": { APIDate.dateTime($0.result?.snapshottedAt) },
      "maxLoadedAtTimeAgoInS": { $0.result?.maxLoadedAtTimeAgoInS },
      "freshnessRunId": { $0.result?.runID },
      "freshnessJobDefinitionId": { $0.result?.jobID },
      "freshnessRunGeneratedAt": { APIDate.dateTime($0.result?.generatedAt) },
      "criteria": { value in
        guard let result = value.result,
          result.warnAfterCount != nil || result.errorAfterCount != nil
        else { return value.configured }
        return JobCriteria(
          warnAfter: result.warnAfterCount.map {
            JobCriteria.Info(count: $0, period: result.warnAfterPeriod)
          },
          errorAfter: result.errorAfterCount.map {
            JobCriteria.Info(count: $0, period: result.errorAfterPeriod)
          })
      },
    ]
    for (name, read) in fields {
      try schema.setResolver("SourceFreshnessNode", name, as: FreshnessValue.self) {
        value, _, _, _ in read(value)
      }
    }
  }
}
