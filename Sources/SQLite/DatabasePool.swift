import Foundation

/// One serialized writer and a pool of read-only readers over one database file in WAL
/// mode: readers never block the writer, and each read sees only committed data.
///
/// The writer runs every ``write(_:)`` inside an `IMMEDIATE` transaction, one at a
/// time. Each ``read(_:)`` borrows a reader connection (opened lazily, at most
/// `maximumReaderCount`), runs inside a deferred transaction so it sees one consistent
/// snapshot, and returns the connection to the pool.
///
/// For example:
/// ```swift
/// let pool = try DatabasePool(path: "/tmp/metadata.sqlite")
/// try pool.write { db in try db.run("INSERT INTO t(name) VALUES (?)", ["a"]) }
/// let count = try pool.read { db in try db.scalarInt("SELECT count(*) FROM t") }
/// ```
///
/// A pool opened with ``init(readingFrom:maximumReaderCount:busyTimeout:)`` has no writer
/// at all: it never creates the file, never changes its journal mode and never takes the
/// write lock, so a long-running server can read while another process (or another pool
/// in this one) writes; its ``write(_:)`` fails with `SQLITE_READONLY`.
///
/// The pool is `Sendable`: its connections are only reached under its locks.
/// Related SQLite documentation: <https://www.sqlite.org/wal.html>
public final class DatabasePool: @unchecked Sendable {
  /// The database file.
  public let path: String
  /// The most readers open at once; further reads wait for one to be returned.
  public let maximumReaderCount: Int
  /// Whether the pool only reads (opened with ``init(readingFrom:maximumReaderCount:busyTimeout:)``).
  public var isReadOnly: Bool { writer == nil }

  /// The one writer; `nil` in a read-only pool.
  private let writer: Connection?
  private let writerLock = NSLock()
  private let readerCondition = NSCondition()
  private var idleReaders: [Connection] = []
  private var openReaderCount = 0
  /// The reader each thread inside ``snapshot(_:)`` holds, by thread: every ``read(_:)``
  /// on that thread runs in its transaction. Guarded by `readerCondition`.
  private var pinnedReaders: [pthread_t: Connection] = [:]
  private var readStatements = 0
  private let busyTimeout: Int32

  /// How a writing pool's connections journal their writes.
  public enum Journaling: Sendable {
    /// Write-ahead logging with `synchronous=NORMAL`: readers in any process go on while
    /// the writer writes, and every commit is atomic and survives a crash. For every file
    /// another connection may open.
    case writeAheadLog
    /// The rollback journal in memory (`journal_mode=MEMORY`: `ROLLBACK` and savepoints
    /// work) and no syncs (`synchronous=OFF`): pages are written once, straight into the
    /// file. Only for a file no other connection opens until it is finished and synced
    /// (``StagedDatabase``): a crash leaves it unusable. ``finishStaging()`` switches it to
    /// WAL before it is published. <https://www.sqlite.org/pragma.html#pragma_journal_mode>
    case inMemoryUnsynced
  }

  /// Opens (creating if needed) the database and switches it to WAL (or, for a staged
  /// file, to `journaling`).
  ///
  /// - Parameters:
  ///   - path: the database file; must be a file, not `":memory:"`.
  ///   - maximumReaderCount: the size of the reader pool.
  ///   - busyTimeout: milliseconds a connection waits for a lock.
  ///   - pageSize: the page size in bytes (a power of two, 512-65536) of a database this
  ///     call creates. SQLite fixes the page size when the first table is written and WAL
  ///     mode cannot change it later, so it is set here, before WAL is enabled; an existing
  ///     database keeps its own. `nil` keeps SQLite's default (4096).
  ///     <https://www.sqlite.org/pragma.html#pragma_page_size>
  ///   - journaling: ``Journaling/writeAheadLog`` unless the file is a ``StagedDatabase``.
  /// - Throws: ``SQLiteError`` when the file cannot be opened or is not a database.
  public init(
    path: String, maximumReaderCount: Int = 4, busyTimeout: Int32 = 5_000, pageSize: Int? = nil,
    journaling: Journaling = .writeAheadLog
  ) throws {
    self.path = path
    self.maximumReaderCount = max(1, maximumReaderCount)
    self.busyTimeout = busyTimeout
    let writer = try Connection(path: path, mode: .readWriteCreate, busyTimeout: busyTimeout)
    try writer.checkIsDatabase()
    if let pageSize { try writer.execute("PRAGMA page_size = \(pageSize)") }
    switch journaling {
    case .writeAheadLog:
      try Self.logAhead(writer, busyTimeout: busyTimeout)
    case .inMemoryUnsynced:
      _ = try writer.scalarString("PRAGMA journal_mode = MEMORY")
      try writer.execute("PRAGMA synchronous = OFF")
    }
    // An 8 MiB page cache keeps a big ingest's hot index pages in memory; a larger one
    // only raised peak memory (measured: 64 MiB cost +50 MB RSS on a 46 MB input for no
    // speed gain).
    try writer.execute("PRAGMA cache_size = -8192")
    self.writer = writer
  }

