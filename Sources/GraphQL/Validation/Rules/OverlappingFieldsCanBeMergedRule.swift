/// Field Selection Merging: fields with the same response name in one selection set (also
/// through fragments) can be merged: the same field with the same arguments, or on
/// mutually exclusive object types, and with compatible result shapes.
///
/// graphql-js's algorithm (fragment pairs compared once, field maps cached per selection
/// set), with two defences against the quadratic cases behind CVEs in graphql-js and
/// graphql-php: identical leaf fields (same parent type, name and arguments) are grouped
/// and compared once per group pair, and every comparison counts against a budget; past
/// it the rule stops and reports that the document is too complex.
///
/// See https://spec.graphql.org/September2025/#sec-Field-Selection-Merging
final class OverlappingFieldsCanBeMergedRule: ValidationRule {
  /// The default number of field comparisons allowed per document.
  static let defaultComparisonBudget = 100_000

  private let context: ValidationContext
  private var comparedFragmentPairs: [String: [String: Bool]] = [:]
  private var cache: [Int: FieldsAndFragments] = [:]
  private var comparisons = 0
  private var budgetExceeded = false
  private var budgetReported = false

  init(context: ValidationContext) { self.context = context }

  func enter(selectionSet: SelectionSet) -> VisitAction {
    if budgetExceeded {
      reportBudget(selectionSet)
      return .skip
    }
    let conflicts = findConflictsWithinSelectionSet(context.parentType, selectionSet)
    if budgetExceeded {
      reportBudget(selectionSet)
      return .skip
    }
    for conflict in conflicts {
      if context.isAborted { break }
      context.report(
        "Fields \"\(conflict.responseName)\" conflict because \(conflict.reason.message). Use different aliases on the fields to fetch both if this was intentional.",
        conflict.fields1 + conflict.fields2)
    }
    return .continue
  }

  private func reportBudget(_ selectionSet: SelectionSet) {
    guard !budgetReported else { return }
    budgetReported = true
    context.report(
      "Too many field comparisons to check that fields can be merged (more than \(context.overlapComparisonBudget)); simplify the document.",
      [selectionSet])
  }

  // MARK: - Budget

  /// Counts one unit of work; false once the budget is spent.
  @inline(__always)
  private func spend(_ conflicts: Int = 0) -> Bool {
    // More conflicts than can be reported need not be found.
    if conflicts > context.maxErrors { return false }
    comparisons += 1
    if comparisons > context.overlapComparisonBudget { budgetExceeded = true }
    return !budgetExceeded
  }

  // MARK: - Algorithm

  private func findConflictsWithinSelectionSet(
    _ parentType: GraphQLNamedType?, _ selectionSet: SelectionSet
  )
    -> [Conflict]
  {
    var conflicts: [Conflict] = []
    let map = fieldsAndFragmentNames(parentType, selectionSet)
    collectConflictsWithin(&conflicts, map.fields)
    let names = map.fragmentNames
    for i in names.indices {
      if budgetExceeded { break }
      collectConflictsBetweenFieldsAndFragment(&conflicts, false, map, names[i])
      for j in (i + 1)..<names.count {
        if budgetExceeded { break }
        collectConflictsBetweenFragments(&conflicts, false, names[i], names[j])
      }
    }
    return conflicts
  }

  private func collectConflictsBetweenFieldsAndFragment(
    _ conflicts: inout [Conflict], _ mutuallyExclusive: Bool, _ map: FieldsAndFragments,
    _ fragmentName: String
  ) {
    guard !budgetExceeded, let fragment = context.fragment(named: fragmentName) else { return }
    let map2 = referencedFieldsAndFragmentNames(fragment)
    if map === map2 { return }
    collectConflictsBetween(&conflicts, mutuallyExclusive, map, map2)
    for referenced in map2.fragmentNames {
      if budgetExceeded { return }
      if pairCompared(referenced, fragmentName, mutuallyExclusive) { continue }
      addPair(referenced, fragmentName, mutuallyExclusive)
      collectConflictsBetweenFieldsAndFragment(&conflicts, mutuallyExclusive, map, referenced)
    }
  }

