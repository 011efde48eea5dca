import CSQLite
import Foundation

/// Starts the kernel writing a database's new pages to disk while a large write
/// transaction is still producing them, so that SQLite's own `fsync`s find little left
/// to wait for.
///
/// Why: in WAL mode a commit only appends to the `-wal` file; the checkpoint that follows
/// a large commit syncs the WAL, copies its pages into the database and syncs that. On a
/// 10,000-node first load (57 MB written twice) the two syncs waited 40-50 ms each for the
/// disk, with both cores idle. A helper thread that asks for writeback every few
/// milliseconds (`sync_file_range(SYNC_FILE_RANGE_WRITE)`, which starts the writes and
/// does not wait) lets the disk work while SQLite is still writing. Nothing else changes:
/// SQLite syncs exactly as before, so durability and crash safety are SQLite's own
/// (<https://www.sqlite.org/wal.html>); a page written early is merely written again if
/// it changes. The thread runs at the lowest priority, so it takes no CPU time from the
/// ingest's own threads. <https://man7.org/linux/man-pages/man2/sync_file_range.2.html>
public final class WritebackFlusher: @unchecked Sendable {
  private let paths: [String]
  private let interval: TimeInterval
  private let condition = NSCondition()
  /// Guarded by `condition`.
  private var stopping = false
  private var stopped = false

  /// Starts flushing the files at `paths` (each opened read-only once it exists) every
  /// `interval` seconds until ``stop()``.
  public init(paths: [String], interval: TimeInterval = 0.002) {
    self.paths = paths
    self.interval = interval
    let thread = Thread { [self] in run() }
    thread.stackSize = 1 << 18
    thread.start()
  }

  /// Starts flushing a database file and its write-ahead log.
  public convenience init(database path: String) {
    self.init(paths: [path, path + "-wal"])
  }

  /// Stops flushing and waits for the thread to close its files.
  ///
  /// Call it after the connection closed, so the close's checkpoint is flushed too.
  public func stop() {
    condition.lock()
    stopping = true
    condition.broadcast()
    while !stopped { condition.wait() }
    condition.unlock()
  }

  private func run() {
    // The lowest priority: the writeback requests use only CPU time nobody else wants
    // (on Linux `PRIO_PROCESS` with 0 names the calling thread).
    #if os(Linux)
      _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
    #endif
    var descriptors: [Int32?] = Array(repeating: nil, count: paths.count)
    condition.lock()
    while !stopping {
      condition.unlock()
      for index in paths.indices {
        if descriptors[index] == nil {
          let descriptor = open(paths[index], O_RDONLY | O_CLOEXEC)
          if descriptor >= 0 { descriptors[index] = descriptor }
        }
        // A failure only means no early writeback: SQLite still syncs.
        if let descriptor = descriptors[index] { _ = csqlite_start_writeback(descriptor) }
      }
      condition.lock()
      if !stopping { _ = condition.wait(until: Date(timeIntervalSinceNow: interval)) }
    }
    condition.unlock()
    for case let descriptor? in descriptors { close(descriptor) }
    condition.lock()
    stopped = true
    condition.broadcast()
    condition.unlock()
  }
}
