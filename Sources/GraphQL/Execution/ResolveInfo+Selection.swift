extension ResolveInfo {
  /// Whether the field being resolved selects a subfield named `name`, directly or through
  /// inline fragments and fragment spreads, whatever their type conditions and directives.
  ///
  /// Why: a resolver can skip work whose result nobody asked for (a costly aggregate, a
  /// second statement). The answer errs on the side of work: a subfield under
  /// `@skip(if: true)` still counts as selected.
  public func selects(_ name: String) -> Bool {
    var visited: Set<String> = []
    func search(_ set: SelectionSet?) -> Bool {
      guard let set else { return false }
      for selection in set.selections {
        switch selection {
        case .field(let field):
          if field.name.value == name { return true }
        case .inlineFragment(let fragment):
          if search(fragment.selectionSet) { return true }
        case .fragmentSpread(let spread):
          guard visited.insert(spread.name.value).inserted else { continue }
          if search(fragments[spread.name.value]?.selectionSet) { return true }
        }
      }
      return false
    }
    return fieldNodes.contains { search($0.selectionSet) }
  }
}