  private func collectConflictsBetweenFragments(
    _ conflicts: inout [Conflict], _ mutuallyExclusive: Bool, _ name1: String, _ name2: String
  ) {
    if name1 == name2 || budgetExceeded { return }
    if pairCompared(name1, name2, mutuallyExclusive) { return }
    addPair(name1, name2, mutuallyExclusive)
    guard let fragment1 = context.fragment(named: name1),
      let fragment2 = context.fragment(named: name2)
    else { return }
    guard spend() else { return }
    let map1 = referencedFieldsAndFragmentNames(fragment1)
    let map2 = referencedFieldsAndFragmentNames(fragment2)
    collectConflictsBetween(&conflicts, mutuallyExclusive, map1, map2)
    for referenced2 in map2.fragmentNames {
      collectConflictsBetweenFragments(&conflicts, mutuallyExclusive, name1, referenced2)
    }
    for referenced1 in map1.fragmentNames {
      collectConflictsBetweenFragments(&conflicts, mutuallyExclusive, referenced1, name2)
    }
  }

  private func findConflictsBetweenSubSelectionSets(
    _ mutuallyExclusive: Bool, _ parentType1: GraphQLNamedType?, _ selectionSet1: SelectionSet,
    _ parentType2: GraphQLNamedType?, _ selectionSet2: SelectionSet
  ) -> [Conflict] {
    var conflicts: [Conflict] = []
    let map1 = fieldsAndFragmentNames(parentType1, selectionSet1)
    let map2 = fieldsAndFragmentNames(parentType2, selectionSet2)
    collectConflictsBetween(&conflicts, mutuallyExclusive, map1, map2)
    for name2 in map2.fragmentNames {
      collectConflictsBetweenFieldsAndFragment(&conflicts, mutuallyExclusive, map1, name2)
    }
    for name1 in map1.fragmentNames {
      collectConflictsBetweenFieldsAndFragment(&conflicts, mutuallyExclusive, map2, name1)
    }
    for name1 in map1.fragmentNames {
      for name2 in map2.fragmentNames {
        collectConflictsBetweenFragments(&conflicts, mutuallyExclusive, name1, name2)
      }
    }
    return conflicts
  }

  private func collectConflictsWithin(
    _ conflicts: inout [Conflict], _ fields: OrderedDictionary<String, [Entry]>
  ) {
    for (index, responseName) in fields.keys.enumerated() {
      let entries = fields.values[index]
      guard entries.count > 1, !allIdentical(entries, []) else { continue }
      var cache: [PairKey: Conflict?] = [:]
      for i in entries.indices {
        for j in (i + 1)..<entries.count {
          // Identical leaf fields never conflict: not worth a unit of the budget.
          if let signature = entries[i].signature, signature == entries[j].signature { continue }
          guard spend(conflicts.count) else { return }
          if let conflict = cachedConflict(&cache, false, responseName, entries[i], entries[j]) {
            conflicts.append(conflict)
          }
        }
      }
    }
  }

  private func collectConflictsBetween(
    _ conflicts: inout [Conflict], _ mutuallyExclusive: Bool, _ map1: FieldsAndFragments,
    _ map2: FieldsAndFragments
  ) {
    let fields1 = map1.fields
    let fields2 = map2.fields
    for (index, responseName) in fields1.keys.enumerated() {
      guard let entries2 = fields2[responseName] else { continue }
      if let signature = map1.uniformSignature[responseName],
        map2.uniformSignature[responseName] == signature
      {
        continue
      }
      let entries1 = fields1.values[index]
      if allIdentical(entries1, entries2) { continue }
      var cache: [PairKey: Conflict?] = [:]
      for entry1 in entries1 {
        for entry2 in entries2 {
          if let signature = entry1.signature, signature == entry2.signature { continue }
          guard spend(conflicts.count) else { return }
          if let conflict = cachedConflict(&cache, mutuallyExclusive, responseName, entry1, entry2)
          {
            conflicts.append(conflict)
          }
        }
      }
    }
  }

