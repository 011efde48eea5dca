/// Reads `timing` lists: `[{name, started_at, completed_at}]`, empty for errors and skips.
enum TimingReader {
  static func read(_ value: JSONValue?) throws -> [TimingEntry] {
    guard let value else { return [] }
    guard value.kind == .array else { throw value.wrongType("a list of timing entries") }
    var entries: [TimingEntry] = []
    for element in value.elements {
      try element.requireObject()
      entries.append(
        TimingEntry(
          name: element.lenientString("name") ?? "",
          startedAt: try ArtifactHeaderReader.timestamp(element, "started_at"),
          completedAt: try ArtifactHeaderReader.timestamp(element, "completed_at")))
    }
    return entries
  }
}
