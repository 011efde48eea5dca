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
    var readsVariables = false
    collectFields(
      objectType: objectType, selectionSet: selectionSet, into: &fields,
      visitedFragments: &visitedFragments, readsVariables: &readsVariables)
  }

  /// Collects the fields of `selectionSet` for `objectType` into `fields`, setting
  /// `readsVariables` when a `@skip` or `@include` read a variable (the collection then
  /// holds for these variables only).
  func collectFields(
    objectType: GraphQLNamedType, selectionSet: SelectionSet,
    into fields: inout OrderedDictionary<String, [Field]>, visitedFragments: inout Set<String>,
    readsVariables: inout Bool
  ) {
    for selection in selectionSet.selections {
      switch selection {
      case .field(let field):
        guard shouldInclude(field.directives, readsVariables: &readsVariables) else { continue }
        let key = field.alias?.value ?? field.name.value
        fields.modify(key, default: []) { $0.append(field) }
      case .inlineFragment(let fragment):
        guard shouldInclude(fragment.directives, readsVariables: &readsVariables),
          doesFragmentConditionMatch(fragment.typeCondition, objectType)
        else { continue }
        collectFields(
          objectType: objectType, selectionSet: fragment.selectionSet, into: &fields,
          visitedFragments: &visitedFragments, readsVariables: &readsVariables)
      case .fragmentSpread(let spread):
        let name = spread.name.value
        guard !visitedFragments.contains(name),
          shouldInclude(spread.directives, readsVariables: &readsVariables)
        else { continue }
        visitedFragments.insert(name)
        guard let fragment = fragments[name],
          doesFragmentConditionMatch(fragment.typeCondition, objectType)
        else { continue }
        collectFields(
          objectType: objectType, selectionSet: fragment.selectionSet, into: &fields,
          visitedFragments: &visitedFragments, readsVariables: &readsVariables)
      }
    }
  }

  /// Whether `@skip`/`@include` let a selection through; sets `readsVariables` when one of
  /// them has a variable argument.
  /// See https://spec.graphql.org/September2025/#sec--skip
  func shouldInclude(_ directives: [Directive], readsVariables: inout Bool) -> Bool {
    if directives.isEmpty { return true }
    for directive in directives {
      let name = directive.name.value
      guard name == "skip" || name == "include" else { continue }
      for argument in directive.arguments {
        if case .variable = argument.value { readsVariables = true }
      }
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
