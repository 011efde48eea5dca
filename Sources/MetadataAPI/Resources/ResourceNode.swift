import GraphQL
import MetadataStore

/// The parent value of Part 4's definition types that are read straight from the
/// environment's latest manifest: `SemanticModelDefinitionNode`,
/// `SavedQueryDefinitionNode` and `GroupNode`. A definition with the run whose manifest
/// holds it (`runId`, `jobDefinitionId`, `dbtVersion`, `runGeneratedAt`) and its JSON,
/// parsed once.
///
/// `applied.resources` / `definition.resources` return semantic models and saved queries
/// too: they should hand this value to these types' resolvers.
struct ResourceNode: Sendable {
  let run: RunInfoRecord
  let definition: DefinitionRecord
  let json: JSONValue

  init(run: RunInfoRecord, definition: DefinitionRecord) {
    self.run = run
    self.definition = definition
    self.json = (try? JSONParser.parse(definition.json)) ?? .object(JSONObject())
  }

  /// `tags`, else `config.tags`, else `[]` (reference §1).
  var tags: [String] {
    let written = MetadataAPI.strings(json["tags"]) ?? []
    return written.isEmpty ? MetadataAPI.strings(json["config"]?["tags"]) ?? [] : written
  }

  /// `meta`, else `config.meta`.
  var meta: JSONValue? {
    if case .object(let meta)? = json["meta"], !meta.isEmpty { return .object(meta) }
    if case .object(let meta)? = json["config"]?["meta"] { return .object(meta) }
    return json["meta"]?.objectValue.map { .object($0) }
  }
}