  /// Whether every entry is the same leaf field (so no pair can conflict).
  private func allIdentical(_ entries1: [Entry], _ entries2: [Entry]) -> Bool {
    guard let signature = entries1.first?.signature ?? entries2.first?.signature else {
      return false
    }
    return entries1.allSatisfy { $0.signature == signature }
      && entries2.allSatisfy { $0.signature == signature }
  }

  struct PairKey: Hashable {
    let first: Signature
    let second: Signature
  }

  /// `findConflict`, computed once per pair of identical-leaf groups; the nodes of the
  /// actual pair are reported.
  private func cachedConflict(
    _ cache: inout [PairKey: Conflict?], _ mutuallyExclusive: Bool, _ responseName: String,
    _ entry1: Entry, _ entry2: Entry
  ) -> Conflict? {
    guard let signature1 = entry1.signature, let signature2 = entry2.signature else {
      return findConflict(mutuallyExclusive, responseName, entry1, entry2)
    }
    if signature1 == signature2 { return nil }
    let key = PairKey(first: signature1, second: signature2)
    if let cached = cache[key] {
      guard let conflict = cached else { return nil }
      return Conflict(
        responseName: conflict.responseName, reason: conflict.reason, fields1: [entry1.node],
        fields2: [entry2.node])
    }
    let conflict = findConflict(mutuallyExclusive, responseName, entry1, entry2)
    cache[key] = .some(conflict)
    return conflict
  }

  private func findConflict(
    _ parentFieldsMutuallyExclusive: Bool, _ responseName: String, _ entry1: Entry, _ entry2: Entry
  ) -> Conflict? {
    let mutuallyExclusive =
      parentFieldsMutuallyExclusive
      || (entry1.parentType !== entry2.parentType && entry1.parentType?.kind == .object
        && entry2.parentType?.kind == .object)
    let node1 = entry1.node
    let node2 = entry2.node
    if !mutuallyExclusive {
      let name1 = node1.name.value
      let name2 = node2.name.value
      if name1 != name2 {
        return Conflict(
          responseName: responseName,
          reason: .message("\"\(name1)\" and \"\(name2)\" are different fields"), fields1: [node1],
          fields2: [node2])
      }
      if Self.argumentsSignature(node1) != Self.argumentsSignature(node2) {
        return Conflict(
          responseName: responseName, reason: .message("they have differing arguments"),
          fields1: [node1], fields2: [node2])
      }
    }
    let type1 = entry1.definition?.type
    let type2 = entry2.definition?.type
    if let type1, let type2, Self.typesConflict(type1, type2) {
      return Conflict(
        responseName: responseName,
        reason: .message("they return conflicting types \"\(type1)\" and \"\(type2)\""),
        fields1: [node1], fields2: [node2])
    }
    if let selectionSet1 = node1.selectionSet, let selectionSet2 = node2.selectionSet {
      let conflicts = findConflictsBetweenSubSelectionSets(
        mutuallyExclusive, type1?.namedType, selectionSet1, type2?.namedType, selectionSet2)
      guard !conflicts.isEmpty else { return nil }
      return Conflict(
        responseName: responseName,
        reason: .subfields(conflicts.map { ($0.responseName, $0.reason) }),
        fields1: [node1] + conflicts.flatMap(\.fields1),
        fields2: [node2] + conflicts.flatMap(\.fields2))
    }
    return nil
  }

  /// graphql-js's `doTypesConflict`: list and non-null shapes must match, leaves must be
  /// the same type.
  static func typesConflict(_ type1: GraphQLType, _ type2: GraphQLType) -> Bool {
    switch (type1, type2) {
    case (.list(let a), .list(let b)): return typesConflict(a, b)
    case (.list, _), (_, .list): return true
    case (.nonNull(let a), .nonNull(let b)): return typesConflict(a, b)
    case (.nonNull, _), (_, .nonNull): return true
    case (.named(let a), .named(let b)):
      if a.kind.isLeaf || b.kind.isLeaf { return a !== b }
      return false
    }
  }

