/// Reads `timing` lists: `[{name, started_at, completed_at}]`, empty for errors and skips.
enum TimingReader {
  /// Timing lists only describe; a non-list or a non-object entry is skipped with a
  /// warning. The timestamps inside are facts: a malformed one is an error.
  static func read(_ value: JSONValue?, warnings: WarningLog) throws -> [TimingEntry] {
    guard let value else { return [] }
    guard value.kind == .array else {
      warnings.ignored(value, expected: "a list of timing entries")
      return []
    }
    var entries: [TimingEntry] = []
    for element in value.elements {
      guard element.kind == .object else {
        if element.isNull {
          warnings.record(.nullListEntry, at: element.path)
        } else {
          warnings.ignored(element, expected: "an object (timing entry)")
        }
        continue
      }
      entries.append(
        TimingEntry(
          name: element.lenientString("name") ?? "",
          startedAt: try ArtifactHeaderReader.timestamp(element, "started_at"),
          completedAt: try ArtifactHeaderReader.timestamp(element, "completed_at")))
    }
    return entries
  }
}
