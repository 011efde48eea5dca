import GraphQL
import MetadataStore

extension MetadataAPI {
  /// `CatalogColumn`, `CatalogStat`, `Criteria` and `CriteriaInfo`: value types Part 1's
  /// nodes and the Discovery API's `CatalogNode` / `SourceFreshnessNode` share, bound over
  /// the same values as the job-scoped binding (``JobCatalogColumn``, `CatalogRecord.Stat`,
  /// ``JobCriteria``) with the same rules, so either binding serves both. When both
  /// bindings are present, one of them can go.
  static func bindSharedValueTypes(_ schema: GraphQLSchema) throws {
    let column: [String: @Sendable (JobCatalogColumn) -> Any?] = [
      "name": { $0.column.name },
      "index": { $0.column.index },
      "type": { $0.column.type },
      "comment": { $0.column.comment },
      "description": { $0.manifest?["description"]?.stringValue },
      "tags": { $0.manifest?["tags"]?.listValue?.compactMap(\.stringValue) ?? [] },
      "meta": { value in
        guard let meta = value.manifest?["meta"], case .object = meta else {
          return JSONValue.object(JSONObject())
        }
        return meta
      },
    ]
    for (name, value) in column {
      try schema.setResolver("CatalogColumn", name, as: JobCatalogColumn.self) {
        record, _, _, _ in value(record)
      }
    }
    let stat: [String: @Sendable (CatalogRecord.Stat) -> Any?] = [
      "id": { $0.id },
      "label": { $0.label },
      "description": { $0.description },
      "include": { $0.include },
      // AnyScalar: the value as the catalog wrote it (number, string or boolean).
      "value": { stat in
        guard let text = stat.valueJSON, let value = try? JSONParser.parse(text) else {
          return nil
        }
        switch value {
        case .int, .double, .string, .bool: return value
        default: return nil
        }
      },
    ]
    for (name, value) in stat {
      try schema.setResolver("CatalogStat", name, as: CatalogRecord.Stat.self) {
        record, _, _, _ in value(record)
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
  }
}