  /// Switches a pool opened with ``Journaling/inMemoryUnsynced`` to WAL, as every
  /// published database is (the mode is kept in the file), once its writes are done.
  ///
  /// - Throws: ``SQLiteError`` in a read-only pool, inside a write, or when the mode
  ///   cannot change.
  public func finishStaging() throws {
    try writeWithoutTransaction { try Self.logAhead($0, busyTimeout: busyTimeout) }
  }

  /// WAL with synchronous=NORMAL: durable at checkpoints, consistent always; commits do
  /// not fsync (https://www.sqlite.org/pragma.html#pragma_synchronous).
  private static func logAhead(_ writer: Connection, busyTimeout: Int32) throws {
    try writer.enableWriteAheadLog(busyTimeout: busyTimeout)
    try writer.execute("PRAGMA synchronous = NORMAL")
  }

  /// Opens a pool of read-only connections over an existing database, with no writer.
  ///
  /// Nothing is written: the file is not created, its journal mode is not changed (a WAL
  /// database stays WAL, as the writer that created it set it), and no lock beyond a
  /// reader's is ever taken, so reads go on while another connection holds
  /// `BEGIN IMMEDIATE`. Each connection still has a busy timeout, so the short exclusive
  /// lock of a WAL recovery or of the last writer's closing checkpoint is waited out
  /// rather than reported. <https://www.sqlite.org/wal.html#concurrency>
  ///
  /// - Parameters:
  ///   - path: an existing database file.
  ///   - maximumReaderCount: the size of the reader pool.
  ///   - busyTimeout: milliseconds a connection waits for a lock.
  ///   - firstReader: an already open read-only connection to the same file, kept as the
  ///     pool's first reader (a caller that inspected the file before need not reopen it).
  /// - Throws: ``SQLiteError`` when the file cannot be opened or is not a database.
  public init(
    readingFrom path: String, maximumReaderCount: Int = 4, busyTimeout: Int32 = 5_000,
    firstReader: Connection? = nil
  ) throws {
    self.path = path
    self.maximumReaderCount = max(1, maximumReaderCount)
    self.busyTimeout = busyTimeout
    self.writer = nil
    let reader =
      try firstReader ?? Connection(path: path, mode: .readOnly, busyTimeout: busyTimeout)
    try reader.checkIsDatabase()
    try Self.configureReader(reader)
    idleReaders = [reader]
    openReaderCount = 1
  }

  /// Runs `body` with the writer inside an `IMMEDIATE` transaction: committed when it
  /// returns, rolled back when it throws. Calls are serialized.
  ///
  /// - Throws: ``SQLiteError`` with `SQLITE_READONLY` in a read-only pool.
  public func write<T>(_ body: (Connection) throws -> T) throws -> T {
    writerLock.lock()
    defer { writerLock.unlock() }
    let writer = try requireWriter()
    return try writer.transaction(.immediate) { try body(writer) }
  }

  /// Runs `body` as ``write(_:)`` does when no other write of this pool is under way;
  /// answers nil at once otherwise.
  ///
  /// Why: bookkeeping that may be skipped (a token's last use) must not make a reader
  /// wait for a long ingest holding the writer.
  public func writeIfIdle<T>(_ body: (Connection) throws -> T) throws -> T? {
    guard writerLock.try() else { return nil }
    defer { writerLock.unlock() }
    let writer = try requireWriter()
    return try writer.transaction(.immediate) { try body(writer) }
  }

  /// Runs `body` with the writer outside any transaction (for schema migrations that
  /// manage their own, or pragmas that cannot run inside one). Calls are serialized.
  ///
  /// - Throws: ``SQLiteError`` with `SQLITE_READONLY` in a read-only pool.
  public func writeWithoutTransaction<T>(_ body: (Connection) throws -> T) throws -> T {
    writerLock.lock()
    defer { writerLock.unlock() }
    return try body(try requireWriter())
  }

