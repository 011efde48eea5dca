import Foundation
import GraphQL

/// A bounded cache of parsed and validated documents, keyed by the query text (and the token
/// limit it was parsed under), for one schema.
///
/// Dashboards and clients send the same query text again and again; a repeat skips the
/// parse and the validation, the two steps that depend on nothing but the text and the
/// schema. The outcome is cached whichever it is (a document, a syntax error, validation
/// errors), so a repeat answers exactly what the first request did. The request limits that
/// depend on the operation and variables are still checked on every request by the caller.
///
/// Least recently used eviction over at most ``capacity`` entries; texts longer than
/// ``maxTextLength`` are not cached (they are rare, and would dominate its memory). One lock
/// guards it: the server executes requests on many threads, and a lookup is a hash and a
/// few index updates, far shorter than the parse it saves.
final class DocumentCache: @unchecked Sendable {
  /// What parsing and validating one text gave.
  enum Outcome: Sendable {
    /// A valid document, with its source (for error locations during execution).
    case valid(Document, Source)
    /// A syntax error or validation errors: the response's errors.
    case invalid([GraphQLError])
  }

  /// The key: the text and the token limit (a text refused under one limit may parse under
  /// another).
  struct Key: Hashable {
    let text: String
    let maxTokens: Int
  }

  /// The most entries kept.
  let capacity: Int
  /// The longest text cached, in UTF-8 bytes.
  let maxTextLength: Int

  private let lock = NSLock()
  /// Entries in a doubly linked list by index, most recently used at `head`.
  private var slots: [Slot] = []
  private var index: [Key: Int] = [:]
  private var head = -1
  private var tail = -1
  private var hits = 0
  private var misses = 0
  private var evictions = 0

  private struct Slot {
    var key: Key
    var outcome: Outcome
    var previous: Int
    var next: Int
  }

  /// A cache of at most `capacity` documents (at least one) of at most `maxTextLength` bytes.
  init(capacity: Int = 1_000, maxTextLength: Int = 64 * 1024) {
    self.capacity = max(1, capacity)
    self.maxTextLength = maxTextLength
  }

  /// The cached outcome for `key`, else `make()`'s (cached when the text is not too long).
  /// `make` runs outside the lock, so two threads missing on one text both parse it; the
  /// second store finds the entry and keeps it.
  func outcome(for key: Key, _ make: () -> Outcome) -> Outcome {
    lock.lock()
    if let position = index[key] {
      hits += 1
      moveToFront(position)
      let outcome = slots[position].outcome
      lock.unlock()
      return outcome
    }
    misses += 1
    lock.unlock()
    let outcome = make()
    guard key.text.utf8.count <= maxTextLength else { return outcome }
    lock.lock()
    defer { lock.unlock() }
    if index[key] == nil { insert(key, outcome) }
    return outcome
  }

  /// Hits, misses, evictions and the current size.
  var statistics: DocumentCacheStatistics {
    lock.lock()
    defer { lock.unlock() }
    return DocumentCacheStatistics(
      hits: hits, misses: misses, evictions: evictions, count: index.count, capacity: capacity)
  }

  private func insert(_ key: Key, _ outcome: Outcome) {
    let position: Int
    if slots.count < capacity {
      position = slots.count
      slots.append(Slot(key: key, outcome: outcome, previous: -1, next: -1))
    } else {
      // Reuse the least recently used slot.
      position = tail
      unlink(position)
      index[slots[position].key] = nil
      evictions += 1
      slots[position] = Slot(key: key, outcome: outcome, previous: -1, next: -1)
    }
    index[key] = position
    pushFront(position)
  }

  private func moveToFront(_ position: Int) {
    guard head != position else { return }
    unlink(position)
    pushFront(position)
  }

  private func unlink(_ position: Int) {
    let (previous, next) = (slots[position].previous, slots[position].next)
    if previous >= 0 { slots[previous].next = next } else { head = next }
    if next >= 0 { slots[next].previous = previous } else { tail = previous }
    slots[position].previous = -1
    slots[position].next = -1
  }

  private func pushFront(_ position: Int) {
    slots[position].next = head
    slots[position].previous = -1
    if head >= 0 { slots[head].previous = position }
    head = position
    if tail < 0 { tail = position }
  }
}
