import SQLite

extension MetadataStore {
  /// Runs `body` (which opens, writes and closes the store at `path`) while the kernel is
  /// asked to write the database's and its WAL's new pages as they are produced
  /// (``SQLite/WritebackFlusher``), so the commit's and the close's syncs find little left
  /// to wait for.
  ///
  /// Why here: a caller that writes a whole project at once (a first load) needs it, and
  /// callers reach the database only through the store (DESIGN.md, modules and their
  /// direction). Durability is SQLite's own: the flusher only starts writes early.
  public static func flushingWrites<T>(to path: String, _ body: () throws -> T) rethrows -> T {
    let flusher = WritebackFlusher(database: path)
    defer { flusher.stop() }
    return try body()
  }
}
