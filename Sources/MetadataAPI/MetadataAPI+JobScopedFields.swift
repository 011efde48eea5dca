import GraphQL
import MetadataStore

/// The fields of Part 1's node types, every one bound as a batch resolver over
/// ``JobNode`` parents: scalar fields of the definition read the node itself; fields of a
/// run result, a freshness check, a catalog entry or the DAG go through
/// ``JobScopedLoader``, which loads them for the whole list in one store call per run.
///
/// Meanings: `reference/dbt-metadata-api.md` §1.2 (the artifact field behind each is named
/// in the comments below).
extension MetadataAPI {
  /// Part 1's node types.
  static let jobNodeTypes = [
    "ModelNode", "SourceNode", "SeedNode", "SnapshotNode", "TestNode", "ExposureNode",
    "MetricNode", "MacroNode",
  ]

  typealias NodeBatch = @Sendable ([JobNode], JobScopedLoader) throws -> [Any?]

  static func bindJobScopedNodeFields(_ schema: GraphQLSchema) throws {
    let fields = jobNodeFields()
    for type in jobNodeTypes {
      guard let named = schema.type(named: type) else { continue }
      for fieldName in named.fields.keys {
        let resolve = typeSpecificFields[type]?[fieldName] ?? fields[fieldName]
        guard let resolve else { continue }
        try bindNodes(schema, type, fieldName, resolve)
      }
    }
  }

  private static func bindNodes(
    _ schema: GraphQLSchema, _ type: String, _ field: String, _ resolve: @escaping NodeBatch
  ) throws {
    // A scalar field of a kept history's nodes answers the values the history keeps.
    let kind = try schema.field(type, field).type.namedType.kind
    if kind == .scalar || kind == .enum {
      let key = "\(type).\(field)"
      try schema.setBatchResolver(type, field, as: JobNode.self) { nodes, _, context, _ in
        let loader = try JobScopedLoader.of(context)
        return try loader.fieldValues(nodes, key: key) { try resolve(nodes, loader) }
      }
      return
    }
    try schema.setBatchResolver(type, field, as: JobNode.self) { nodes, _, context, _ in
      try resolve(nodes, try JobScopedLoader.of(context))
    }
  }

  /// A field computed from each node alone.
  private static func each(_ value: @escaping @Sendable (JobNode, JobScopedLoader) -> Any?)
    -> NodeBatch
  {
    { nodes, loader in nodes.map { value($0, loader) } }
  }

  /// A field of each node's run result (nil when the run did not report the node).
  private static func result(_ value: @escaping @Sendable (ExecutionRecord) -> Any?) -> NodeBatch {
    { nodes, loader in try loader.execution(nodes).map { $0.flatMap(value) } }
  }

  /// A field of each node's catalog entry.
  private static func catalog(_ value: @escaping @Sendable (CatalogRecord) -> Any?) -> NodeBatch {
    { nodes, loader in try loader.catalog(nodes).map { $0.flatMap(value) } }
  }

  /// A field of each source's freshness check.
  private static func freshness(_ value: @escaping @Sendable (JobFreshnessRecord) -> Any?)
    -> NodeBatch
  {
    { nodes, loader in try loader.freshness(nodes).map { $0.flatMap(value) } }
  }

  /// Each node's parents or children of some resource types, as nodes of the same run.
  private static func relatives(children: Bool, _ types: Set<String>) -> NodeBatch {
    { nodes, loader in try loader.relatives(nodes, children: children, types: types) }
  }

