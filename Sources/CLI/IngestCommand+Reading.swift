import Artifacts
import Dispatch
import Foundation
import MetadataStore

extension IngestCommand {
  /// Reads every file of `files` at the same time, each expected to be of its kind, and
  /// stores them with `store`.
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
  /// `store` asks its ``RequestHandoff`` for the request when it needs it. With
  /// `preparing` (a new database, which `store` creates and migrates first), it runs on a
  /// writer thread from the moment the helper's files are read, so that work overlaps the
  /// manifest's read. A project's first manifest (a large one read without known
  /// definitions) is handed over as soon as it is validated, with the other files, as a
  /// stream (``MetadataStore/IngestRequest/manifestStream``), to a writer thread started
  /// then if none runs yet: it inserts the definitions as they are mapped. Anything else
  /// is handed over once read, with its fingerprint already being computed
  /// (``MetadataStore/IngestRequest/prepareFingerprint()``), and stored on this thread when
  /// no writer thread runs (measured: a next run stored on another thread than the one that
  /// read its files took about 5% longer). A bad file is handed over as its error (the
  /// writer then stores nothing) and reported as above, before any error of the writer's;
  /// this returns once the writer is done.
  static func readAll(
    _ files: Files, snapshot: @escaping @Sendable () -> IngestSnapshot = { IngestSnapshot() },
    request base: IngestRequest, preparing: Bool,
    storing store: @escaping @Sendable (RequestHandoff) throws -> IngestSummary
  ) throws -> IngestSummary {
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
    // A preparing writer starts once the helper's files are read, for the same reason: it
    // then takes the helper's core while the manifest is still read on this one.
    let handoff = RequestHandoff()
    var writer =
      preparing
      ? WriterThread {
        group.wait()
        return try store(handoff)
      } : nil
    // However this ends, the writer gets an answer and is waited for (a staged database
    // it began is removed before the command exits).
    defer {
      handoff.hand { throw IngestFailure(message: "the files were not read") }
      _ = writer?.result()
    }
    var streamed = false
    if let manifest = files.manifest, let pending {
      let otherJobs = jobs
      slots.store(
        Result {
          try ArtifactReader.read(
            file: manifest, expecting: .manifest, known: { pending.value.knownDefinitions },
            streaming: { stream in
              streamed = true
              handoff.hand {
                var request = base
                group.wait()
                request.snapshot = pending.value
                for (job, result) in zip(otherJobs, slots.results) where job.kind != .manifest {
                  try request.add(try checked(result.get(), job), file: job.path)
                }
                request.manifestStream = stream
                return request
              }
              if writer == nil { writer = WriterThread { try store(handoff) } }
            })
        }, at: 0)
    }
    if streamed, let writer {
      // Only the manifest's error is kept here: the manifest itself is freed with the
      // writer's request, off this thread (``ingest(_:into:)``), not when this
      // returns (about 15 ms of a first load's wall time on this thread).
      let manifestError = slots.takeError(at: 0)
      let stored = writer.result()
      // The manifest's error first: the writer met it too and rolled back.
      if let manifestError { throw manifestError }
      return try stored.get()
    }
    var request = base
    do {
      // The manifest's fingerprint is computed while the other files are still read.
      if case .success(let artifact)? = slots.results.first,
        case .manifest(let value) = artifact, let manifest = files.manifest
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
    } catch {
      handoff.hand { throw error }
      _ = writer?.result()
      throw error
    }
    // The request holds the only references to the artifacts from here: they are freed
    // with it off this thread (``ingest(_:into:)``), not when this returns.
    slots.removeAll()
    handoff.hand { [request] in request }
    request = base
    guard let writer else { return try store(handoff) }
    return try writer.result().get()
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

  /// Empties every slot.
  func removeAll() {
    lock.withLock { slots = slots.map { _ in nil } }
  }

  /// The error in slot `index`, if it holds one; the slot is emptied either way.
  func takeError(at index: Int) -> (any Error)? {
    lock.withLock {
      defer { slots[index] = nil }
      guard case .failure(let error)? = slots[index] else { return nil }
      return error
    }
  }

  /// The results in file order (every slot is filled once `concurrentPerform` returned).
  var results: [Result<Artifact, any Error>] {
    lock.withLock {
      slots.map { $0 ?? .failure(IngestFailure(message: "a file was not read")) }
    }
  }
}

/// The thread that stores what the reading thread reads
/// (``IngestCommand/readAll(_:snapshot:request:preparing:storing:)``), a streamed manifest while it is
/// mapped.
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
