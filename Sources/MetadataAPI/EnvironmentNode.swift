import Foundation
import GraphQL
import MetadataStore

/// The parent value of every environment node type of Parts 2 and 4: the applied and
/// definition nodes (`ModelAppliedStateNode`, `ModelDefinitionNode`...), the nested nodes
/// of `parents` / `children` / `ancestors` / `tests` (`ModelAppliedStateNestedNode`,
/// `ModelDefinitionNestedNode`, `ExternalModelNode`...), and the macro and metric nodes.
///
/// One node of the environment's current manifest (``MetadataStore/EnvironmentNodeRecord``,
/// held by a shared ``EnvironmentNodeEntry``) with the environment it was read in and the
/// side it was asked from, which names its object type (``typeName``). The node's manifest
/// JSON is parsed on first use, once per request, for the fields the definition table does
/// not hold.
///
/// Most nodes are made per request. A kept applied state (``AppliedState``) also holds one
/// node per entry and side, shared by every request whose list reads only summary fields
/// (``summaryFields``): such a node has its type name set when made and never caches
/// anything afterwards (its JSON, should a field read it, is read and parsed at each use,
/// ``EnvironmentNodeContext/isShared``), so requests on any thread read it as it is.
final class EnvironmentNode {
  /// Which family of types the node is served as.
  enum Side: CaseIterable {
    case applied, definition, appliedNested, definitionNested

    /// The side's position in ``allCases``.
    var index: Int {
      switch self {
      case .applied: 0
      case .definition: 1
      case .appliedNested: 2
      case .definitionNested: 3
      }
    }
  }

  /// The node's record (and, for a node of a kept state, its index and execution info).
  let entry: EnvironmentNodeEntry
  /// The environment and where the JSON is read from, shared by the nodes of a list.
  let context: EnvironmentNodeContext
  let side: Side
  /// The parsed manifest JSON, once read (never for a shared node).
  private var parsedJSON: JSONObject?
  /// The type name once known (set when made, unless only the JSON can tell).
  private var knownTypeName: String??

  /// The environment the node was read in.
  var environment: EnvironmentRecord {
    _read { yield context.environment }
  }

  /// The node's record, read in place in its shared entry (not copied).
  var record: EnvironmentNodeRecord {
    _read { yield entry.record }
  }

  /// A node read by a statement; its definition is registered with `documents`.
  convenience init(
    _ record: EnvironmentNodeRecord, environment: EnvironmentRecord, side: Side,
    documents: DefinitionDocuments
  ) {
    self.init(
      entry: EnvironmentNodeEntry(record),
      context: EnvironmentNodeContext(environment: environment, documents: documents),
      side: side, registers: true)
  }

  /// A node of a shared entry.
  ///
  /// - Parameter registers: whether to register the node's definition with the context's
  ///   documents, so that the first node of the request needing its JSON reads every
  ///   registered one in one statement; false for lists whose selection reads no JSON
  ///   (summary fields).
  init(entry: EnvironmentNodeEntry, context: EnvironmentNodeContext, side: Side, registers: Bool) {
    self.entry = entry
    self.context = context
    self.side = side
    if !entry.mayBeExternal { knownTypeName = .some(entry.typeNames[side.index]) }
    if registers, let documents = context.documents {
      documents.register(entry.record.definitionID, environmentID: context.environment.id)
    }
  }

  /// `value as? EnvironmentNode`, comparing the value's dynamic type first (the runtime's
  /// general cast from `Any` is slower, and the interfaces' type resolver asks once per
  /// nested node).
  static func exactly(_ value: Any) -> EnvironmentNode? {
    func open<Opened>(_ opened: Opened) -> EnvironmentNode? {
      if Opened.self == EnvironmentNode.self {
        return unsafeBitCast(opened, to: EnvironmentNode.self)
      }
      return opened as? EnvironmentNode
    }
    return open(value)
  }

  /// The fields a node read with its summary alone answers
  /// (``MetadataStore/EnvironmentNodeQuery/summaryOnly``): its unique id, resource type,
  /// name, file path and materialization, its environment's ids and run, and the fields
  /// that read other rows by the node's ids (its own relatives, its execution info). A list
  /// whose selection stays within these is read without the rest of its nodes'
  /// definitions.
  static let summaryFields: Set<String> = [
    "__typename", "uniqueId", "resourceType", "name", "filePath", "materializedType",
    "accountId", "projectId", "environmentId", "runId", "jobDefinitionId", "jobId",
    "dbtVersion", "runGeneratedAt", "manifestGeneratedAt", "parents", "children", "ancestors",
    "tests", "executionInfo",
  ]

  var definition: DefinitionRecord {
    _read { yield entry.record.definition }
  }
  var resourceType: String { entry.record.definition.resourceType }

