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
  /// The manifest's definitions found in `known` are not mapped again
  /// (``Artifacts/Manifest/reused``). `known` runs on a thread of its own, started first,
  /// so the database is read while the manifest's bytes are read and scanned; the manifest
  /// waits for it only when it needs it.
  ///
  /// Threads: the other files and `known` run on the global dispatch queue, the manifest on
  /// the calling thread. A `concurrentPerform` inside another one runs serially (libdispatch
  /// divides the width among nested levels), so reading the manifest inside one, as this
  /// did, mapped and hashed its definitions on one core; on this thread its mapper spreads
  /// them over every core.
  static func readAll(
    _ files: Files, known: @escaping @Sendable () -> KnownDefinitions = { KnownDefinitions() },
    into request: inout IngestRequest
  ) throws {
    var jobs: [(path: String, kind: ArtifactKind)] = []
    if let manifest = files.manifest { jobs.append((manifest, .manifest)) }
    jobs += files.runResults.map { ($0, .runResults) }
    if let sources = files.sources { jobs.append((sources, .sources)) }
    if let catalog = files.catalog { jobs.append((catalog, .catalog)) }

    let slots = ReadSlots(count: jobs.count)
    let group = DispatchGroup()
    let knownDefinitions =
      files.manifest == nil ? nil : PendingKnownDefinitions(group: group, known)
    for (index, job) in jobs.enumerated() where job.kind != .manifest {
      DispatchQueue.global().async(group: group) {
        slots.store(
          Result { try ArtifactReader.read(file: job.path, expecting: job.kind) }, at: index)
      }
    }
    if let manifest = files.manifest, let knownDefinitions {
      slots.store(
        Result {
          try ArtifactReader.read(
            file: manifest, expecting: .manifest, known: { knownDefinitions.value })
        }, at: 0)
    }
    group.wait()

    for (job, result) in zip(jobs, slots.results) {
      let artifact = try result.get()
      guard artifact.kind == job.kind else {
        throw IngestFailure(message: "\(job.path): expected a \(job.kind.displayName)")
      }
      try request.add(artifact, file: job.path)
    }
  }
}

extension IngestCommand {
  /// The definitions the database already holds for the project (a next run then maps
  /// only what changed), read without taking the write lock; none when the file does not
  /// exist yet or cannot be read as it is (missing, older schema...): the ingest then maps
  /// every definition, and opening the database for writing reports any real problem.
  static func knownDefinitions(database: String, projectID: Int) -> KnownDefinitions {
    guard FileManager.default.fileExists(atPath: database),
      let store = try? MetadataStore(path: database, access: .readOnly),
      let known = try? store.knownDefinitions(projectID: projectID)
    else { return KnownDefinitions() }
    return known
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

/// The known definitions, read on the global dispatch queue from the moment this is made;
/// ``value`` waits for them.
private final class PendingKnownDefinitions: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  /// Written once on the reading thread before `done` is signalled; read after waiting.
  private var result = KnownDefinitions()

  /// Starts `read`, also counted in `group`.
  init(group: DispatchGroup, _ read: @escaping @Sendable () -> KnownDefinitions) {
    group.enter()
    DispatchQueue.global().async { [self] in
      result = read()
      done.signal()
      group.leave()
    }
  }

  /// The definitions, once read (the first call waits for them).
  var value: KnownDefinitions {
    done.wait()
    done.signal()
    return result
  }
}
