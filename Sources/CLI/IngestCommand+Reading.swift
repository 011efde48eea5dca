import Artifacts
import Dispatch
import Foundation
import MetadataStore

extension IngestCommand {
  /// Reads every file of `files` at the same time, each expected to be of its kind.
  ///
  /// Why: run_results, sources and catalog files are parsed while the manifest is, which
  /// shortens an ingest's wall time; the work per file is the same. A failure is reported
  /// for the first bad file in the order manifest, run_results, sources, catalog: the
  /// error a one-by-one read would give.
  ///
  /// What the database holds of the project (`snapshot`) is read first, on the other
  /// thread, while the manifest's bytes are read and scanned: the manifest's definitions
  /// found in its known definitions are not mapped again (``Artifacts/Manifest/reused``),
  /// and the request keeps it (``MetadataStore/IngestRequest/snapshot``) so the ingest's
  /// transaction need not read it again.
  ///
  /// Threads: `snapshot` and then the other files run on one serial queue, the manifest on
  /// the calling thread. A `concurrentPerform` inside another one runs serially (libdispatch
  /// divides the width among nested levels), so reading the manifest inside one, as this
  /// did, mapped and hashed its definitions on one core; on this thread its mapper spreads
  /// them over every core.
  ///
  /// With `store`, a project's first manifest (a large one read without known
  /// definitions) is stored while it is read: once the manifest is validated, a writer
  /// thread waits for the other files and calls `store` with a request holding them and
  /// the manifest's stream (``MetadataStore/IngestRequest/manifestStream``), which
  /// inserts the definitions as they are mapped; this returns what `store` returned. A
  /// failure is still reported as above (a bad manifest before a bad run_results, both
  /// before the store's errors), and a refused manifest rolls the store's transaction
  /// back. Otherwise this returns nil and the caller stores `request`, whose manifest's
  /// fingerprint is already being computed (``MetadataStore/IngestRequest/prepareFingerprint()``).
  @discardableResult
  static func readAll(
    _ files: Files, snapshot: @escaping @Sendable () -> IngestSnapshot = { IngestSnapshot() },
    into request: inout IngestRequest,
    storing store: (@Sendable (inout IngestRequest) throws -> IngestSummary)? = nil
  ) throws -> IngestSummary? {
    var jobs: [(path: String, kind: ArtifactKind)] = []
    if let manifest = files.manifest { jobs.append((manifest, .manifest)) }
    jobs += files.runResults.map { ($0, .runResults) }
    if let sources = files.sources { jobs.append((sources, .sources)) }
    if let catalog = files.catalog { jobs.append((catalog, .catalog)) }

    let slots = ReadSlots(count: jobs.count)
    let group = DispatchGroup()
    // One thread beside this one, in the order the manifest needs things: two cores are
    // common, and a third thread competing for them made the manifest's read (the longest
    // chain) wait.
    let helper = DispatchQueue(label: "dbt-metadata.ingest.reading")
    let pending = files.manifest == nil ? nil : PendingSnapshot(on: helper, group: group, snapshot)
    for (index, job) in jobs.enumerated() where job.kind != .manifest {
      helper.async(group: group) {
        slots.store(
          Result { try ArtifactReader.read(file: job.path, expecting: job.kind) }, at: index)
      }
    }
    var writer: WriterThread?
    if let manifest = files.manifest, let pending {
      let known = { pending.value.knownDefinitions }
      let base = request
      let otherJobs = jobs
      slots.store(
        Result {
          guard let store else {
            return try ArtifactReader.read(file: manifest, expecting: .manifest, known: known)
          }
          return try ArtifactReader.read(
            file: manifest, expecting: .manifest, known: known,
            streaming: { stream in
              writer = WriterThread {
                var streamed = base
                group.wait()
                streamed.snapshot = pending.value
                for (job, result) in zip(otherJobs, slots.results) where job.kind != .manifest {
                  try streamed.add(try checked(result.get(), job), file: job.path)
                }
                streamed.manifestStream = stream
                return try store(&streamed)
              }
            })
        }, at: 0)
    }
    if let writer {
      let stored = writer.result()
      // The manifest's error first: the writer met it too and rolled back.
      if let manifest = files.manifest, let result = slots.results.first {
        _ = try checked(result.get(), (manifest, .manifest))
      }
      return try stored.get()
    }
    // The manifest's fingerprint is computed while the other files are still read.
    if case .success(let artifact)? = slots.results.first, case .manifest(let value) = artifact,
      let manifest = files.manifest
    {
      request.manifest = NamedArtifact(file: manifest, value: value)
      request.prepareFingerprint()
    }
    group.wait()
    request.snapshot = pending?.value

    for (job, result) in zip(jobs, slots.results) {
      let artifact = try checked(result.get(), job)
      if job.kind == .manifest, request.manifest != nil { continue }
      try request.add(artifact, file: job.path)
    }
    return nil
  }

