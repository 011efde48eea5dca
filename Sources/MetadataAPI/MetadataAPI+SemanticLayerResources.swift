import GraphQL
import MetadataStore

extension MetadataAPI {
  /// The semantic-layer resources `resources` can return, with the connection field of
  /// `DefinitionState` that lists them and their object type.
  static let semanticLayerResources: [(resourceType: String, field: String, type: String)] = [
    ("semantic_model", "semanticModels", "SemanticModelDefinitionNode"),
    ("saved_query", "savedQueries", "SavedQueryDefinitionNode"),
  ]

  /// Semantic models and saved queries in `applied.resources` / `definition.resources` are
  /// the values of their own binding (`DefinitionState.semanticModels` / `savedQueries`,
  /// Part 4), whose field resolvers expect them: they are read through that binding's
  /// connection, edge and `uniqueId` resolvers (the schema is the contract, so this file
  /// needs none of its types), one call per kind for the whole page. Where that binding
  /// is absent, the environment node stands in (its common fields bound here).
  ///
  /// Answers the values by unique id.
  static func semanticLayerValues(
    _ nodes: [EnvironmentNode], scope: EnvironmentScope, context: Any, info: ResolveInfo
  ) -> [String: Any] {
    var values: [String: Any] = [:]
    let schema = info.schema
    for (resourceType, field, type) in semanticLayerResources {
      let ids = nodes.filter { $0.resourceType == resourceType }.map(\.definition.uniqueID)
      guard !ids.isEmpty,
        let list = (try? schema.field("DefinitionState", field))?.resolve,
        let edges = (try? schema.field(type + "Connection", "edges"))?.resolve,
        let node = (try? schema.field(type + "Edge", "node"))?.resolve,
        let uniqueID = (try? schema.field(type, "uniqueId"))?.resolve
      else { continue }
      let arguments: JSONObject = [
        "first": .int(PageRequest.maximum),
        "filter": .object(["uniqueIds": .list(ids.map { .string($0) })]),
      ]
      guard let page = (try? list(scope, arguments, context, info)) ?? nil,
        let found = ((try? edges(page, JSONObject(), context, info)) ?? nil) as? [Any]
      else { continue }
      for edge in found {
        guard let value = (try? node(edge, JSONObject(), context, info)) ?? nil,
          let id = ((try? uniqueID(value, JSONObject(), context, info)) ?? nil) as? String
        else { continue }
        values[id] = value
      }
    }
    return values
  }

  /// The object type of a semantic-layer value of the other binding: the type whose
  /// `resourceType` resolver reads it as that type's resource type.
  static func semanticLayerTypeName(_ value: Any, context: Any, info: ResolveInfo) -> String? {
    for (resourceType, _, type) in semanticLayerResources {
      guard let resolve = (try? info.schema.field(type, "resourceType"))?.resolve,
        let read = (try? resolve(value, JSONObject(), context, info)) ?? nil,
        read as? String == resourceType
      else { continue }
      return type
    }
    return nil
  }
}