  private func requireWriter() throws -> Connection {
    guard let writer else {
      throw SQLiteError(code: .readOnly, message: "\(path): opened for reading only")
    }
    return writer
  }

  /// Runs `body` with a read-only connection inside a deferred transaction, so it sees
  /// one snapshot of committed data; writes fail with `SQLITE_READONLY`. Inside
  /// ``snapshot(_:)`` on the same thread, `body` runs in that snapshot's transaction.
  public func read<T>(_ body: (Connection) throws -> T) throws -> T {
    if let pinned = pinnedReader() {
      let started = pinned.statementsStarted
      defer { count(statements: pinned.statementsStarted - started) }
      return try body(pinned)
    }
    let reader = try borrowReader()
    let started = reader.statementsStarted
    defer { returnReader(reader, statements: reader.statementsStarted - started) }
    return try reader.transaction(.deferred) { try body(reader) }
  }

  /// Runs `body` so that every ``read(_:)`` it makes on this thread shares one read
  /// transaction: one snapshot of committed data, however many reads.
  ///
  /// Why: a request answered by several reads (a GraphQL query's resolvers, say) must not
  /// show half of it before an ingest's commit and half after; and one transaction instead
  /// of one per read saves the `BEGIN`/`COMMIT` and WAL read-lock work of each.
  /// Nested calls join the outer snapshot. Writes (``write(_:)``) are not affected.
  /// <https://www.sqlite.org/isolation.html>
  public func snapshot<T>(_ body: () throws -> T) throws -> T {
    if pinnedReader() != nil { return try body() }
    let reader = try borrowReader()
    let thread = pthread_self()
    readerCondition.withLock { pinnedReaders[thread] = reader }
    defer {
      readerCondition.withLock { pinnedReaders[thread] = nil }
      returnReader(reader, statements: 0)
    }
    return try reader.transaction(.deferred) { try body() }
  }

  /// The reader this thread's ``snapshot(_:)`` holds, if any.
  private func pinnedReader() -> Connection? {
    readerCondition.lock()
    defer { readerCondition.unlock() }
    return pinnedReaders.isEmpty ? nil : pinnedReaders[pthread_self()]
  }

  private func count(statements: Int) {
    readerCondition.lock()
    readStatements += statements
    readerCondition.unlock()
  }

  /// The statements run by ``read(_:)`` calls since the pool opened, over every reader:
  /// what tests bound to prove a request costs a constant number of queries.
  public var readStatementCount: Int {
    readerCondition.lock()
    defer { readerCondition.unlock() }
    return readStatements
  }

  /// The most of the database file each reader maps into memory
  /// (<https://www.sqlite.org/mmap.html>): pages are then read from the operating
  /// system's page cache in place, shared by every reader, instead of copied by `pread`
  /// into each connection's own 2 MB cache. Measured on the API benchmark's 329 MB
  /// database: a page of 500 models 48 -> 29 ms, one model unchanged.
  public static let readerMemoryMapBytes = 1 << 30

  /// A read-only connection as the pool's readers are opened.
  private static func openReader(path: String, busyTimeout: Int32) throws -> Connection {
    let reader = try Connection(path: path, mode: .readOnly, busyTimeout: busyTimeout)
    try configureReader(reader)
    return reader
  }

  private static func configureReader(_ reader: Connection) throws {
    try reader.execute("PRAGMA mmap_size = \(readerMemoryMapBytes)")
  }

  private func borrowReader() throws -> Connection {
    readerCondition.lock()
    while idleReaders.isEmpty && openReaderCount >= maximumReaderCount {
      readerCondition.wait()
    }
    if let reader = idleReaders.popLast() {
      readerCondition.unlock()
      return reader
    }
    openReaderCount += 1
    readerCondition.unlock()
    do {
      return try Self.openReader(path: path, busyTimeout: busyTimeout)
    } catch {
      readerCondition.lock()
      openReaderCount -= 1
      readerCondition.signal()
      readerCondition.unlock()
      throw error
    }
  }

  private func returnReader(_ reader: Connection, statements: Int) {
    readerCondition.lock()
    readStatements += statements
    idleReaders.append(reader)
    readerCondition.signal()
    readerCondition.unlock()
  }
}
