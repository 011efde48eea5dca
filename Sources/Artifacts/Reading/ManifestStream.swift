import Foundation

/// A manifest being read, whose definitions can be taken in file order while the reader
/// is still mapping the later ones.
///
/// Why: on a project's first load the store inserts about 12,000 definitions, and the
/// mapping of those definitions (two cores) and their inserts (one writer) took turns;
/// with a stream the writer inserts each chunk as soon as it is mapped, so the two
/// overlap. The reader publishes a stream only for a large manifest read without known
/// definitions (``ArtifactReader/read(file:expecting:known:streaming:)``), and the
/// definitions it yields are exactly ``Manifest/nodes`` of the finished manifest, in
/// the same order.
///
/// One consumer takes the definitions with ``node(at:)``, then the whole manifest with
/// ``manifest()``. When reading fails (a bad definition, a bad lineage map), every
/// waiting and later call throws the reader's error: the error a reader without a stream
/// would have thrown, so a consumer inside a transaction rolls back and reports it.
public final class ManifestStream: @unchecked Sendable {
  /// The manifest's kind, version and invocation (read before any definition).
  public let header: ArtifactHeader
  /// The file the manifest is read from, as named in errors.
  public let file: String
  /// The number of definitions ``node(at:)`` yields (``Manifest/nodes``'s count).
  public let count: Int

  static let chunkSize = ParallelNodeMapper.chunkSize

  private let lineageMaps: PendingLineageMaps
  private let condition = NSCondition()
  // Guarded by `condition`:
  /// The mapper's output slots (the storage of the array that becomes ``Manifest/nodes``).
  private var slots: UnsafeMutablePointer<ManifestNode>?
  /// Whether each chunk of `chunkSize` definitions is mapped.
  private var chunkMapped: [Bool]
  /// Set before the mapper frees its slots after a failure: no slot is read after it.
  private var stopped = false
  /// The mapped definitions once the mapping succeeded (keeps `slots` alive).
  private var mapped: [ManifestNode]?
  /// The finished manifest, or the reader's error.
  private var outcome: Result<Manifest, any Error>?

  init(header: ArtifactHeader, file: String, count: Int, lineageMaps: PendingLineageMaps) {
    self.header = header
    self.file = file
    self.count = count
    self.lineageMaps = lineageMaps
    chunkMapped = Array(repeating: false, count: (count + Self.chunkSize - 1) / Self.chunkSize)
  }

  // MARK: - Consumer

  /// The definition at `index` (0..<``count``) of the manifest's definitions, waiting
  /// until it is mapped.
  ///
  /// - Throws: the reader's error when reading the manifest failed.
  public func node(at index: Int) throws -> ManifestNode {
    let chunk = index / Self.chunkSize
    condition.lock()
    while !stopped && !chunkMapped[chunk] { condition.wait() }
    guard !stopped, let slots else {
      condition.unlock()
      throw failure()
    }
    // Copied under the lock: the mapper frees its slots only after `stopped` is set.
    let node = slots[index]
    condition.unlock()
    return node
  }

  /// `parent_map` (nil when null or missing), waiting for the lineage maps.
  ///
  /// - Throws: the reader's error when reading the manifest failed.
  public func parentMap() throws -> [String: [String]]? {
    do {
      return try lineageMaps.value().parentMap
    } catch {
      throw failure()
    }
  }

  /// The finished manifest, waiting for the reader.
  ///
  /// - Throws: the reader's error when reading the manifest failed.
  public func manifest() throws -> Manifest {
    condition.lock()
    while outcome == nil { condition.wait() }
    let outcome = self.outcome
    condition.unlock()
    guard let outcome else { throw failure() }
    return try outcome.get()
  }

  /// The finished manifest if the reader is done with it, without waiting.
  public var finished: Manifest? {
    condition.lock()
    defer { condition.unlock() }
    return try? outcome?.get()
  }

  /// The reader's error (waits until the reader gave its outcome).
  private func failure() -> any Error {
    condition.lock()
    while outcome == nil { condition.wait() }
    let outcome = self.outcome
    condition.unlock()
    if case .failure(let error) = outcome { return error }
    // Stopped without a failure cannot happen; report it rather than trap.
    return ArtifactError(file: file, reason: .unknownKind(found: "a manifest stream stopped early"))
  }

  // MARK: - Reader

  /// The mapper writes the definitions into `slots` (index order).
  func attach(_ slots: UnsafeMutablePointer<ManifestNode>) {
    condition.lock()
    self.slots = slots
    condition.unlock()
  }

  /// The definitions of `chunk` are mapped and initialized in the slots.
  func didMap(chunk: Int) {
    condition.lock()
    chunkMapped[chunk] = true
    condition.broadcast()
    condition.unlock()
  }

  /// The mapping failed: no slot may be read from now on (the mapper frees them next).
  func stop() {
    condition.lock()
    stopped = true
    condition.broadcast()
    condition.unlock()
  }

  /// The mapping succeeded: `nodes` is the array the slots belong to, kept alive here.
  func keep(_ nodes: [ManifestNode]) {
    condition.lock()
    mapped = nodes
    condition.unlock()
  }

  /// The reader finished: the manifest or its error.
  func finish(_ result: Result<Manifest, any Error>) {
    condition.lock()
    if case .failure = result { stopped = true }
    outcome = result
    condition.broadcast()
    condition.unlock()
  }
}
