/// A parsed dbt node selection (`--select` / `--exclude` syntax), as `LineageFilter.select`
/// and `.exclude` take it.
///
/// Space-separated terms are a union; comma-separated criteria inside a term are an
/// intersection. Each criterion is `[@][N+]method:value[+N]` (or a bare value, whose method
/// is `path` or `file` when it looks like one, else `fqn`), as dbt's
/// `SelectionCriteria.from_single_spec` reads it.
/// See https://docs.getdbt.com/reference/node-selection/syntax,
/// https://docs.getdbt.com/reference/node-selection/graph-operators,
/// https://docs.getdbt.com/reference/node-selection/set-operators and
/// https://docs.getdbt.com/reference/node-selection/methods.
///
/// For example `+fct_orders,tag:marts stg_payments+1` selects the marts-tagged ancestors of
/// `fct_orders` (with it), together with `stg_payments` and its children.
struct NodeSelector: Equatable {
  /// The union of these intersections.
  var terms: [[SelectionCriterion]]

  /// Parses `text`; an empty or blank text selects nothing (`terms` empty).
  ///
  /// - Throws: ``SelectorError`` naming the offending criterion and its 1-based position
  ///   (an unknown method, a malformed graph operator, an empty value).
  init(parsing text: String, argument: String = "select") throws(SelectorError) {
    var terms: [[SelectionCriterion]] = []
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      if characters[index].isWhitespace {
        index += 1
        continue
      }
      let start = index
      while index < characters.count, !characters[index].isWhitespace { index += 1 }
      var term: [SelectionCriterion] = []
      var partStart = start
      for position in start...index {
        if position == index || characters[position] == "," {
          let part = String(characters[partStart..<position])
          if part.isEmpty {
            throw SelectorError(
              argument: argument, text: text, position: position + 1,
              message: "an empty criterion (two commas, or a comma at the start or end)")
          }
          term.append(
            try SelectionCriterion(
              parsing: part, position: partStart + 1, argument: argument, text: text))
          partStart = position + 1
        }
      }
      terms.append(term)
    }
    self.terms = terms
  }
}