  /// Fields shared by several node types, by name.
  private static func jobNodeFields() -> [String: NodeBatch] {
    var fields: [String: NodeBatch] = [
      // CloudArtifactInterface: the run's place in the hierarchy.
      "runId": each { node, _ in node.run.id },
      "accountId": each { node, _ in node.run.accountID },
      "projectId": each { node, _ in node.run.projectID },
      "environmentId": each { node, _ in node.run.environmentID },
      "jobId": each { node, _ in node.run.jobID },
      // NodeInterface.
      "resourceType": each { node, _ in node.definition.resourceType },
      "uniqueId": each { node, _ in node.definition.uniqueID },
      "name": each { node, _ in node.definition.name },
      "description": each { node, _ in node.definition.description },
      "meta": each { node, loader in
        parsedObject(node.definition.metaJSON) ?? loader.json(node)["config"]?["meta"]
          ?? .object(JSONObject())
      },
      "dbtVersion": each { node, _ in node.run.dbtVersion },
      "tags": each { node, loader in
        strings(parsed(node.definition.tagsJSON)) ?? strings(loader.json(node)["tags"]) ?? []
      },
      // Definition fields.
      "database": each { node, _ in node.definition.database },
      "schema": each { node, _ in node.definition.schema },
      "alias": each { node, _ in node.definition.alias },
      "identifier": each { node, _ in node.definition.identifier },
      "packageName": each { node, _ in node.definition.packageName },
      "originalFilePath": each { node, _ in node.definition.originalFilePath },
      "path": each { node, loader in loader.json(node)["path"]?.stringValue },
      "language": each { node, _ in node.definition.language },
      "materializedType": each { node, _ in node.definition.materialized },
      "access": each { node, _ in node.definition.access },
      "dbtGroup": each { node, _ in node.definition.group },
      "packages": each { node, loader in strings(loader.json(node)["config"]?["packages"]) ?? [] },
      // depends_on.nodes then depends_on.macros, as dbt Cloud lists them (its docs show a
      // test depending on "model.demo_data.orders", "macro.dbt.test_not_null"...).
      "dependsOn": each { node, loader in
        let dependsOn = loader.json(node)["depends_on"]
        return (strings(dependsOn?["nodes"]) ?? []) + (strings(dependsOn?["macros"]) ?? [])
      },
      // raw_sql / compiled_sql until manifest v7 (dbt 1.3), raw_code / compiled_code since.
      "rawSql": each { node, loader in rawCode(loader.json(node)) },
      "rawCode": each { node, loader in rawCode(loader.json(node)) },
      "compiledSql": each { node, loader in compiledCode(loader.json(node)) },
      "compiledCode": each { node, loader in compiledCode(loader.json(node)) },
      // Catalog (docs generate).
      "type": catalog { $0.type },
      "owner": catalog { $0.owner },
      "comment": catalog { $0.comment },
      "columns": { nodes, loader in
        try zip(nodes, loader.catalog(nodes)).map { node, catalog -> Any? in
          guard let catalog else { return [JobCatalogColumn]() }
          let described = loader.json(node)["columns"]?.objectValue ?? JSONObject()
          return catalog.columns.map { column in
            JobCatalogColumn(column: column, manifest: manifestColumn(column.name, in: described))
          }
        }
      },
      "stats": { nodes, loader in
        try loader.catalog(nodes).map { $0?.stats ?? [] }
      },
      // Lineage in the run's manifest.
      "childrenL1": { nodes, loader in
        try loader.children(nodes).map { $0.map(\.uniqueID) }
      },
      "parentsModels": relatives(children: false, ["model"]),
      "parentsSources": relatives(children: false, ["source"]),
      "tests": relatives(children: true, ["test"]),
    ]
    // The run result of models, seeds, snapshots and tests.
    let results: [String: @Sendable (ExecutionRecord) -> Any?] = [
      "status": { $0.status },
      "error": { $0.status == "error" ? $0.message : nil },
      "skip": { $0.status == "skipped" },
      "compileStartedAt": { APIDate.dateTime($0.compileStartedAt) },
      "compileCompletedAt": { APIDate.dateTime($0.compileCompletedAt) },
      "executeStartedAt": { APIDate.dateTime($0.executeStartedAt) },
      "executeCompletedAt": { APIDate.dateTime($0.executeCompletedAt) },
      "executionTime": { $0.executionTime },
      "threadId": { $0.threadID },
      "thread_id": { $0.threadID },
      "runGeneratedAt": { APIDate.dateTime($0.generatedAt) },
      "runElapsedTime": { $0.runElapsedTime },
      "invocationId": { $0.invocationID },
      "args": { parsed($0.argsJSON) },
    ]
    for (name, value) in results { fields[name] = result(value) }
    fields["runResults"] = { nodes, loader in
      try loader.executions(nodes).map { records in
        records.filter(\.executesNode).sorted { ($0.generatedAt ?? "") > ($1.generatedAt ?? "") }
      }
    }
    return fields
  }

  /// Fields whose meaning differs by type, by type then name.
  private static let typeSpecificFields: [String: [String: NodeBatch]] = [
    "SourceNode": sourceFields(),
    "TestNode": testFields(),
    "ExposureNode": exposureFields(),
    "MetricNode": metricFields(),
    "MacroNode": macroFields(),
    "SnapshotNode": [
      // Non-null in the spec: a snapshot without children has [].
      "childrenL1": { nodes, loader in try loader.children(nodes).map { $0.map(\.uniqueID) } }
    ],
  ]

