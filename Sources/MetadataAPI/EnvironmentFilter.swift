import GraphQL
import MetadataStore

/// The Discovery API's filter and sort inputs turned into a store query
/// (``MetadataStore/EnvironmentNodeQuery``): one function per input type of the spec.
///
/// A single string given for a list (`uniqueIds: "model.p.m"`) is a one-element list, as
/// GraphQL input coercion makes it (reference §2.3).
enum EnvironmentFilter {
  /// The manifest resource types of each `ResourceNodeType` / `AncestorNodeType` value.
  static let resourceTypes: [String: [String]] = [
    "Model": ["model"], "Source": ["source"], "Seed": ["seed"], "Snapshot": ["snapshot"],
    "Test": ["test", "unit_test"], "Exposure": ["exposure"], "Macro": ["macro"],
    "Metric": ["metric"], "SemanticModel": ["semantic_model"], "SavedQuery": ["saved_query"],
  ]

  /// The resource types of a list of enum values (`types: [Model, Test]`).
  static func resourceTypes(_ value: JSONValue?) -> [String] {
    strings(value)?.flatMap { resourceTypes[$0] ?? [] } ?? []
  }

  static func strings(_ value: JSONValue?) -> [String]? {
    switch value {
    case .list(let items)?: return items.compactMap(\.stringValue)
    case .string(let text)?: return [text]
    default: return nil
    }
  }

  /// A query of `types` with the filter members every input shares (`tags`, `uniqueIds`,
  /// and `database` / `schema` / `identifier` where the input has them).
  static func query(_ types: [String], filter: JSONValue?) -> EnvironmentNodeQuery {
    var query = EnvironmentNodeQuery(resourceTypes: types)
    guard let filter = filter?.objectValue else { return query }
    query.database = filter["database"]?.stringValue
    query.schema = filter["schema"]?.stringValue
    query.identifier = filter["identifier"]?.stringValue
    query.tags = strings(filter["tags"])
    query.uniqueIDs = strings(filter["uniqueIds"])
    return query
  }

  /// `ModelAppliedFilter` / `ModelDefinitionFilter` and `AppliedModelSort`.
  static func models(_ arguments: JSONObject) -> EnvironmentNodeQuery {
    var query = query(["model"], filter: arguments["filter"])
    if let filter = arguments["filter"]?.objectValue {
      query.access = filter["access"]?.stringValue
      query.group = filter["group"]?.stringValue
      query.modelingLayer = filter["modelingLayer"]?.stringValue
      query.packageName = filter["packageName"]?.stringValue
      query.lastRunStatus = filter["lastRunStatus"]?.stringValue
    }
    if let sort = arguments["sort"]?.objectValue {
      query.descending = sort["direction"]?.stringValue == "desc"
      switch sort["field"]?.stringValue {
      case "executeCompletedAt": query.sort = .executeCompletedAt
      case "rowCount": query.sort = .rowCount
      case "queryUsageCount":
        // Warehouse query usage is not in dbt artifacts: every model's count is unknown
        // (null), so the order is by unique id ascending whatever the direction
        // (reference dbt-discovery-api-2024.md §2, §6), stable for pagination.
        query.sort = .uniqueID
        query.descending = false
      default: query.sort = .uniqueID
      }
    }
    return query
  }

  /// `SourceAppliedFilter` / `SourceDefinitionFilter`.
  static func sources(_ arguments: JSONObject) -> EnvironmentNodeQuery {
    var query = query(["source"], filter: arguments["filter"])
    if let filter = arguments["filter"]?.objectValue {
      query.freshnessChecked = filter["freshnessChecked"]?.boolValue
      query.freshnessStatus = filter["freshnessStatus"]?.stringValue?.lowercased()
      query.sourceNames = strings(filter["sourceNames"])
    }
    return query
  }

  /// `TestAppliedFilter` / `TestDefinitionFilter`: data and unit tests.
  static func tests(_ arguments: JSONObject) -> EnvironmentNodeQuery {
    var query = query(["test", "unit_test"], filter: arguments["filter"])
    if let filter = arguments["filter"]?.objectValue {
      query.lastRunStatus = filter["status"]?.stringValue
      query.testTypes = strings(filter["testTypes"])
    }
    return query
  }

  /// `ExposureFilter`.
  static func exposures(_ arguments: JSONObject) -> EnvironmentNodeQuery {
    var query = query(["exposure"], filter: arguments["filter"])
    query.exposureType = arguments["filter"]?["exposureType"]?.stringValue
    return query
  }

  /// `MacroDefinitionFilter`.
  static func macros(_ arguments: JSONObject) -> EnvironmentNodeQuery {
    var query = query(["macro"], filter: arguments["filter"])
    query.packageName = arguments["filter"]?["packageName"]?.stringValue
    return query
  }

  /// `AppliedResourcesFilter` / `DefinitionResourcesFilter`: `types` (required; `[]`
  /// returns nothing), `tags`, `uniqueIds`.
  static func resources(_ arguments: JSONObject) -> EnvironmentNodeQuery {
    let filter = arguments["filter"]
    var query = EnvironmentNodeQuery(resourceTypes: resourceTypes(filter?["types"]))
    query.tags = strings(filter?["tags"])
    query.uniqueIDs = strings(filter?["uniqueIds"])
    return query
  }
}
