/// Field Selections: every selected field is defined on the type it is selected on.
///
/// See https://spec.graphql.org/September2025/#sec-Field-Selections
final class FieldsOnCorrectTypeRule: ValidationRule {
  private let context: ValidationContext
  init(context: ValidationContext) { self.context = context }

  func enter(field: Field) -> VisitAction {
    guard let type = context.parentType, context.fieldDefinition == nil else { return .continue }
    let name = field.name.value
    var suggestion = SuggestionList.didYouMean(
      suggestedTypeNames(type, name), subMessage: "to use an inline fragment on")
    if suggestion.isEmpty {
      var fieldNames: [String] = []
      if type.kind == .object || type.kind == .interface { fieldNames = type.fields.keys }
      suggestion = SuggestionList.didYouMean(
        SuggestionList.suggestions(for: name, options: fieldNames))
    }
    context.report("Cannot query field \"\(name)\" on type \"\(type.name)\"." + suggestion, [field])
    return .continue
  }

  /// Types (objects and their interfaces) within `type` that define the field, the most
  /// common first, then super types before subtypes, then by name.
  private func suggestedTypeNames(_ type: GraphQLNamedType, _ fieldName: String) -> [String] {
    guard type.kind.isAbstract else { return [] }
    let schema = context.schema
    var suggested: [GraphQLNamedType] = []
    var usage: [String: Int] = [:]
    for possible in schema.possibleTypes(of: type) where possible.fields[fieldName] != nil {
      if !suggested.contains(where: { $0 === possible }) { suggested.append(possible) }
      usage[possible.name] = 1
      for interface in possible.interfaces where interface.fields[fieldName] != nil {
        if !suggested.contains(where: { $0 === interface }) { suggested.append(interface) }
        usage[interface.name, default: 0] += 1
      }
    }
    let sorted = suggested.sorted { a, b in
      let difference = (usage[b.name] ?? 0) - (usage[a.name] ?? 0)
      if difference != 0 { return difference < 0 }
      if a.kind == .interface && schema.isSubType(a, b) { return true }
      if b.kind == .interface && schema.isSubType(b, a) { return false }
      return SuggestionList.naturalCompare(a.name, b.name) < 0
    }
    return sorted.map(\.name)
  }
}