  /// `artifact`, when it is of the kind `job` expected.
  private static func checked(_ artifact: Artifact, _ job: (path: String, kind: ArtifactKind))
    throws -> Artifact
  {
    guard artifact.kind == job.kind else {
      throw IngestFailure(message: "\(job.path): expected a \(job.kind.displayName)")
    }
    return artifact
  }
}

extension IngestCommand {
  /// What the database holds of the project (its known definitions, node ids and latest
  /// manifest version's definitions), read without taking the write lock; an empty
  /// snapshot when the file does not exist yet or cannot be read as it is (missing, older
  /// schema...): the ingest then maps every definition and reads the rest in its
  /// transaction, and opening the database for writing reports any real problem.
  static func snapshot(database: String, projectID: Int) -> IngestSnapshot {
    guard FileManager.default.fileExists(atPath: database),
      let store = try? MetadataStore(path: database, access: .readOnly),
      let snapshot = try? store.ingestSnapshot(projectID: projectID)
    else { return IngestSnapshot() }
    return snapshot
  }

  /// The known definitions of ``snapshot(database:projectID:)``.
  static func knownDefinitions(database: String, projectID: Int) -> KnownDefinitions {
    snapshot(database: database, projectID: projectID).knownDefinitions
  }
}

/// One result slot per file, filled by the reading threads (each its own slot, under a
/// lock) and read after all of them finished.
private final class ReadSlots: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<Artifact, any Error>?]

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func store(_ result: Result<Artifact, any Error>, at index: Int) {
    lock.withLock { slots[index] = result }
  }

  /// The results in file order (every slot is filled once `concurrentPerform` returned).
  var results: [Result<Artifact, any Error>] {
    lock.withLock {
      slots.map { $0 ?? .failure(IngestFailure(message: "a file was not read")) }
    }
  }
}

/// The thread that stores a streamed manifest (``IngestCommand/readAll(_:snapshot:into:storing:)``)
/// while the reading thread maps it.
///
/// A thread of its own rather than a dispatch queue: it waits (for the other files, for
/// each mapped chunk) while the mapping uses the dispatch threads, and it runs SQLite, so
/// it gets the main thread's stack size.
private final class WriterThread: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  /// Written once on the thread before `done` is signalled; read after waiting.
  private var outcome: Result<IngestSummary, any Error>?

  /// Starts `body` on a new thread.
  init(_ body: @escaping @Sendable () throws -> IngestSummary) {
    let thread = Thread { [self] in
      outcome = Result { try body() }
      done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// What the thread returned or threw (waits for it).
  func result() -> Result<IngestSummary, any Error> {
    done.wait()
    done.signal()
    return outcome ?? .failure(IngestFailure(message: "the ingest's writer stopped early"))
  }
}

/// A project's snapshot, read on a queue from the moment this is made; ``value`` waits
/// for it.
private final class PendingSnapshot: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  /// Written once on the reading thread before `done` is signalled; read after waiting.
  private var result = IngestSnapshot()

  /// Starts `read` on `queue`, also counted in `group`.
  init(
    on queue: DispatchQueue, group: DispatchGroup,
    _ read: @escaping @Sendable () -> IngestSnapshot
  ) {
    group.enter()
    queue.async { [self] in
      result = read()
      done.signal()
      group.leave()
    }
  }

  /// The snapshot, once read (the first call waits for it).
  var value: IngestSnapshot {
    done.wait()
    done.signal()
    return result
  }
}