  /// The node's manifest JSON, read (with the request's other nodes') and parsed on first
  /// use; a shared node reads and parses it at each use (see the type's comment).
  var json: JSONObject {
    if let parsedJSON { return parsedJSON }
    let text = context.jsonText(entry.record.definitionID)
    let parsed = (try? JSONParser.parse(text))?.objectValue ?? JSONObject()
    if !context.isShared { parsedJSON = parsed }
    return parsed
  }

  /// A model of another project injected by a cross-project ref (dbt-core >= 1.6 external
  /// nodes have no files): reference §1, "External (cross-project) model".
  var isExternalModel: Bool {
    resourceType == "model" && (definition.originalFilePath ?? "").isEmpty
      && (json["path"]?.stringValue ?? "").isEmpty
  }

  /// The object type of the node on its side, or nil for resources the spec has no type
  /// for on that side (analyses, hooks, docs, functions): those are left out of lists.
  ///
  /// Known when the node is made, except for a model that may be external (only its JSON
  /// tells), whose type is computed on first use (such a node is never shared).
  var typeName: String? {
    if let knownTypeName { return knownTypeName }
    let name =
      isExternalModel
      ? Self.typeName(resourceType: resourceType, side: side, external: true)
      : entry.typeNames[side.index]
    knownTypeName = .some(name)
    return name
  }

  static func typeName(resourceType: String, side: Side, external: Bool = false) -> String? {
    switch (resourceType, side) {
    case ("macro", .applied), ("macro", .definition): return "MacroDefinitionNode"
    case ("metric", .applied), ("metric", .definition): return "MetricDefinitionNode"
    case ("semantic_model", .applied), ("semantic_model", .definition):
      return "SemanticModelDefinitionNode"
    case ("saved_query", .applied), ("saved_query", .definition): return "SavedQueryDefinitionNode"
    case ("macro", _): return "MacroDefinitionNestedNode"
    case ("metric", _): return "MetricDefinitionNestedNode"
    case ("semantic_model", _): return "SemanticModelDefinitionNestedNode"
    case ("saved_query", _): return "SavedQueryDefinitionNestedNode"
    case ("model", .appliedNested), ("model", .definitionNested):
      if external { return "ExternalModelNode" }
    default: break
    }
    guard let names = stemTypeNames[resourceType] else { return nil }
    switch side {
    case .applied: return names.applied
    case .definition: return names.definition
    case .appliedNested: return names.appliedNested
    case .definitionNested: return names.definitionNested
    }
  }

  /// The four object types of each resource type that has them, by side (composed once,
  /// not per node).
  static let stemTypeNames:
    [String: (applied: String, definition: String, appliedNested: String, definitionNested: String)] =
      {
        let stems = [
          "model": "Model", "source": "Source", "seed": "Seed", "snapshot": "Snapshot",
          "test": "Test", "unit_test": "Test", "exposure": "Exposure",
        ]
        return stems.mapValues { stem in
          (
            stem + "AppliedStateNode", stem + "DefinitionNode", stem + "AppliedStateNestedNode",
            stem + "DefinitionNestedNode"
          )
        }
      }()

  /// The same node served as a nested node of this one's side.
  var nestedSide: Side {
    switch side {
    case .applied, .appliedNested: return .appliedNested
    case .definition, .definitionNested: return .definitionNested
    }
  }

  // MARK: - Field values

