import Foundation

/// A new database file built beside the path it is meant for and moved there only once it
/// is complete and on disk, so the path goes from "no file" to "the finished database" in
/// one step.
///
/// Why: a database's first large write (a project's first load) in WAL mode writes every
/// page twice, once into the `-wal` file at the commit and once into the database at the
/// checkpoint, each followed by an `fsync`. A file that no other connection can see yet
/// needs neither the log nor the syncs along the way: it is written once, with its
/// rollback journal in memory (``DatabasePool/Journaling/inMemoryUnsynced``, so `ROLLBACK`
/// and savepoints still work), synced once, and then linked into place. A crash at any
/// moment leaves either no file at the path or the finished one; what it leaves beside it
/// is a stale staging file, which the next staging for that path removes.
///
/// The sequence (``publish()``): sync the staged file, `link(2)` it to the final path
/// (which fails, rather than replaces, when a file appeared there meanwhile), remove the
/// staging name, sync the directory. <https://man7.org/linux/man-pages/man2/link.2.html>,
/// <https://www.sqlite.org/pragma.html#pragma_journal_mode>
///
/// For example:
/// ```swift
/// let staged = try StagedDatabase(finalPath: "metadata.sqlite")
/// do {
///   try writeEverything(into: staged.path)  // opens, writes and closes its connections
///   if try !staged.publish() { /* another process created metadata.sqlite meanwhile */ }
/// } catch {
///   staged.discard()
///   throw error
/// }
/// ```
public final class StagedDatabase: @unchecked Sendable {
  /// Where the database is built: a hidden file in the final path's directory (a link
  /// cannot cross file systems), named after the final file, this process and a random
  /// number.
  public let path: String
  /// Where ``publish()`` moves it.
  public let finalPath: String
  /// Held open with an exclusive `flock` while this object lives, so that another
  /// process's cleanup (``removeStale(finalPath:)``) never takes a build in progress for a
  /// stale one.
  private var lockDescriptor: Int32
  /// The removal of stale staging files, which runs while the database is built;
  /// ``publish()`` and ``discard()`` wait for it.
  private let cleanup = DispatchGroup()

  /// Creates the staging file for `finalPath` and starts removing, on another thread,
  /// stale ones a killed process left (it lists the directory, which may be large).
  ///
  /// - Throws: ``SQLiteError`` (`SQLITE_CANTOPEN`) naming the path when the staging file
  ///   cannot be created (a missing directory, no permission).
  public init(finalPath: String) throws {
    self.finalPath = finalPath
    DispatchQueue.global().async(group: cleanup) { Self.removeStale(finalPath: finalPath) }
    let random = UInt32.random(in: 0...UInt32.max)
    path = Self.stagingPrefix(finalPath) + "\(getpid())-" + String(random, radix: 16)
    lockDescriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard lockDescriptor >= 0 else {
      throw SQLiteError(
        code: .cannotOpen,
        message: "\(finalPath): cannot create the database beside it (\(Self.lastError()))")
    }
    _ = flock(lockDescriptor, LOCK_EX)
  }

  deinit {
    cleanup.wait()
    if lockDescriptor >= 0 { close(lockDescriptor) }
  }

  /// Moves the finished database to ``finalPath``; call it after every connection to
  /// ``path`` closed. Returns false, leaving ``finalPath`` as it is and removing the
  /// staged file, when a file already exists there.
  ///
  /// - Throws: ``SQLiteError`` (`SQLITE_IOERR`) naming the path when the file cannot be
  ///   synced or linked; the staged file is then removed too.
  public func publish() throws -> Bool {
    defer { discard() }
    guard fsync(lockDescriptor) == 0 else {
      throw SQLiteError(
        code: .ioError, message: "\(finalPath): cannot sync the new database (\(Self.lastError()))")
    }
    guard link(path, finalPath) == 0 else {
      if errno == EEXIST { return false }
      throw SQLiteError(
        code: .ioError,
        message: "\(finalPath): cannot move the new database into place (\(Self.lastError()))")
    }
    // The staging name goes at once, and one sync of the directory keeps both changes.
    discard()
    Self.syncDirectory(of: finalPath)
    return true
  }

  /// Removes the staged file and its journal files (after a failed build, or after
  /// ``publish()``, which calls it).
  public func discard() {
    cleanup.wait()
    for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    if lockDescriptor >= 0 {
      close(lockDescriptor)
      lockDescriptor = -1
    }
  }

  /// Removes the staging files for `finalPath` that no live build holds: those whose
  /// process is gone and whose lock nobody holds.
  static func removeStale(finalPath: String) {
    let prefix = stagingPrefix(finalPath)
    let directory = (prefix as NSString).deletingLastPathComponent
    let namePrefix = (prefix as NSString).lastPathComponent
    guard
      let names = try? FileManager.default.contentsOfDirectory(
        atPath: directory.isEmpty ? "." : directory)
    else { return }
    for name in names where name.hasPrefix(namePrefix) {
      let rest = name.dropFirst(namePrefix.count)
      guard let owner = rest.split(separator: "-").first.flatMap({ Int32($0) }) else { continue }
      if owner == getpid() || kill(owner, 0) == 0 || errno != ESRCH { continue }
      let stale = (directory as NSString).appendingPathComponent(String(name))
      let descriptor = open(stale, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { continue }
      defer { close(descriptor) }
      guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
      unlink(stale)
    }
  }

  /// `dir/.name.staged-`: what every staging file of `finalPath` starts with. The journal
  /// files SQLite may leave beside one (`-journal`, `-wal`, `-shm`) share it.
  static func stagingPrefix(_ finalPath: String) -> String {
    let directory = (finalPath as NSString).deletingLastPathComponent
    let name = (finalPath as NSString).lastPathComponent
    return (directory as NSString).appendingPathComponent(".\(name).staged-")
  }

  /// Syncs the directory holding `path`, so a new link in it survives a power loss.
  private static func syncDirectory(of path: String) {
    let directory = (path as NSString).deletingLastPathComponent
    let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }

  private static func lastError() -> String {
    String(cString: strerror(errno))
  }
}
