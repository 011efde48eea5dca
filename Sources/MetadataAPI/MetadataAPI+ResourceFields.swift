import GraphQL
import MetadataStore

/// The fields of Part 4's standalone node types (`SemanticModelDefinitionNode`,
/// `SavedQueryDefinitionNode`, `GroupNode`) and value types, each from the manifest key
/// `reference/dbt-discovery-api-2024.md` §1 and §3 name.
extension MetadataAPI {
  static func bindResourceNodeFields(_ schema: GraphQLSchema) throws {
    let common: [String: @Sendable (ResourceNode) -> Any?] = [
      "accountId": { $0.run.accountID },
      "projectId": { $0.run.projectID },
      "environmentId": { $0.run.environmentID },
      "uniqueId": { $0.definition.uniqueID },
      "resourceType": { $0.definition.resourceType },
      "filePath": { $0.definition.originalFilePath ?? "" },
      "name": { $0.definition.name },
      "description": { $0.definition.description },
      "meta": { $0.meta },
      "tags": { $0.tags },
      "runGeneratedAt": { APIDate.dateTime($0.run.generatedAt) },
      "runId": { $0.run.id },
      "jobDefinitionId": { $0.run.jobID },
      "jobId": { $0.run.jobID },
      "packageName": { $0.definition.packageName },
      "patchPath": { $0.json["patch_path"]?.stringValue },
      "dbtVersion": { $0.run.dbtVersion },
      "fqn": { strings($0.json["fqn"]) ?? [] },
      "group": { $0.definition.group ?? $0.json["config"]?["group"]?.stringValue },
      // Semantic models.
      "dimensions": { $0.json["dimensions"]?.listValue ?? [] },
      "entities": { $0.json["entities"]?.listValue ?? [] },
      "measures": { $0.json["measures"]?.listValue ?? [] },
      // Saved queries: query_params is always written; an absent one reads as empty.
      "queryParams": { $0.json["query_params"] ?? .object(JSONObject()) },
      "exports": { $0.json["exports"]?.listValue ?? [] },
      // Groups: owner {name, email}; tags are [] (a group has none of its own).
      "ownerName": { $0.json["owner"]?["name"]?.stringValue },
      "ownerEmail": { node in
        if let list = node.json["owner"]?["email"]?.listValue {
          return list.compactMap(\.stringValue).joined(separator: ", ")
        }
        return node.json["owner"]?["email"]?.stringValue
      },
    ]
    let types = ["SemanticModelDefinitionNode", "SavedQueryDefinitionNode", "GroupNode"]
    for type in types {
      guard let named = schema.type(named: type) else { continue }
      for field in named.fields.keys {
        guard var value = common[field] else { continue }
        if type == "GroupNode", field == "tags" { value = { _ in [String]() } }
        if type == "GroupNode", field == "meta" {
          value = { $0.json["config"]?["meta"] ?? $0.json["meta"] }
        }
        let resolve = value
        try schema.setResolver(type, field, as: ResourceNode.self) { node, _, _, _ in
          resolve(node)
        }
      }
    }
    // The models of the group: model definitions of the same manifest whose group is the
    // group's name (group_map[name] restricted to models).
    try schema.setBatchResolver("GroupNode", "modelCount", as: ResourceNode.self) {
      groups, _, context, _ in
      let ctx = try RequestContext.of(context)
      var counts: [Int: [String: Int]] = [:]
      for runID in Set(groups.map(\.run.id)) {
        let models = try ctx.memoized("resources.groupModels.\(runID)") {
          try ctx.store.definitions(accountID: ctx.accountID, runID: runID, resourceType: "model")
        }
        counts[runID] = Dictionary(
          models.compactMap { $0.group }.map { ($0, 1) }, uniquingKeysWith: +)
      }
      return groups.map { counts[$0.run.id]?[$0.definition.name] ?? 0 }
    }
  }

