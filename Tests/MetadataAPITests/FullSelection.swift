import GraphQL

/// A selection set naming every field of a type, built from the served schema, so a test
/// that runs it fails on any field whose resolver errors (or returns null where the type
/// is non-null).
///
/// Object fields recurse `depth` levels; interface fields spread an inline fragment on
/// every possible type; required arguments get a value from ``arguments``; fields and
/// types bound by another part of the API are left out (``skippedFields``,
/// ``skippedTypes``).
struct FullSelection {
  let schema: GraphQLSchema
  var skippedFields: Set<String> = []
  var skippedTypes: Set<String> = [
    "SemanticModelDefinitionNode", "SavedQueryDefinitionNode", "GroupNode",
  ]
  var arguments: [String: String] = [
    "ancestors": "(types: [Exposure, Macro, Model, Seed, Snapshot, Source])"
  ]

  /// Fields inside the fragments of an abstract type get an alias naming their type
  /// (`ModelAppliedStateNestedNode_executionInfo: executionInfo`), since the same name can
  /// have another type on a sibling fragment.
  func selection(of typeName: String, depth: Int, aliased: Bool = false) -> String {
    guard let type = schema.type(named: typeName) else { return "__typename" }
    if type.kind == .interface || type.kind == .union {
      let fragments = schema.possibleTypes(of: type).filter { !skippedTypes.contains($0.name) }
        .map { "... on \($0.name) { \(selection(of: $0.name, depth: depth, aliased: true)) }" }
      return "__typename " + fragments.joined(separator: " ")
    }
    let alias = aliased ? "\(typeName)_" : ""
    var parts = ["__typename"]
    for (name, field) in zip(type.fields.keys, type.fields.values) {
      if skippedFields.contains(name) { continue }
      let required = field.arguments.contains { $0.type.isNonNull && $0.defaultValue == nil }
      let argumentText = field.arguments.isEmpty ? "" : arguments[name] ?? ""
      if required && argumentText.isEmpty { continue }
      let named = field.type.namedType
      switch named.kind {
      case .scalar, .enum:
        parts.append(
          alias.isEmpty ? name + argumentText : "\(alias)\(name): \(name)\(argumentText)")
      default:
        guard depth > 0 else { continue }
        let key = alias.isEmpty ? name : "\(alias)\(name): \(name)"
        parts.append("\(key)\(argumentText) { \(selection(of: named.name, depth: depth - 1)) }")
      }
    }
    return parts.joined(separator: " ")
  }
}
