import Dispatch

/// A manifest's `parent_map`, `child_map` and `group_map`, decoded and checked on another
/// thread while the manifest's definitions are digested and mapped; ``value()`` waits.
///
/// Why: with 10,000 definitions the three maps took about 9 ms after the mapping, on the
/// thread a next run waits for; they need nothing the mapping produces. What they record
/// goes to their own ``WarningLog``, with a file-order position after every definition, so
/// merged it reports what reading them last, as before, reported.
final class PendingLineageMaps: @unchecked Sendable {
  /// The decoded maps and what decoding them recorded.
  struct Maps {
    let parentMap: [String: [String]]?
    let childMap: [String: [String]]?
    let groupMap: [String: [String]]?
    let warnings: WarningLog
  }

  private let root: JSONValue
  private let done = DispatchSemaphore(value: 0)
  /// Written once on the decoding thread before `done` is signalled; read after waiting.
  private var result: Result<Maps, any Error>?

  /// Starts decoding the maps of the manifest `root`.
  init(_ root: JSONValue) {
    self.root = root
    DispatchQueue.global().async { [self] in
      result = Result { try PendingLineageMaps.decode(root) }
      done.signal()
    }
  }

  /// The maps, or the error decoding them met (the first call waits for them).
  func value() throws -> Maps {
    done.wait()
    done.signal()
    // `result` is always set before the signal; decoding here only keeps this total.
    guard let result else { return try PendingLineageMaps.decode(root) }
    return try result.get()
  }

  private static func decode(_ root: JSONValue) throws -> Maps {
    let warnings = WarningLog()
    // After every definition and every disabled one: their first occurrences win.
    warnings.order = Int.max
    return Maps(
      parentMap: try root.stringListMap("parent_map", warnings: warnings),
      childMap: try root.stringListMap("child_map", warnings: warnings),
      groupMap: try root.stringListMap("group_map", warnings: warnings),
      warnings: warnings)
  }
}
