import Foundation

/// The collected fields of documents a schema has executed, and the request limits they
/// passed, kept between executions.
///
/// Why: clients send the same documents again and again, and callers keep the parsed
/// document (the metadata API's document cache hands back the same ``Document`` value for a
/// repeated text). Collecting the fields of a selection set for an object type depends on
/// the document and the schema only, and on variables through `@skip(if: $v)` and
/// `@include(if: $v)`: collections that read no variable are kept here, so a repeated
/// document collects nothing; those that read one are collected again by every execution.
/// Likewise a document that passed ``QueryLimits`` without reading a variable (its `first`
/// arguments are literals) is not measured again under the same limits.
///
/// A document is recognised by the storage of its `definitions` array, which its entry
/// retains: while it does, no other array can have that storage, and an array shared with
/// the entry cannot change in place (copy on write), so the same storage is the same
/// document. Entries retain their documents, so the cache is bounded by their source text:
/// documents longer than ``maxDocumentBytes`` are not kept, and when ``capacity`` documents
/// or ``maxTotalBytes`` of text are reached, the cache starts over (a document's fields are
/// collected again on its next execution).
///
/// See https://spec.graphql.org/September2025/#CollectFields()
final class ExecutionPlanCache: @unchecked Sendable {
  /// Collected fields by object type and the field nodes they were collected from.
  typealias Collections = [CollectionKey: OrderedDictionary<String, [Field]>]

  /// An object type (by identity: the schema keeps its types alive) and the offsets of the
  /// field nodes whose selection sets were merged, or of the operation for root fields.
  struct CollectionKey: Hashable {
    let type: ObjectIdentifier
    let nodes: [Int]
  }

  /// The request limits a document's operation passed.
  struct LimitKey: Hashable {
    let limits: QueryLimits
    let operationName: String?
  }

  private struct Entry {
    /// Retained so that its storage, the key, stays this document's.
    let definitions: [Definition]
    var collections: Collections = [:]
    /// Limits the document passed whatever the variables (no `first: $v` read).
    var passedLimits: Set<LimitKey> = []
  }

  /// The most documents kept.
  let capacity: Int
  /// The longest source text of a document kept, in bytes.
  let maxDocumentBytes: Int
  /// The most source text of all documents kept, in bytes.
  let maxTotalBytes: Int
  private let lock = NSLock()
  private var entries: [UnsafeRawPointer: Entry] = [:]
  private var totalBytes = 0

  init(capacity: Int = 512, maxDocumentBytes: Int = 64 * 1024, maxTotalBytes: Int = 4 << 20) {
    self.capacity = max(1, capacity)
    self.maxDocumentBytes = maxDocumentBytes
    self.maxTotalBytes = maxTotalBytes
  }

  /// The identity of a document: the address of its definitions' storage (nil when it has
  /// none, as every empty array shares one storage).
  static func identity(of document: Document) -> UnsafeRawPointer? {
    document.definitions.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { UnsafeRawPointer($0) }
    }
  }

  /// The collections kept for `document` (empty for a document not seen before).
  func collections(for document: Document) -> Collections {
    guard let identity = Self.identity(of: document) else { return [:] }
    return lock.withLock { entries[identity]?.collections ?? [:] }
  }

  /// Keeps `collections` (made without reading variables) for `document`, whose source
  /// text is `bytes` long.
  func store(_ collections: Collections, for document: Document, bytes: Int) {
    guard !collections.isEmpty else { return }
    update(document, bytes: bytes) { entry in
      entry.collections.merge(collections) { kept, _ in kept }
    }
  }

  /// Whether `document` passed `limits` before, whatever its variables.
  func passed(_ limits: LimitKey, for document: Document) -> Bool {
    guard let identity = Self.identity(of: document) else { return false }
    return lock.withLock { entries[identity]?.passedLimits.contains(limits) ?? false }
  }

  /// Notes that `document` passes `limits` whatever its variables.
  func recordPassed(_ limits: LimitKey, for document: Document, bytes: Int) {
    update(document, bytes: bytes) { entry in
      entry.passedLimits.insert(limits)
    }
  }

  /// Changes the entry of `document` (made if absent, when the document is short enough).
  private func update(_ document: Document, bytes: Int, _ change: (inout Entry) -> Void) {
    guard bytes <= maxDocumentBytes, let identity = Self.identity(of: document) else { return }
    lock.withLock {
      if var entry = entries[identity] {
        change(&entry)
        entries[identity] = entry
        return
      }
      if entries.count >= capacity || totalBytes + bytes > maxTotalBytes {
        entries.removeAll(keepingCapacity: true)
        totalBytes = 0
      }
      var entry = Entry(definitions: document.definitions)
      change(&entry)
      entries[identity] = entry
      totalBytes += bytes
    }
  }

  /// The number of documents kept (for tests).
  var count: Int { lock.withLock { entries.count } }
}