  /// The arguments printed as a sorted object literal (graphql-js's `stringifyArguments`).
  static func argumentsSignature(_ field: Field) -> String {
    guard !field.arguments.isEmpty else { return "{}" }
    let sorted = field.arguments.sorted { $0.name.value < $1.name.value }
    return "{" + sorted.map { $0.name.value + ": " + printSorted($0.value) }.joined(separator: ", ")
      + "}"
  }

  private static func printSorted(_ value: Value) -> String {
    switch value {
    case .object(let object):
      let fields = object.fields.sorted { $0.name.value < $1.name.value }
      return "{"
        + fields.map { $0.name.value + ": " + printSorted($0.value) }.joined(separator: ", ") + "}"
    case .list(let list):
      return "[" + list.values.map(printSorted).joined(separator: ", ") + "]"
    default:
      return printValue(value)
    }
  }

  // MARK: - Field maps

  private func fieldsAndFragmentNames(_ parentType: GraphQLNamedType?, _ selectionSet: SelectionSet)
    -> FieldsAndFragments
  {
    let key = selectionSet.loc.start
    let cacheable = selectionSet.loc != .none
    if cacheable, let cached = cache[key] { return cached }
    let result = FieldsAndFragments()
    var fragmentNames = Set<String>()
    collect(parentType, selectionSet, result, &fragmentNames)
    for (index, responseName) in result.fields.keys.enumerated() {
      let entries = result.fields.values[index]
      if let signature = entries.first?.signature, entries.allSatisfy({ $0.signature == signature })
      {
        result.uniformSignature[responseName] = signature
      }
    }
    if cacheable { cache[key] = result }
    return result
  }

  private func referencedFieldsAndFragmentNames(_ fragment: FragmentDefinition)
    -> FieldsAndFragments
  {
    if fragment.selectionSet.loc != .none, let cached = cache[fragment.selectionSet.loc.start] {
      return cached
    }
    let type = context.schema.type(named: fragment.typeCondition.name.value)
    return fieldsAndFragmentNames(type, fragment.selectionSet)
  }

  private func collect(
    _ parentType: GraphQLNamedType?, _ selectionSet: SelectionSet, _ result: FieldsAndFragments,
    _ fragmentNames: inout Set<String>
  ) {
    for selection in selectionSet.selections {
      switch selection {
      case .field(let field):
        let name = field.name.value
        var definition: GraphQLField?
        if let parentType, parentType.kind == .object || parentType.kind == .interface {
          definition = parentType.fields[name]
        }
        let responseName = field.alias?.value ?? name
        var signature: Signature?
        if field.selectionSet == nil {
          signature = Signature(
            parentType: parentType.map { ObjectIdentifier($0) }, name: name,
            arguments: field.arguments.isEmpty ? "" : Self.argumentsSignature(field))
        }
        result.fields.modify(responseName, default: []) {
          $0.append(
            Entry(parentType: parentType, node: field, definition: definition, signature: signature)
          )
        }
      case .fragmentSpread(let spread):
        if fragmentNames.insert(spread.name.value).inserted {
          result.fragmentNames.append(spread.name.value)
        }
      case .inlineFragment(let fragment):
        let type =
          fragment.typeCondition.map { context.schema.type(named: $0.name.value) } ?? parentType
        collect(type, fragment.selectionSet, result, &fragmentNames)
      }
    }
  }

  // MARK: - Fragment pairs

  private func pairCompared(_ a: String, _ b: String, _ mutuallyExclusive: Bool) -> Bool {
    let (first, second) = a < b ? (a, b) : (b, a)
    guard let result = comparedFragmentPairs[first]?[second] else { return false }
    return mutuallyExclusive ? true : result == mutuallyExclusive
  }

  private func addPair(_ a: String, _ b: String, _ mutuallyExclusive: Bool) {
    let (first, second) = a < b ? (a, b) : (b, a)
    comparedFragmentPairs[first, default: [:]][second] = mutuallyExclusive
  }
}
