/// Fragment spreads must not form cycles.
///
/// A depth-first search over fragment spreads that visits each fragment once (linear in
/// the document), reporting every cycle found.
///
/// See https://spec.graphql.org/September2025/#sec-Fragment-spreads-must-not-form-cycles
final class NoFragmentCyclesRule: ValidationRule {
  private let context: ValidationContext
  private var visited = Set<String>()
  private var spreadPath: [FragmentSpread] = []
  private var spreadPathIndex: [String: Int] = [:]
  init(context: ValidationContext) { self.context = context }

  func enter(operation: OperationDefinition) -> VisitAction { .skip }

  func enter(fragmentDefinition: FragmentDefinition) -> VisitAction {
    detectCycle(fragmentDefinition)
    return .skip
  }

  private func detectCycle(_ fragment: FragmentDefinition) {
    let name = fragment.name.value
    guard visited.insert(name).inserted else { return }
    let spreads = context.fragmentSpreads(fragment.selectionSet)
    guard !spreads.isEmpty else { return }
    spreadPathIndex[name] = spreadPath.count
    for spread in spreads {
      let spreadName = spread.name.value
      let cycleIndex = spreadPathIndex[spreadName]
      spreadPath.append(spread)
      if let cycleIndex {
        let cyclePath = Array(spreadPath[cycleIndex...])
        let via = cyclePath.dropLast().map { "\"\($0.name.value)\"" }.joined(separator: ", ")
        context.report(
          "Cannot spread fragment \"\(spreadName)\" within itself"
            + (via.isEmpty ? "." : " via \(via)."),
          cyclePath)
      } else if let target = context.fragment(named: spreadName) {
        detectCycle(target)
      }
      spreadPath.removeLast()
    }
    spreadPathIndex[name] = nil
  }
}
