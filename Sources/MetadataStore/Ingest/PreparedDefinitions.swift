import Artifacts
import Foundation

/// The texts of the definition rows a manifest version inserts, decoded and serialized on
/// another thread while the writer inserts the rows before them.
///
/// Why: a definition row binds seven texts the node keeps as byte ranges or JSON (path,
/// original file path, relation name, description, fqn, tags, meta); decoding them (new
/// strings, list decoding, JSON writing) was most of the Swift work the writer did per
/// definition on a first load, besides SQLite's. A second core produces them in file order
/// ahead of the writer, which waits only when it catches up.
/// The values are exactly those the writer computed itself before.
final class PreparedDefinitions: @unchecked Sendable {
  /// One definition's texts.
  struct Row: Sendable {
    let path: String?
    let originalFilePath: String?
    let relationName: String?
    let description: String?
    let fqn: String
    let tags: String
    let meta: String?

    init(_ node: ManifestNode) {
      path = node.path
      originalFilePath = node.originalFilePath
      relationName = node.relationName
      description = node.description
      fqn = JSONText.array(node.fqn)
      tags = JSONText.array(node.tags)
      meta = JSONText.compact(node.meta)
    }
  }

  /// How many rows are produced between two signals to the writer.
  static let chunkSize = 64

  private let count: Int
  private let rows: UnsafeMutablePointer<Row?>
  private let condition = NSCondition()
  /// Rows produced so far (guarded by `condition`); `seen` is the writer's last look at it.
  private var produced = 0
  private var seen = 0
  /// Set when the producer finished (or the preparation was abandoned).
  private var finished = false
  private var abandoned = false

  /// Starts producing the rows of `nodes` on the global queue; `skip` tells the nodes the
  /// writer will not insert (their row is left nil).
  init(nodes: [ManifestNode], skip: @escaping @Sendable (ManifestNode) -> Bool) {
    self.count = nodes.count
    rows = UnsafeMutablePointer<Row?>.allocate(capacity: max(nodes.count, 1))
    rows.initialize(repeating: nil, count: max(nodes.count, 1))
    DispatchQueue.global().async { [self] in
      produce(node: { nodes[$0] }, skip: skip)
    }
  }

  /// Starts producing the rows of the `count` definitions of a stream (the writer inserts
  /// them all); the producer stops at the first definition the stream cannot give (the
  /// writer then meets the stream's error itself).
  init(stream: ManifestStream) {
    self.count = stream.count
    rows = UnsafeMutablePointer<Row?>.allocate(capacity: max(stream.count, 1))
    rows.initialize(repeating: nil, count: max(stream.count, 1))
    DispatchQueue.global().async { [self] in
      produce(node: { try? stream.node(at: $0) }, skip: { _ in false })
    }
  }

  deinit {
    rows.deinitialize(count: max(count, 1))
    rows.deallocate()
  }

  /// Produces the rows in chunks; `node` gives the `index`th definition (nil: stop, and
  /// leave the remaining rows empty).
  private func produce(node: (Int) -> ManifestNode?, skip: (ManifestNode) -> Bool) {
    var start = 0
    produce: while start < count {
      let end = min(start + PreparedDefinitions.chunkSize, count)
      for index in start..<end {
        guard let definition = node(index) else { break produce }
        if !skip(definition) { rows[index] = Row(definition) }
      }
      condition.lock()
      produced = end
      let stop = abandoned
      condition.broadcast()
      condition.unlock()
      if stop { break }
      start = end
    }
    condition.lock()
    // Rows not produced stay nil: the writer makes those itself.
    produced = count
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  /// The row of the `index`th node (waits until it is produced); nil if it was skipped.
  func row(_ index: Int) -> Row? {
    if index >= seen {
      condition.lock()
      while produced <= index { condition.wait() }
      seen = produced
      condition.unlock()
    }
    return rows[index]
  }

  /// Stops producing and waits for the producer to leave (the rows are not read after).
  func finish() {
    condition.lock()
    abandoned = true
    while !finished { condition.wait() }
    condition.unlock()
  }
}
