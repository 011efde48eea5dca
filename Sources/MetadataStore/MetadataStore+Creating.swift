import Foundation
import SQLite

extension MetadataStore {
  /// Creates the database at `path`, which does not exist yet, holding what `body` writes
  /// into the store it is given: the file appears at `path` only once that is complete and
  /// on disk.
  ///
  /// Why: a project's first load writes the whole project at once. Into a file others can
  /// open, that goes through the write-ahead log and its checkpoint, each page written and
  /// synced twice; the first load of a 10,000-node project spent more than a quarter of
  /// its wall time in the commit and checkpoint (145 of 503 ms). A file nobody can open yet is written once, straight (its journal in
  /// memory, no syncs), synced once and linked into place (``SQLite/StagedDatabase``), with
  /// the same guarantees: a crash or a refused input leaves no file at `path` (readers see
  /// "no database", as before the command), never a partial one; the published file is in
  /// WAL mode like every other. While it is written, the kernel is asked to write its pages
  /// early (``flushingWrites(to:_:)``), so the final sync waits for little.
  ///
  /// `body` must not keep the store: it is closed when `body` returns, before the file is
  /// moved.
  ///
  /// - Returns: what `body` returned; nil when a file appeared at `path` meanwhile
  ///   (another process created the database): nothing was written there, and the caller
  ///   writes into that file the usual way.
  /// - Throws: what `body` throws (the new file is then removed), or ``StoreError`` when
  ///   the file cannot be created, synced or moved.
  public static func creating<T>(at path: String, _ body: (MetadataStore) throws -> T) throws
    -> T?
  {
    let staged: StagedDatabase
    do {
      staged = try StagedDatabase(finalPath: path)
    } catch let error as SQLiteError {
      throw StoreError(.database(error))
    }
    do {
      let result = try flushingWrites(to: staged.path) {
        let store = try MetadataStore(staged: staged.path)
        let result = try body(store)
        try store.wrapping { try store.pool.finishStaging() }
        return result
      }
      guard try staged.publish() else { return nil }
      return result
    } catch let error as SQLiteError {
      staged.discard()
      throw StoreError(.database(error))
    } catch {
      staged.discard()
      throw error
    }
  }
}
