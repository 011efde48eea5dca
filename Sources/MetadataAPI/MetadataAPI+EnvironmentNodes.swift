import GraphQL
import MetadataStore

extension MetadataAPI {
  /// The environment node types whose plain fields this file binds (Parts 2 and 4).
  static let environmentNodeTypes = [
    "ModelAppliedStateNode", "SourceAppliedStateNode", "TestAppliedStateNode",
    "SeedAppliedStateNode", "SnapshotAppliedStateNode", "ExposureAppliedStateNode",
    "ModelDefinitionNode", "SourceDefinitionNode", "TestDefinitionNode", "SeedDefinitionNode",
    "SnapshotDefinitionNode", "ExposureDefinitionNode", "MacroDefinitionNode",
    "MetricDefinitionNode",
    "ModelAppliedStateNestedNode", "SourceAppliedStateNestedNode", "SeedAppliedStateNestedNode",
    "SnapshotAppliedStateNestedNode", "ExposureAppliedStateNestedNode",
    "TestAppliedStateNestedNode", "MacroAppliedStateNestedNode",
    "ModelDefinitionNestedNode", "SourceDefinitionNestedNode", "SeedDefinitionNestedNode",
    "SnapshotDefinitionNestedNode", "TestDefinitionNestedNode", "ExposureDefinitionNestedNode",
    "MacroDefinitionNestedNode", "MetricDefinitionNestedNode", "ExternalModelNode",
    "SemanticModelDefinitionNestedNode", "SavedQueryDefinitionNestedNode",
  ]

  /// Fields of those types that need other rows: bound as batch resolvers elsewhere.
  static let relatedFields: Set<String> = [
    "parents", "children", "ancestors", "tests", "executionInfo", "catalog", "freshness",
    "testStatuses", "lastKnownResult", "versions", "freshnessStatus",
  ]

  /// Plain fields of every environment node type (read from the node, its manifest JSON
  /// and its environment, by ``EnvironmentNode/value(of:)``), and the type resolvers of
  /// the four environment interfaces.
  ///
  /// A non-null field whose manifest key is absent answers `[]`, `{}` or `""` by its type
  /// (reference dbt-discovery-api-2024.md §1: "null, or [] / {} where the type is
  /// non-null").
  static func bindEnvironmentNodes(_ schema: GraphQLSchema) throws {
    for typeName in environmentNodeTypes {
      guard let type = schema.type(named: typeName) else {
        throw GraphQLError(message: "The spec has no type \(typeName).")
      }
      for (name, field) in zip(type.fields.keys, type.fields.values)
      where !relatedFields.contains(name) {
        let fallback = EmptyValue(for: field.type)
        let read = EnvironmentNode.reader(name)
        if case .none = fallback {
          try schema.setResolver(typeName, name, as: EnvironmentNode.self) { node, _, _, _ in
            read(node)
          }
        } else {
          try schema.setResolver(typeName, name, as: EnvironmentNode.self) { node, _, _, _ in
            read(node) ?? fallback.value
          }
        }
      }
    }
    for interface in [
      "EnvironmentAppliedNode", "EnvironmentDefinitionNode", "EnvironmentAppliedNestedNode",
      "EnvironmentDefinitionNestedNode",
    ] {
      try schema.setTypeResolver(interface) { value, context, info in
        if let node = EnvironmentNode.exactly(value) { return node.typeName }
        if let named = value as? any GraphQLTypeNamed { return named.graphQLTypeName }
        return semanticLayerTypeName(value, context: context, info: info)
      }
    }
    try bindJSONObjectFields(
      schema, "TestMetadata", ["name", "namespace", "columnName", "kwargs"])
    try bindJSONObjectFields(schema, "MacroArguments", ["name", "type", "description"])
    try bindJSONObjectFields(
      schema, "ModelLevelConstraint",
      ["type", "name", "expression", "columns", "warnUnenforced", "warnUnsupported"])
    try bindJSONObjectFields(schema, "ModelVersion", ["name", "releaseVersion", "uniqueId"])
  }

  /// The value a non-null field takes when the manifest lacks its key.
  enum EmptyValue: Sendable {
    case none, list, object, string

    init(for type: GraphQLType) {
      guard case .nonNull(let inner) = type else {
        self = .none
        return
      }
      if case .list = inner {
        self = .list
        return
      }
      switch inner.namedType.name {
      case "JSONObject": self = .object
      case "String": self = .string
      default: self = .none
      }
    }

    var value: Any? {
      switch self {
      case .none: return nil
      case .list: return [Any]()
      case .object: return JSONObject()
      case .string: return ""
      }
    }
  }

  /// Fields of a small value type served as a JSON object, read by member name.
  static func bindJSONObjectFields(_ schema: GraphQLSchema, _ type: String, _ fields: [String])
    throws
  {
    for field in fields {
      try schema.setResolver(type, field, as: JSONObject.self) { object, _, _, _ in
        object[field].flatMap { $0.isNull ? nil : $0 }
      }
    }
  }
}
