/// Field collection: the fields of a selection set that apply to one object type, grouped
/// by response key in document order, honouring `@skip`, `@include` and type conditions.
///
/// See https://spec.graphql.org/September2025/#sec-Field-Collection
struct FieldCollector {
  let schema: GraphQLSchema
  let fragments: [String: FragmentDefinition]
  let variables: JSONObject
  let source: Source

  /// Collects the fields of `selectionSet` for `objectType` into `fields`.
  func collectFields(
    objectType: GraphQLNamedType, selectionSet: SelectionSet,
    into fields: inout OrderedDictionary<String, [Field]>, visitedFragments: inout Set<String>
  ) {
    for selection in selectionSet.selections {
      switch selection {
      case .field(let field):
        guard shouldInclude(field.directives) else { continue }
        let key = field.alias?.value ?? field.name.value
        fields.modify(key, default: []) { $0.append(field) }
      case .inlineFragment(let fragment):
        guard shouldInclude(fragment.directives),
          doesFragmentConditionMatch(fragment.typeCondition, objectType)
        else { continue }
        collectFields(
          objectType: objectType, selectionSet: fragment.selectionSet, into: &fields,
          visitedFragments: &visitedFragments)
      case .fragmentSpread(let spread):
        let name = spread.name.value
        guard !visitedFragments.contains(name), shouldInclude(spread.directives) else { continue }
        visitedFragments.insert(name)
        guard let fragment = fragments[name],
          doesFragmentConditionMatch(fragment.typeCondition, objectType)
        else { continue }
        collectFields(
          objectType: objectType, selectionSet: fragment.selectionSet, into: &fields,
          visitedFragments: &visitedFragments)
      }
    }
  }

  /// Whether `@skip`/`@include` let a selection through.
  /// See https://spec.graphql.org/September2025/#sec--skip
  func shouldInclude(_ directives: [Directive]) -> Bool {
    if directives.isEmpty { return true }
    for directive in directives {
      let name = directive.name.value
      guard name == "skip" || name == "include" else { continue }
      let definition = name == "skip" ? GraphQLDirective.skip : GraphQLDirective.include
      guard
        let arguments = try? Values.argumentValues(
          definitions: definition.arguments, arguments: directive.arguments, node: directive,
          variables: variables, source: source),
        let condition = arguments["if"]?.boolValue
      else { continue }
      if name == "skip" && condition { return false }
      if name == "include" && !condition { return false }
    }
    return true
  }

  private func doesFragmentConditionMatch(_ condition: NamedType?, _ objectType: GraphQLNamedType)
    -> Bool
  {
    guard let condition else { return true }
    guard let conditionType = schema.type(named: condition.name.value) else { return false }
    if conditionType === objectType { return true }
    if conditionType.kind.isAbstract { return schema.isSubType(conditionType, objectType) }
    return false
  }
}
