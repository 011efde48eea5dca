import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One definition waiting to be mapped: its member of a manifest collection.
struct ManifestEntry: Sendable {
  let member: JSONMember
  let type: ResourceType
  /// The key of the manifest collection holding it (`nodes`, `sources`...).
  let collection: String
  /// Its ``RawDigest``, once computed (``ParallelNodeMapper/digests(of:)``).
  var rawDigest: RawDigest?
}

/// Maps a manifest's definitions on all cores: each definition is indexed, checked and
/// hashed on its own (the document is immutable), so the work splits without locks.
///
/// Workers take the next chunk of 64 definitions from a shared counter (a worker slowed by
/// other work on its core takes fewer; fixed shares left the others idle at the end) and
/// write each result straight into its slot of the output array, so the array is built
/// once, in file order, with no merge copy. On an error the slots written so far are
/// released and the error of the earliest definition (the one a serial reader would have
/// reported) is thrown: chunks are taken in order, so every definition before a worker's
/// first failure was mapped by some worker.
struct ParallelNodeMapper {
  let header: ArtifactHeader

  /// Fewer definitions than this are mapped on the calling thread.
  static let parallelThreshold = 1024
  static let chunkSize = 64

  /// Maps `entries` in file order; what was skipped is added to `warnings` (each worker
  /// keeps its own log, merged at the end with the earliest occurrence first).
  ///
  /// With a `stream` (only when ``workerCount(for:)`` is above 1), each chunk is published
  /// to it as soon as it is mapped; on a failure the stream is stopped before the mapped
  /// definitions are freed. The mapping then leaves one core to the stream's consumer
  /// (``streamingWorkerCount(for:)``).
  func map(_ entries: [ManifestEntry], warnings: WarningLog, stream: ManifestStream? = nil)
    throws -> [ManifestNode]
  {
    let workers =
      stream == nil
      ? ParallelNodeMapper.workerCount(for: entries.count)
      : ParallelNodeMapper.streamingWorkerCount(for: entries.count)
    if workers == 1 && stream == nil {
      var mapper = NodeMapper(header: header, warnings: warnings)
      var nodes: [ManifestNode] = []
      nodes.reserveCapacity(entries.count)
      for (index, entry) in entries.enumerated() {
        warnings.order = index
        nodes.append(try mapper.node(entry))
      }
      return nodes
    }
    let logs = (0..<workers).map { _ in WarningLog() }
    defer { for log in logs { warnings.merge(log) } }
    let count = entries.count
    let chunkCount = (count + ParallelNodeMapper.chunkSize - 1) / ParallelNodeMapper.chunkSize
    let header = self.header
    return try [ManifestNode](unsafeUninitializedCapacity: count) { buffer, initializedCount in
      guard let base = buffer.baseAddress else {
        initializedCount = 0
        return
      }
      // Per-slot "written" flags and per-worker first failures; every slot and every
      // failure entry is written by exactly one worker.
      let written = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
      written.initialize(repeating: false)
      let failures = UnsafeMutableBufferPointer<(index: Int, error: any Error)?>.allocate(
        capacity: workers)
      failures.initialize(repeating: nil)
      defer {
        written.deallocate()
        failures.deinitialize()
        failures.deallocate()
      }
      nonisolated(unsafe) let output = base
      nonisolated(unsafe) let writtenFlags = written
      nonisolated(unsafe) let workerFailures = failures
      nonisolated(unsafe) let workerLogs = logs
      stream?.attach(base)
      let chunks = ChunkCounter()
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        let log = workerLogs[worker]
        var mapper = NodeMapper(header: header, warnings: log)
        while let chunk = chunks.take(below: chunkCount) {
          let start = chunk * ParallelNodeMapper.chunkSize
          let end = min(start + ParallelNodeMapper.chunkSize, count)
          for index in start..<end {
            log.order = index
            do {
              (output + index).initialize(to: try mapper.node(entries[index]))
              writtenFlags[index] = true
            } catch {
              workerFailures[worker] = (index, error)
              return
            }
          }
          stream?.didMap(chunk: chunk)
        }
      }
      let firstFailure = failures.compactMap { $0 }.min { $0.index < $1.index }
      if let firstFailure {
        stream?.stop()
        for index in 0..<count where written[index] {
          (base + index).deinitialize(count: 1)
        }
        initializedCount = 0
        throw firstFailure.error
      }
      initializedCount = count
    }
  }

  /// The ``RawDigest`` of every entry, in order, computed on all cores as ``map(_:warnings:)``
  /// maps (one SHA-256 over each definition's bytes; no index, no second scan).
  func digests(of entries: [ManifestEntry]) -> [RawDigest] {
    let count = entries.count
    let workers = ParallelNodeMapper.workerCount(for: count)
    let schemaVersion = header.schemaVersion
    let zero = RawDigest(sha256: [])
    var digests = [RawDigest](repeating: zero, count: count)
    digests.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let output = buffer
      let chunkCount = (count + ParallelNodeMapper.chunkSize - 1) / ParallelNodeMapper.chunkSize
      let chunks = ChunkCounter()
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        var digester = RawDigester()
        while let chunk = chunks.take(below: chunkCount) {
          let start = chunk * ParallelNodeMapper.chunkSize
          for index in start..<min(start + ParallelNodeMapper.chunkSize, count) {
            let entry = entries[index]
            output[index] = digester.digest(
              of: entry.member.value, key: entry.member.rawKey, collection: entry.collection,
              schemaVersion: schemaVersion)
          }
        }
      }
    }
    return digests
  }

  /// One worker per online core (at most 4), or 1 for small manifests.
  static func workerCount(for count: Int) -> Int {
    guard count >= parallelThreshold else { return 1 }
    return max(1, min(onlineCores, 4))
  }

  /// The workers of a streamed mapping: one core fewer than ``workerCount(for:)`` takes
  /// (at least one), as the stream's consumer needs one of its own.
  ///
  /// Why: a streamed first load's writer inserts each definition as it is mapped, and it is
  /// the slower of the two (on the 10,000-node project, phase timestamps: about 190 ms for
  /// the writer's definitions on a core of its own, about 175 ms for the mapping on one
  /// worker). With every core mapping as well, the writer shared them with the mappers; on
  /// one core of its own it finished its definitions about 40 ms sooner (of about 300), and
  /// the mapping, on the other, still kept ahead of it.
  static func streamingWorkerCount(for count: Int) -> Int {
    guard count >= parallelThreshold else { return 1 }
    return max(1, min(onlineCores - 1, 4))
  }

  private static var onlineCores: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

/// The next chunk for the workers of one parallel pass: 0, 1, 2... (each taken once).
private final class ChunkCounter: Sendable {
  private let next = Atomic<Int>(0)

  /// The next chunk's number, or nil once every chunk below `limit` was taken.
  func take(below limit: Int) -> Int? {
    let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
    return chunk < limit ? chunk : nil
  }
}

extension NodeMapper {
  /// Maps one entry; the node keeps the entry's raw digest only when mapping it recorded
  /// no warning (a reused definition reports none, so one with warnings is always mapped).
  mutating func node(_ entry: ManifestEntry) throws -> ManifestNode {
    let digest =
      entry.rawDigest
      ?? digester.digest(
        of: entry.member.value, key: entry.member.rawKey, collection: entry.collection,
        schemaVersion: header.schemaVersion)
    let recorded = warnings.recorded
    var node = try node(
      entry.member.value.expanded(), key: entry.member.key, defaultType: entry.type, disabled: false
    )
    if warnings.recorded == recorded { node.rawDigest = digest }
    return node
  }
}
