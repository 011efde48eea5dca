/// One criterion of a selection: a method and value, with graph operators around it.
struct SelectionCriterion: Equatable {
  var method: SelectorMethod
  /// The method's argument after its dot: `materialized` in `config.materialized:table`.
  var methodArgument: String?
  var value: String
  /// `N+` before the value: ancestors up to depth N (nil: none; `Int.max`: all).
  var parentsDepth: Int?
  /// `+N` after the value: descendants up to depth N (nil: none; `Int.max`: all).
  var childrenDepth: Int?
  /// `@` before the value: the selection, its descendants and all their ancestors.
  var childrensParents: Bool
  /// 1-based position of the criterion in the selector text (for errors).
  var position: Int

  /// Parses one criterion, as dbt's `RAW_SELECTOR_PATTERN` does:
  /// `(@)?((\d*)\+)?((method):)?(value)(\+(\d*))?`.
  init(parsing part: String, position: Int, argument: String, text: String)
    throws(SelectorError)
  {
    func fail(_ message: String, at offset: Int = 0) -> SelectorError {
      SelectorError(argument: argument, text: text, position: position + offset, message: message)
    }
    var rest = Substring(part)
    var offset = 0
    childrensParents = rest.hasPrefix("@")
    if childrensParents {
      rest = rest.dropFirst()
      offset += 1
    }
    // Leading `N+` (digits are a depth only when a `+` follows them).
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    if rest.dropFirst(digits.count).hasPrefix("+") {
      parentsDepth = digits.isEmpty ? Int.max : Int(digits) ?? Int.max
      rest = rest.dropFirst(digits.count + 1)
      offset += digits.count + 1
    }
    if childrensParents && parentsDepth != nil {
      throw fail("'@' and a '+' prefix cannot be combined in \"\(part)\"")
    }
    // Trailing `+N`.
    let trailingDigits = rest.reversed().prefix { $0.isASCII && $0.isNumber }
    let beforeDigits = rest.dropLast(trailingDigits.count)
    if beforeDigits.hasSuffix("+") {
      let depth = String(trailingDigits.reversed())
      childrenDepth = depth.isEmpty ? Int.max : Int(depth) ?? Int.max
      rest = beforeDigits.dropLast()
    }
    let valueOffset: Int
    if let colon = rest.firstIndex(of: ":"),
      rest[rest.startIndex..<colon].allSatisfy({
        $0 == "." || $0 == "_" || $0.isLetter || $0.isNumber
      }),
      colon != rest.startIndex
    {
      let name = rest[rest.startIndex..<colon]
      let dot = name.firstIndex(of: ".")
      let base = String(dot.map { name[name.startIndex..<$0] } ?? name)
      guard let method = SelectorMethod(rawValue: base) else {
        let known = SelectorMethod.allCases.map(\.rawValue).joined(separator: ", ")
        throw fail(
          "unknown selector method \"\(name)\" in \"\(part)\" (known methods: \(known))",
          at: offset)
      }
      self.method = method
      methodArgument = dot.map { String(name[name.index(after: $0)...]) }
      if method == .config, methodArgument?.isEmpty ?? true {
        throw fail("the config method needs a key, as in \"config.materialized:table\"", at: offset)
      }
      if method != .config, let methodArgument {
        throw fail(
          "the \(method.rawValue) method takes no argument (\".\(methodArgument)\")", at: offset)
      }
      valueOffset = offset + rest.distance(from: rest.startIndex, to: colon) + 1
      value = String(rest[rest.index(after: colon)...])
    } else {
      value = String(rest)
      method = SelectorMethod.defaultMethod(for: value)
      methodArgument = nil
      valueOffset = offset
    }
    if value.isEmpty {
      throw fail("no value to select in \"\(part)\"", at: valueOffset)
    }
    if let problem = Self.problem(method: method, argument: methodArgument, value: value) {
      throw fail(problem, at: valueOffset)
    }
    self.position = position
  }
}

extension SelectionCriterion {
  /// The config keys the `config` method can compare (those the lineage graph holds).
  static let configKeys = [
    "materialized", "schema", "database", "alias", "access", "group", "tags",
  ]

  /// The resource types dbt's `resource_type` method accepts.
  static let resourceTypes = [
    "model", "seed", "snapshot", "test", "unit_test", "source", "exposure", "metric",
    "semantic_model", "saved_query", "analysis", "operation", "macro", "doc", "group",
  ]

  /// Why a value cannot be evaluated by its method, or nil: caught at parse time so that
  /// the error names its position rather than matching nothing in silence.
  static func problem(method: SelectorMethod, argument: String?, value: String) -> String? {
    switch method {
    case .config:
      guard let argument, configKeys.contains(argument) else {
        return "config key \"\(argument ?? "")\" cannot be selected here (known keys: "
          + configKeys.joined(separator: ", ") + ")"
      }
    case .resourceType:
      guard resourceTypes.contains(value) else {
        return "\"\(value)\" is not a resource type (one of: "
          + resourceTypes.joined(separator: ", ") + ")"
      }
    case .source:
      guard value.split(separator: ".", omittingEmptySubsequences: false).count <= 3 else {
        return "a source selector is source, source.table or package.source.table, not \"\(value)\""
      }
    case .testType:
      guard ["generic", "singular", "unit", "data"].contains(value) else {
        return "test_type is generic, singular, unit or data, not \"\(value)\""
      }
    case .access:
      guard ["public", "protected", "private"].contains(value) else {
        return "access is public, protected or private, not \"\(value)\""
      }
    default: break
    }
    return nil
  }
}
