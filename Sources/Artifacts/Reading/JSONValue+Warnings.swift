/// Field access that skips what it cannot use and counts it in a ``WarningLog``, for the
/// fields the store only describes (see ``ArtifactWarning`` for the rule).
extension JSONValue {
  /// Member `key` when it is of `kind`; any other non-null value is ignored with a warning.
  func member(_ key: String, ofKind kind: JSONKind, expected: String, warnings: WarningLog)
    -> JSONValue?
  {
    guard let value = member(key) else { return nil }
    guard value.kind == kind else {
      warnings.ignored(value, expected: expected)
      return nil
    }
    return value
  }

  /// Checks a list of unique ids (`depends_on.nodes`, the lists of `parent_map`): absent
  /// or null is fine, a `null` entry is skipped with a warning, anything else but a string
  /// is an error (a unique id must be right or absent). Nothing is decoded.
  func checkIDList(warnings: WarningLog) throws {
    guard kind == .array else { throw wrongType("a list of strings") }
    for element in elements where element.kind != .string {
      guard element.isNull else { throw element.wrongType("a string") }
      warnings.record(.nullListEntry, at: element.path)
    }
  }

  /// Checks a descriptive list of strings (`depends_on.macros`): absent or null is fine; a
  /// non-list is ignored, and `null` or non-string entries skipped, each with a warning.
  /// Returns false when the value is not a list.
  @discardableResult
  func checkDescriptiveList(warnings: WarningLog) -> Bool {
    guard kind == .array else {
      if !isNull { warnings.ignored(self, expected: "a list of strings") }
      return false
    }
    for element in elements where element.kind != .string {
      if element.isNull {
        warnings.record(.nullListEntry, at: element.path)
      } else {
        warnings.ignored(element, expected: "a string")
      }
    }
    return true
  }

  /// A number the store keeps and the API serves (an execution time, a failure count): a
  /// finite `Double`, absent or null as nil. A number out of range (`1e999`) is an error,
  /// never a silent infinity; a string holding a finite number is read; another type is
  /// ignored with a warning.
  func servedDouble(_ key: String, warnings: WarningLog) throws -> Double? {
    guard let value = member(key) else { return nil }
    guard value.kind == .number else {
      if let parsed = value.string.flatMap(Double.init), parsed.isFinite { return parsed }
      warnings.ignored(value, expected: "a number")
      return nil
    }
    guard let number = value.double, number.isFinite else {
      throw value.wrongType(
        "a finite number", found: "\(value.kind.description) \(value.shortText)")
    }
    return number
  }

  /// A number the store keeps but the API does not serve as a fact (a run's elapsed
  /// time): out of range becomes nil with a warning; a string holding a finite number is
  /// read; another type is ignored with a warning.
  func describedDouble(_ key: String, warnings: WarningLog) -> Double? {
    guard let value = member(key) else { return nil }
    if let number = value.double {
      guard number.isFinite else {
        warnings.record(.numberOutOfRange, at: value.path, value.shortText)
        return nil
      }
      return number
    }
    if let parsed = value.string.flatMap(Double.init), parsed.isFinite { return parsed }
    warnings.ignored(value, expected: "a number")
    return nil
  }

  /// An integer the API serves (a test's failure count): absent or null as nil, an
  /// integral number past the exactly representable range is an error, another type is
  /// ignored with a warning (hand-edited files carry `"failures": "Test failure"`).
  func servedInt(_ key: String, warnings: WarningLog) throws -> Int? {
    guard let value = member(key) else { return nil }
    if let number = value.int { return number }
    guard value.kind == .number else {
      warnings.ignored(value, expected: "an integer")
      return nil
    }
    if value.isOutOfIntegerRange {
      throw value.wrongType(
        "an integer within 64 bits", found: "\(value.kind.description) \(value.shortText)")
    }
    warnings.ignored(value, expected: "an integer")
    return nil
  }

  /// An integer the store only uses for order or description (a catalog column's
  /// `index`, a hook's `index`): out of range or another type is nil with a warning;
  /// a string holding an integer is read.
  func describedInt(_ key: String, warnings: WarningLog) -> Int? {
    member(key)?.describedIntValue(warnings: warnings)
  }

  /// This value as ``describedInt(_:warnings:)`` reads a member.
  func describedIntValue(warnings: WarningLog) -> Int? {
    if let number = lenientIntValue { return number }
    if isOutOfIntegerRange {
      warnings.record(.numberOutOfRange, at: path, shortText)
    } else {
      warnings.ignored(self, expected: "an integer")
    }
    return nil
  }

  /// True for a number whose magnitude no 64-bit integer holds exactly (or not finite).
  var isOutOfIntegerRange: Bool {
    guard kind == .number else { return false }
    guard let number = double, number.isFinite else { return true }
    return abs(number) >= 9.0e15 && int == nil
  }

  /// The value's JSON text, cut to a readable length for a message.
  var shortText: String {
    let bytes = self.bytes
    let limit = ArtifactError.quoteLimit
    guard bytes.count > limit else { return String(decoding: bytes, as: UTF8.self) }
    return String(decoding: bytes.prefix(limit), as: UTF8.self) + "... (\(bytes.count) bytes)"
  }
}

extension JSONValue {
  /// `text` (read from this value, or from the key naming it) when it is at most
  /// ``ArtifactError/identifierLimit`` bytes long; else an error naming the path, what
  /// it is and its length (never the text itself).
  func checkedOptionalIdentifier(_ text: String?, what: String) throws -> String? {
    guard let text, text.utf8.count > ArtifactError.identifierLimit else { return text }
    throw ArtifactError(
      file: document.name,
      reason: .identifierTooLong(
        path: path, what: what, length: text.utf8.count, limit: ArtifactError.identifierLimit))
  }

  /// ``checkedOptionalIdentifier(_:what:)`` for a value known to be present.
  func checkedIdentifier(_ text: String, what: String) throws -> String {
    try checkedOptionalIdentifier(text, what: what) ?? text
  }
}
