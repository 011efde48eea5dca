/// Field access for the artifact readers, in three strengths:
/// - `required...`: the value must be present and of the type (else ``ArtifactError`` with
///   the JSON path, expected and found);
/// - `optional...`: absent or null is nil, the wrong type is an error (fields the store relies on);
/// - `lenient...`: the wrong type is coerced when dbt is known to write it so
///   (`"True and True"`, `include: 1.0`, versions as numbers), else nil (descriptive fields).
extension JSONValue {
  func wrongType(_ expected: String) -> ArtifactError {
    ArtifactError(
      file: document.name,
      reason: .wrongType(path: path, expected: expected, found: kind.description))
  }

  /// A wrong-type error whose `found` says more than the kind (the number's text...).
  func wrongType(_ expected: String, found: String) -> ArtifactError {
    ArtifactError(
      file: document.name, reason: .wrongType(path: path, expected: expected, found: found))
  }

  func missing(_ key: String, expected: String) -> ArtifactError {
    ArtifactError(
      file: document.name,
      reason: .wrongType(
        path: path + JSONDocument.pathComponent(key: key), expected: expected,
        found: "nothing (missing)"))
  }

  /// The value itself must be an object.
  func requireObject() throws {
    guard kind == .object else { throw wrongType("an object") }
  }

  /// The member `key`, treating `null` as absent.
  func member(_ key: String) -> JSONValue? {
    guard let value = self[key], !value.isNull else { return nil }
    return value
  }

  // MARK: - Strings

  func requiredString(_ key: String) throws -> String {
    guard let value = member(key) else { throw missing(key, expected: "a string") }
    guard let text = value.string else { throw value.wrongType("a string") }
    return text
  }

  func optionalString(_ key: String) throws -> String? {
    guard let value = member(key) else { return nil }
    guard let text = value.string else { throw value.wrongType("a string or null") }
    return text
  }

  /// Strings as they are, numbers and booleans as their JSON text, anything else nil.
  func lenientString(_ key: String) -> String? {
    member(key)?.scalarText
  }

  /// A string, or a number/boolean written as its JSON text.
  var scalarText: String? {
    switch kind {
    case .string: return string
    case .number, .true, .false: return String(decoding: bytes, as: UTF8.self)
    default: return nil
    }
  }

  /// Checks that member `key` is a list of strings (absent or null is fine): a non-list or
  /// a non-string element is an error naming its JSON path. Nothing is decoded.
  func checkStringList(_ key: String) throws {
    guard let value = member(key) else { return }
    guard value.kind == .array else { throw value.wrongType("a list of strings") }
    for element in value.elements where element.kind != .string {
      throw element.wrongType("a string")
    }
  }

  /// A list of strings, skipping non-strings; a single string becomes a one-element list.
  func lenientStringList(_ key: String) -> [String] {
    member(key)?.lenientStringListValue ?? []
  }

  /// The value as a lenient list of strings (see ``lenientStringList(_:)``).
  var lenientStringListValue: [String] {
    if let single = string { return [single] }
    return elements.compactMap(\.scalarText)
  }

  // MARK: - Numbers and booleans

  func optionalDouble(_ key: String) throws -> Double? {
    guard let value = member(key) else { return nil }
    guard let number = value.double else { throw value.wrongType("a number or null") }
    return number
  }

  func lenientDouble(_ key: String) -> Double? {
    guard let value = member(key) else { return nil }
    if let number = value.double { return number }
    return value.string.flatMap { Double($0) }
  }

  func lenientInt(_ key: String) -> Int? {
    member(key)?.lenientIntValue
  }

  /// An integer, or a string holding one.
  var lenientIntValue: Int? {
    if let number = int { return number }
    return string.flatMap { Int($0) }
  }

  /// Booleans, numbers (non-zero is true) and the strings dbt leaks into configs:
  /// "true"/"false" in any case and Jinja-rendered conjunctions such as "True and True".
  func lenientBool(_ key: String) -> Bool? {
    member(key)?.lenientBoolValue
  }

  var lenientBoolValue: Bool? {
    switch kind {
    case .true: return true
    case .false: return false
    case .number: return double.map { $0 != 0 }
    case .string: return string.flatMap(JSONValue.evaluateBoolean)
    default: return nil
    }
  }

  /// Evaluates "True", "false", "True and True", "False or True" (left to right, `and`
  /// binding tighter than `or`, as in Python); nil for anything else.
  static func evaluateBoolean(_ text: String) -> Bool? {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
    guard !words.isEmpty, words.count % 2 == 1 else { return nil }
    var anyTrue = false
    var conjunction = true
    for (offset, word) in words.enumerated() {
      if offset % 2 == 1 {
        switch word {
        case "and": continue
        case "or":
          anyTrue = anyTrue || conjunction
          conjunction = true
        default: return nil
        }
      } else {
        switch word {
        case "true", "1", "yes": break
        case "false", "0", "no", "none": conjunction = false
        default: return nil
        }
      }
    }
    return anyTrue || conjunction
  }

  // MARK: - JSON kept as text

  /// The member as ``RawJSON`` (null counts as absent).
  func rawJSON(_ key: String) -> RawJSON? {
    member(key)?.raw
  }

  /// An object of lists of unique ids (`parent_map`, `child_map`, `group_map`); null or
  /// absent is nil. A `null` element is skipped with a warning; any other non-string is
  /// an error naming its path.
  func stringListMap(_ key: String, warnings: WarningLog) throws -> [String: [String]]? {
    guard let value = member(key) else { return nil }
    guard value.kind == .object else { throw value.wrongType("an object of lists of strings") }
    var map: [String: [String]] = [:]
    map.reserveCapacity(value.count)
    for member in value.members {
      let list = member.value
      _ = try list.checkedIdentifier(member.key, what: "a unique_id (its key)")
      if list.isNull {
        map[member.key] = []
        continue
      }
      guard list.kind == .array else { throw list.wrongType("a list of strings") }
      // The lists are below the levels the reader indexes: plain ones are decoded from
      // their bytes rather than indexed one by one.
      if let simple = ListDecoding.simpleStrings(list.bytes) {
        if let long = simple.firstIndex(where: { $0.utf8.count > ArtifactError.identifierLimit }),
          let element = list[long]
        {
          _ = try element.checkedIdentifier(simple[long], what: "a unique_id")
        }
        map[member.key] = simple
        continue
      }
      var ids: [String] = []
      for element in list.elements {
        if element.isNull {
          warnings.record(.nullListEntry, at: element.path)
          continue
        }
        guard let text = element.string else { throw element.wrongType("a string") }
        ids.append(try element.checkedIdentifier(text, what: "a unique_id"))
      }
      map[member.key] = ids
    }
    return map
  }
}
