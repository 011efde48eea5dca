import GraphQL

extension ResolveInfo {
  /// The names of the fields selected directly under this field: through inline fragments
  /// and named fragments, whatever their type condition and directives (a superset of what
  /// will be resolved, which is what a resolver deciding what to read may rely on).
  var selectedFieldNames: Set<String> {
    var names: Set<String> = []
    var visited: Set<String> = []
    func collect(_ set: SelectionSet?) {
      guard let set else { return }
      for selection in set.selections {
        switch selection {
        case .field(let field): names.insert(field.name.value)
        case .inlineFragment(let fragment): collect(fragment.selectionSet)
        case .fragmentSpread(let spread):
          guard visited.insert(spread.name.value).inserted else { continue }
          collect(fragments[spread.name.value]?.selectionSet)
        }
      }
    }
    for node in fieldNodes { collect(node.selectionSet) }
    return names
  }
}
