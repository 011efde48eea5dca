import Foundation

/// The collected fields of documents a schema has executed, kept between executions.
///
/// Why: clients send the same documents again and again, and callers keep the parsed
/// document (the metadata API's document cache hands back the same ``Document`` value for a
/// repeated text). Collecting the fields of a selection set for an object type depends on
/// the document and the schema only, and on variables through `@skip(if: $v)` and
/// `@include(if: $v)`: collections that read no variable are kept here, so a repeated
/// document collects nothing; those that read one are collected again by every execution.
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

  private struct Entry {
    /// Retained so that its storage, the key, stays this document's.
    let definitions: [Definition]
    var collections: Collections
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
    guard !collections.isEmpty, bytes <= maxDocumentBytes,
      let identity = Self.identity(of: document)
    else { return }
    lock.withLock {
      if var entry = entries[identity] {
        entry.collections.merge(collections) { kept, _ in kept }
        entries[identity] = entry
        return
      }
      if entries.count >= capacity || totalBytes + bytes > maxTotalBytes {
        entries.removeAll(keepingCapacity: true)
        totalBytes = 0
      }
      entries[identity] = Entry(definitions: document.definitions, collections: collections)
      totalBytes += bytes
    }
  }

  /// The number of documents kept (for tests).
  var count: Int { lock.withLock { entries.count } }
}