  /// The value of a plain field (one read from the node, its manifest or its environment,
  /// needing no other query), or nil for null. Fields needing other rows (`parents`,
  /// `executionInfo`, `catalog`...) are batch resolvers in ``MetadataAPI``.
  ///
  /// Field meanings: reference/dbt-discovery-api-2024.md §1 (common fields) and §4.
  func value(of field: String) -> Any? {
    let d = definition
    switch field {
    case "accountId": return environment.accountID
    case "projectId": return environment.projectID
    case "environmentId": return environment.id
    case "uniqueId": return d.uniqueID
    case "resourceType": return d.resourceType
    case "filePath": return d.originalFilePath ?? ""
    case "name": return d.name
    case "description": return d.description
    case "meta": return (d.metaJSON.flatMap(Self.object) ?? json["config"]?["meta"]?.objectValue)
    case "tags":
      // `tags`, else `config.tags` (unit tests keep theirs there), else [].
      let tags = Self.strings(d.tagsJSON) ?? []
      return tags.isEmpty ? Self.strings(json["config"]?["tags"]) ?? [] : tags
    case "fqn": return Self.strings(d.fqnJSON) ?? []
    case "runGeneratedAt", "manifestGeneratedAt": return APIDate.dateTime(environment.generatedAt)
    case "runId": return environment.latestRunID
    case "jobDefinitionId", "jobId": return environment.latestJobID
    case "dbtVersion": return environment.dbtVersion
    case "packageName": return d.packageName
    case "dbtProjectName": return d.packageName
    case "patchPath": return json["patch_path"]?.stringValue
    case "database": return d.database
    case "schema": return d.schema
    case "alias": return d.alias
    case "identifier": return d.identifier ?? d.alias
    case "relationName": return d.relationName
    case "language": return d.language
    case "materializedType": return d.materialized
    case "rawCode": return json["raw_code"]?.stringValue ?? json["raw_sql"]?.stringValue
    case "compiledCode":
      return json["compiled_code"]?.stringValue ?? json["compiled_sql"]?.stringValue
    case "access": return d.access
    case "group": return d.group ?? json["config"]?["group"]?.stringValue
    case "modelingLayer": return record.modelingLayer
    case "version": return record.version
    case "latestVersion": return Self.text(json["latest_version"])
    case "releaseVersion": return releaseVersion
    case "config": return json["config"]?.objectValue
    case "contractEnforced":
      return json["contract"]?["enforced"]?.boolValue
        ?? json["config"]?["contract"]?["enforced"]?.boolValue
    case "packages": return (json["config"]?["packages"]).flatMap(Self.strings) ?? []
    case "deprecationDate": return APIDate.dateTime(json["deprecation_date"]?.stringValue)
    case "constraints": return constraints
    case "isDescriptionInherited", "usageQueryCount": return nil
    case "sourceName": return d.sourceName
    case "sourceDescription": return json["source_description"]?.stringValue
    case "loader": return d.loader
    case "freshnessCriteria": return freshnessCriteria
    case "columnName": return d.testColumnName
    case "testedNodeUniqueId": return d.testedUniqueID
    case "testType": return testType
    case "testMetadata": return testMetadata
    case "model": return isUnitTest ? json["model"]?.stringValue : nil
    case "given":
      return isUnitTest ? (json["given"]?.listValue?.compactMap(\.objectValue) ?? []) : nil
    case "expect": return isUnitTest ? json["expect"]?.objectValue : nil
    case "overrides": return isUnitTest ? json["overrides"]?.objectValue : nil
    case "eventStatus": return json["_event_status"]?.objectValue
    case "numGiven": return isUnitTest ? (json["given"]?.listValue?.count ?? 0) : nil
    case "numGivenRows":
      guard isUnitTest else { return nil }
      return (json["given"]?.listValue ?? []).reduce(0) { $0 + ($1["rows"]?.listValue?.count ?? 0) }
    case "numExpectRows": return isUnitTest ? json["expect"]?["rows"]?.listValue?.count : nil
    case "thisInputNodeUniqueId": return thisInputNodeUniqueID
    case "exposureType": return json["type"]?.stringValue
    case "maturity": return json["maturity"]?.stringValue
    case "ownerName": return json["owner"]?["name"]?.stringValue
    case "ownerEmail": return Self.joinedEmail(json["owner"]?["email"])
    case "url": return json["url"]?.stringValue
    case "label": return json["label"]?.stringValue
    case "macroSql": return json["macro_sql"]?.stringValue
    case "arguments": return macroArguments
    case "type": return json["type"]?.stringValue
    case "formula":
      return json["type_params"]?["expr"]?.stringValue ?? json["expression"]?.stringValue
    case "filter": return json["filter"]?.objectValue
    case "typeParams": return json["type_params"]?.objectValue
    // Semantic models and saved queries: the manifest's objects as written, the values the
    // semantic-layer value types (`SemanticModelDimension`, `QueryParams`...) read by key.
    case "dimensions", "entities", "measures", "exports": return json[field]?.listValue ?? []
    case "queryParams": return json["query_params"] ?? .object(JSONObject())
    default: return nil
    }
  }

  /// The reader of one plain field, chosen once when the schema is bound
  /// (``MetadataAPI/bindEnvironmentNodes(_:)``) rather than by comparing the name with
  /// every case of ``value(of:)`` at each read: the fields every list selects read the
  /// record in place; the others go through ``value(of:)``.
  static func reader(_ field: String) -> @Sendable (EnvironmentNode) -> Any? {
    switch field {
    case "uniqueId": return { $0.entry.record.definition.uniqueID }
    case "name": return { $0.entry.record.definition.name }
    case "resourceType": return { $0.entry.record.definition.resourceType }
    case "filePath": return { $0.entry.record.definition.originalFilePath ?? "" }
    case "materializedType": return { $0.entry.record.definition.materialized }
    case "packageName": return { $0.entry.record.definition.packageName }
    case "database": return { $0.entry.record.definition.database }
    case "schema": return { $0.entry.record.definition.schema }
    case "alias": return { $0.entry.record.definition.alias }
    case "description": return { $0.entry.record.definition.description }
    case "accountId": return { $0.context.environment.accountID }
    case "projectId": return { $0.context.environment.projectID }
    case "environmentId": return { $0.context.environment.id }
    case "runId": return { $0.context.environment.latestRunID }
    case "jobDefinitionId", "jobId": return { $0.context.environment.latestJobID }
    case "dbtVersion": return { $0.context.environment.dbtVersion }
    default: return { $0.value(of: field) }
    }
  }

