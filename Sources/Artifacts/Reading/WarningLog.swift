/// Collects ``ArtifactWarning``s while one reader maps a file: per kind, a count and the
/// first occurrence in file order.
///
/// A reference type so the many small reading functions can share one without threading
/// it through every return value; not thread-safe: the parallel node mapper gives each
/// worker its own and merges them (``merge(_:)``), keeping the earliest occurrence.
final class WarningLog {
  private struct Entry {
    var count: Int
    var order: Int
    var path: String
    var detail: String
  }

  private var entries: [ArtifactWarning.Kind: Entry] = [:]
  /// The file-order position of the value being read (the definition's index), so merged
  /// logs report the occurrence a serial reader would have seen first.
  var order = 0
  /// Occurrences recorded so far (all kinds): tells whether reading one value warned.
  private(set) var recorded = 0

  init() {}

  /// Counts one occurrence; `path` and `detail` are computed only when they are kept.
  func record(
    _ kind: ArtifactWarning.Kind, at path: @autoclosure () -> String,
    _ detail: @autoclosure () -> String = ""
  ) {
    recorded += 1
    if var entry = entries[kind] {
      entry.count += 1
      if order < entry.order {
        entry.order = order
        entry.path = path()
        entry.detail = detail()
      }
      entries[kind] = entry
    } else {
      entries[kind] = Entry(count: 1, order: order, path: path(), detail: detail())
    }
  }

  /// Counts a value of the wrong type, naming what was expected.
  func ignored(_ value: JSONValue, expected: String) {
    record(.ignoredValue, at: value.path, "expected \(expected), found \(value.kind.description)")
  }

  /// Adds another log's counts, keeping the earlier first occurrence of each kind.
  func merge(_ other: WarningLog) {
    for (kind, theirs) in other.entries {
      if var mine = entries[kind] {
        mine.count += theirs.count
        if theirs.order < mine.order {
          mine.order = theirs.order
          mine.path = theirs.path
          mine.detail = theirs.detail
        }
        entries[kind] = mine
      } else {
        entries[kind] = theirs
      }
    }
  }

  /// The warnings, in the order of ``ArtifactWarning/Kind/allCases`` (unversioned first).
  var warnings: [ArtifactWarning] {
    let order: [ArtifactWarning.Kind] = [
      .unversioned, .nullListEntry, .ignoredValue, .numberOutOfRange,
    ]
    return order.compactMap { kind in
      entries[kind].map {
        ArtifactWarning(kind: kind, count: $0.count, path: $0.path, detail: $0.detail)
      }
    }
  }
}
