/// Lenient member access on a loaded definition, counting what is skipped.
extension MemberTable {
  /// Member `key` of the loaded definition when it is of `kind`; any other non-null value
  /// is ignored with a warning (see ``JSONValue/member(_:ofKind:expected:warnings:)``).
  func member(_ key: StaticString, ofKind kind: JSONKind, expected: String, warnings: WarningLog)
    -> JSONValue?
  {
    guard let value = member(key) else { return nil }
    guard value.kind == kind else {
      warnings.ignored(value, expected: expected)
      return nil
    }
    return value
  }
}
