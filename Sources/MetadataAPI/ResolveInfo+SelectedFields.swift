import GraphQL

extension ResolveInfo {
  /// The names of the fields selected directly under this field: through inline fragments
  /// and named fragments, whatever their type condition and directives (a superset of what
  /// will be resolved, which is what a resolver deciding what to read may rely on).
  var selectedFieldNames: Set<String> { selectedFieldNames(at: []) }

  /// The names of the fields selected under the fields of `path` below this one
  /// (`["edges", "node"]`: what a connection's nodes are asked for), collected as
  /// ``selectedFieldNames`` collects them, over every field the path names (aliases and
  /// fragments included); empty when the path is not selected.
  func selectedFieldNames(at path: [String]) -> Set<String> {
    var sets = fieldNodes.compactMap(\.selectionSet)
    for name in path {
      var next: [SelectionSet] = []
      collectFields(in: sets) { field in
        if field.name.value == name, let set = field.selectionSet { next.append(set) }
      }
      sets = next
    }
    var names: Set<String> = []
    collectFields(in: sets) { names.insert($0.name.value) }
    return names
  }

  /// Calls `body` with every field of `sets`, through inline and named fragments (each
  /// named fragment once).
  private func collectFields(in sets: [SelectionSet], _ body: (Field) -> Void) {
    var visited: Set<String> = []
    func collect(_ set: SelectionSet?) {
      guard let set else { return }
      for selection in set.selections {
        switch selection {
        case .field(let field): body(field)
        case .inlineFragment(let fragment): collect(fragment.selectionSet)
        case .fragmentSpread(let spread):
          guard visited.insert(spread.name.value).inserted else { continue }
          collect(fragments[spread.name.value]?.selectionSet)
        }
      }
    }
    for set in sets { collect(set) }
  }
}