  static func bindResourceValueTypes(_ schema: GraphQLSchema) throws {
    try schema.setResolver("Tag", "name", as: String.self) { name, _, _, _ in name }
    try schema.setResolver("ExposureOwner", "name", as: ResourceOwner.self) { owner, _, _, _ in
      owner.name
    }
    try schema.setResolver("ExposureOwner", "email", as: ResourceOwner.self) { owner, _, _, _ in
      owner.email
    }

    // JSON objects of the manifest, field by key.
    let keys: [String: [String: String]] = [
      "SemanticModelDimension": [
        "name": "name", "type": "type", "description": "description", "typeParams": "type_params",
      ],
      "SemanticModelEntity": ["name": "name", "type": "type", "description": "description"],
      "SemanticModelMeasure": [
        "name": "name", "agg": "agg", "description": "description", "expr": "expr",
        "createMetric": "create_metric",
      ],
      "QueryParams": ["where": "where", "limit": "limit"],
      "QueryExports": ["name": "name", "config": "config"],
      "QueryExportConfig": ["schema": "schema_name", "alias": "alias", "database": "database"],
    ]
    for (type, fields) in keys {
      for (field, key) in fields {
        try schema.setResolver(type, field, as: JSONValue.self) { object, _, _, _ in
          guard let value = object[key], !value.isNull else { return nil }
          return value
        }
      }
    }
    try schema.setResolver("QueryParams", "metrics", as: JSONValue.self) { params, _, _, _ in
      strings(params["metrics"]) ?? []
    }
    try schema.setResolver("QueryParams", "groupBy", as: JSONValue.self) { params, _, _, _ in
      strings(params["group_by"]) ?? []
    }
    // order_by: dbt 1.8+; older saved queries have none.
    try schema.setResolver("QueryParams", "orderBy", as: JSONValue.self) { params, _, _, _ in
      strings(params["order_by"]) ?? []
    }
    try schema.setResolver("QueryWhere", "whereFilters", as: JSONValue.self) {
      whereValue, _, _, _ in
      whereValue["where_filters"]?.listValue ?? []
    }
    try schema.setResolver("QueryWhereFilter", "whereSqlTemplate", as: JSONValue.self) {
      filter, _, _, _ in
      filter["where_sql_template"]?.stringValue ?? ""
    }
    try schema.setResolver("QueryExportConfig", "exportAs", as: JSONValue.self) {
      config, _, _, _ in
      config["export_as"]?.stringValue ?? ""
    }

    let consumer: [String: @Sendable (ConsumerProjectRecord) -> Any?] = [
      "consumerProjectId": { $0.projectID },
      "consumerEnvironmentId": { $0.environmentID },
      "consumerCoreProject": { $0.coreProject },
      "consumerCloudProject": { $0.cloudProject },
      "producerPublicModels": { $0.publicModels },
    ]
    for (field, value) in consumer {
      try schema.setResolver("ConsumerProject", field, as: ConsumerProjectRecord.self) {
        record, _, _, _ in value(record)
      }
    }
    try schema.setResolver(
      "ProducerPublicModel", "uniqueId", as: ConsumerProjectRecord.PublicModel.self
    ) { model, _, _, _ in model.uniqueID }
    try schema.setResolver(
      "ProducerPublicModel", "numEdges", as: ConsumerProjectRecord.PublicModel.self
    ) { model, _, _, _ in model.numEdges }

    let change: [String: @Sendable (ResourceChange) -> Any?] = [
      "accountId": { $0.latest?.accountID },
      "projectId": { $0.latest?.projectID },
      "environmentId": { $0.latest?.environmentID },
      "uniqueId": { $0.record.uniqueID },
      "changes": { $0.record.changes },
      "mostRecentChangedAt": { APIDate.dateTime($0.record.mostRecentChangedAt) },
      "runId": { $0.record.runID },
      "jobDefinitionId": { $0.record.jobID },
      // The git commit is not in dbt artifacts and ingest records none: null (reference §2).
      "gitSha": { _ in nil },
    ]
    for (field, value) in change {
      try schema.setResolver("RecentResourceChange", field, as: ResourceChange.self) {
        record, _, _, _ in value(record)
      }
    }
  }
}