  /// A source: the definition, and the freshness check of the run (`sources.json`).
  private static func sourceFields() -> [String: NodeBatch] {
    [
      "sourceName": each { node, _ in node.definition.sourceName },
      "sourceDescription": each { node, loader in
        loader.json(node)["source_description"]?.stringValue
      },
      "loader": each { node, _ in node.definition.loader },
      "maxLoadedAt": freshness { APIDate.dateTime($0.result.maxLoadedAt) },
      "snapshottedAt": freshness { APIDate.dateTime($0.result.snapshottedAt) },
      "maxLoadedAtTimeAgoInS": freshness { $0.result.maxLoadedAtTimeAgoInS },
      "runGeneratedAt": freshness { APIDate.dateTime($0.result.generatedAt) },
      "runElapsedTime": freshness { $0.runElapsedTime },
      // FreshnessStatus: pass, warn, error; a runtime error (the check itself failed) is
      // an Error too. Null when the run did not check the source.
      "state": freshness { freshnessStatus($0.result.status) },
      "freshnessChecked": { nodes, loader in try loader.freshness(nodes).map { $0 != nil } },
      "criteria": { nodes, loader in
        try zip(nodes, loader.freshness(nodes)).map { node, checked in
          criteria(node: node, checked: checked?.result, json: loader.json(node))
        }
      },
    ]
  }

  /// A test: `state` is the run result's status (`pass`, `fail`, `warn`, `error`; a
  /// skipped test is `skipped`), `status` is "ERROR" on error, else the number of failing
  /// rows as text.
  private static func testFields() -> [String: NodeBatch] {
    [
      "state": result { record in
        record.status.map { $0 == "runtime error" ? "error" : $0 }
      },
      "status": result { record in
        if record.status == "error" || record.status == "runtime error" { return "ERROR" }
        if record.status == "skipped" { return nil }
        return record.failures.map(String.init) ?? (record.status == "pass" ? "0" : nil)
      },
      "error": result { record in
        ["error", "runtime error", "fail", "warn"].contains(record.status ?? "")
          ? record.message : nil
      },
      // A failing test and one that errored are both failures (dbt Cloud's docs show
      // `fail: true` for a test in state error).
      "fail": result { ["fail", "error", "runtime error"].contains($0.status ?? "") },
      "warn": result { $0.status == "warn" },
      "skip": result { $0.status == "skipped" },
      "columnName": each { node, _ in node.definition.testColumnName },
    ]
  }

  /// An exposure: owner, type, url and maturity from the manifest; `parents` are the
  /// nodes it depends on, of any Part 1 type.
  private static func exposureFields() -> [String: NodeBatch] {
    [
      "manifestGeneratedAt": each { node, _ in APIDate.dateTime(node.run.generatedAt) },
      "ownerEmail": each { node, loader in loader.json(node)["owner"]?["email"]?.stringValue },
      "ownerName": each { node, loader in loader.json(node)["owner"]?["name"]?.stringValue },
      "exposureType": each { node, loader in loader.json(node)["type"]?.stringValue },
      "url": each { node, loader in loader.json(node)["url"]?.stringValue },
      "maturity": each { node, loader in loader.json(node)["maturity"]?.stringValue },
      "parents": relatives(children: false, Set(JobNode.typeNames.keys)),
      "parentsModels": relatives(children: false, ["model"]),
      "parentsSources": relatives(children: false, ["source"]),
    ]
  }