  var isUnitTest: Bool { resourceType == "unit_test" }

  /// `UNIT_TEST` for unit tests, `GENERIC_DATA_TEST` for tests with `test_metadata`, else
  /// `SINGULAR_DATA_TEST`.
  var testType: String {
    if isUnitTest { return "UNIT_TEST" }
    return definition.testName != nil ? "GENERIC_DATA_TEST" : "SINGULAR_DATA_TEST"
  }

  /// `TestMetadata`: an object with null members for singular and unit tests.
  var testMetadata: JSONObject {
    let kwargs = json["test_metadata"]?["kwargs"]
    return [
      "name": definition.testName.map { .string($0) } ?? .null,
      "namespace": definition.testNamespace.map { .string($0) } ?? .null,
      "columnName": definition.testColumnName.map { .string($0) } ?? .null,
      "kwargs": kwargs?.objectValue.map { .object($0) } ?? .null,
    ]
  }

  /// dbt Fusion writes `this_input_node_unique_id`; else, when a given input is `this`,
  /// the tested model (dbt-core's name for the input node); else null.
  var thisInputNodeUniqueID: String? {
    guard isUnitTest else { return nil }
    if let written = json["this_input_node_unique_id"]?.stringValue { return written }
    let inputs = json["given"]?.listValue ?? []
    guard inputs.contains(where: { $0["input"]?.stringValue == "this" }) else { return nil }
    return definition.testedUniqueID ?? json["depends_on"]?["nodes"]?.listValue?.first?.stringValue
  }

  /// `ReleaseVersion` (reference §1): none without a version; latest when it is the
  /// latest version or none is declared; old before it; prerelease after it.
  var releaseVersion: String? {
    guard resourceType == "model" else { return nil }
    return Self.releaseVersion(version: record.version, latest: Self.text(json["latest_version"]))
  }

  static func releaseVersion(version: String?, latest: String?) -> String {
    guard let version else { return "none" }
    guard let latest, latest != version else { return "latest" }
    let before: Bool
    if let a = Double(version), let b = Double(latest) {
      before = a < b
    } else {
      before = version < latest
    }
    return before ? "old" : "prerelease"
  }

  /// Model-level `constraints` (manifest v9+) as `ModelLevelConstraint` objects.
  var constraints: [JSONObject] {
    (json["constraints"]?.listValue ?? []).compactMap(\.objectValue).map { item in
      [
        "type": item["type"] ?? .null, "name": item["name"] ?? .null,
        "expression": item["expression"] ?? .null, "columns": item["columns"] ?? .null,
        "warnUnenforced": item["warn_unenforced"] ?? .null,
        "warnUnsupported": item["warn_unsupported"] ?? .null,
      ]
    }
  }

  /// `macros[].arguments[]` as `MacroArguments` objects.
  var macroArguments: [JSONObject] {
    (json["arguments"]?.listValue ?? []).compactMap(\.objectValue).map { item in
      [
        "name": item["name"] ?? .null, "type": item["type"] ?? .null,
        "description": item["description"] ?? .null,
      ]
    }
  }

  // MARK: - JSON helpers

  static func object(_ text: String) -> JSONObject? {
    (try? JSONParser.parse(text))?.objectValue
  }

  static func strings(_ text: String?) -> [String]? {
    guard let text, let list = (try? JSONParser.parse(text))?.listValue else { return nil }
    return list.compactMap(\.stringValue)
  }

  static func strings(_ value: JSONValue?) -> [String]? {
    value?.listValue?.compactMap(\.stringValue)
  }

  /// A string or number as text (model versions are written either way).
  static func text(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let text): return text
    case .int(let number): return String(number)
    case .double(let number): return String(number)
    default: return nil
    }
  }

  /// An owner's email; a list (dbt 1.10+) is joined with ", ".
  static func joinedEmail(_ value: JSONValue?) -> String? {
    if let list = value?.listValue { return list.compactMap(\.stringValue).joined(separator: ", ") }
    return value?.stringValue
  }

  /// The source's configured freshness (`freshness.warn_after` / `error_after`) as the
  /// value of `Criteria`; a criterion without a count is null.
  var freshnessCriteria: JobCriteria {
    func info(_ value: JSONValue?) -> JobCriteria.Info? {
      guard let count = value?["count"]?.intValue else { return nil }
      return JobCriteria.Info(count: count, period: value?["period"]?.stringValue)
    }
    let freshness = json["freshness"]
    return JobCriteria(
      warnAfter: info(freshness?["warn_after"]), errorAfter: info(freshness?["error_after"]))
  }
}