  /// A metric, in any of its three manifest formats: dbt 1.0-1.2 (`type`, `sql`),
  /// 1.3-1.5 (`calculation_method`, `expression`) and MetricFlow, 1.6+ (`type`,
  /// `type_params`; no sql, timestamp, time grains or dimensions: those live in the
  /// semantic model).
  private static func metricFields() -> [String: NodeBatch] {
    [
      "label": each { node, loader in loader.json(node)["label"]?.stringValue },
      "type": each { node, loader in
        let json = loader.json(node)
        return json["type"]?.stringValue ?? json["calculation_method"]?.stringValue
      },
      "calculation_method": each { node, loader in
        let json = loader.json(node)
        return json["calculation_method"]?.stringValue ?? json["type"]?.stringValue
      },
      "sql": each { node, loader in
        let json = loader.json(node)
        return json["sql"]?.stringValue ?? json["expression"]?.stringValue
          ?? json["type_params"]?["expr"]?.stringValue
      },
      "expression": each { node, loader in
        let json = loader.json(node)
        return json["expression"]?.stringValue ?? json["sql"]?.stringValue
          ?? json["type_params"]?["expr"]?.stringValue
      },
      "timestamp": each { node, loader in loader.json(node)["timestamp"]?.stringValue },
      "timeGrains": each { node, loader in strings(loader.json(node)["time_grains"]) ?? [] },
      "dimensions": each { node, loader in strings(loader.json(node)["dimensions"]) ?? [] },
      // The legacy filter list [{field, operator, value}]; MetricFlow's filter is an
      // object of where clauses, which this legacy type cannot hold.
      "filters": each { node, loader in
        (loader.json(node)["filters"]?.listValue ?? []).compactMap(\.objectValue)
      },
      // The model the metric is defined on: a model it depends on, else (MetricFlow) the
      // model of the semantic model it depends on; null for derived metrics.
      "model": { nodes, loader in
        let direct = try loader.relatives(nodes, children: false, types: ["model"])
        let semantic = try loader.relatives(nodes, children: false, types: ["semantic_model"])
        var pending: [(index: Int, semanticModel: JobNode)] = []
        for index in nodes.indices where direct[index].isEmpty {
          if let semanticModel = semantic[index].first { pending.append((index, semanticModel)) }
        }
        let through = try loader.relatives(
          pending.map(\.semanticModel), children: false, types: ["model"])
        var models: [Any?] = direct.map { $0.first }
        for (position, entry) in pending.enumerated() {
          models[entry.index] = through[position].first
        }
        return models
      },
    ]
  }

  /// A macro: `depends_on.macros`, `macro_sql`, and `root_path` (manifests before v5).
  private static func macroFields() -> [String: NodeBatch] {
    [
      "dependsOn": each { node, loader in
        strings(loader.json(node)["depends_on"]?["macros"]) ?? []
      },
      "macroSql": each { node, loader in loader.json(node)["macro_sql"]?.stringValue },
      "rootPath": each { node, loader in loader.json(node)["root_path"]?.stringValue },
    ]
  }

  // MARK: Helpers

  static func parsed(_ text: String?) -> JSONValue? {
    guard let text else { return nil }
    return try? JSONParser.parse(text)
  }

  private static func parsedObject(_ text: String?) -> JSONValue? {
    guard let value = parsed(text), case .object = value else { return nil }
    return value
  }

  static func strings(_ value: JSONValue?) -> [String]? {
    value?.listValue?.compactMap(\.stringValue)
  }

  private static func rawCode(_ json: JSONValue) -> String? {
    json["raw_code"]?.stringValue ?? json["raw_sql"]?.stringValue
  }

  private static func compiledCode(_ json: JSONValue) -> String? {
    json["compiled_code"]?.stringValue ?? json["compiled_sql"]?.stringValue
  }

  /// The manifest's entry for a catalog column: exact name first, else case-insensitive
  /// (warehouses such as Snowflake report upper-case names for lower-case YAML).
  private static func manifestColumn(_ name: String, in columns: JSONObject) -> JSONValue? {
    if let exact = columns[name] { return exact }
    let lowered = name.lowercased()
    return columns.first { $0.key.lowercased() == lowered }?.value
  }

  /// `FreshnessStatus` of a freshness result status.
  static func freshnessStatus(_ status: String) -> String? {
    switch status {
    case "pass": return "Pass"
    case "warn": return "Warn"
    case "error", "runtime error": return "Error"
    default: return nil
    }
  }

  /// A source's freshness criteria: the thresholds the check used when the run checked
  /// it, else the definition's `freshness` (null members when none is configured).
  private static func criteria(node: JobNode, checked: FreshnessRecord?, json: JSONValue)
    -> JobCriteria
  {
    let defined = json["freshness"]
    func info(_ key: String, count: Int?, period: String?) -> JobCriteria.Info? {
      let count = count ?? defined?[key]?["count"]?.intValue
      let period = period ?? defined?[key]?["period"]?.stringValue
      guard count != nil || period != nil else { return nil }
      return JobCriteria.Info(count: count, period: period)
    }
    return JobCriteria(
      warnAfter: info(
        "warn_after", count: checked?.warnAfterCount, period: checked?.warnAfterPeriod),
      errorAfter: info(
        "error_after", count: checked?.errorAfterCount, period: checked?.errorAfterPeriod))
  }
}
