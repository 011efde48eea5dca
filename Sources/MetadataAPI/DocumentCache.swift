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
  /// The entries, each of weight 1, most recently used first.
  private var entries: WeightedLRU<Key, Outcome>
  private var hits = 0
  private var misses = 0
  private var evictions = 0

  /// A cache of at most `capacity` documents (at least one) of at most `maxTextLength` bytes.
  init(capacity: Int = 1_000, maxTextLength: Int = 64 * 1024) {
    self.capacity = max(1, capacity)
    self.maxTextLength = maxTextLength
    self.entries = WeightedLRU(capacity: max(1, capacity))
  }

  /// The cached outcome for `key`, else `make()`'s (cached when the text is not too long).
  /// `make` runs outside the lock, so two threads missing on one text both parse it; the
  /// second store finds the entry and keeps it.
  func outcome(for key: Key, _ make: () -> Outcome) -> Outcome {
    let cached = lock.withLock {
      let outcome = entries.value(for: key)
      if outcome == nil { misses += 1 } else { hits += 1 }
      return outcome
    }
    if let cached { return cached }
    let outcome = make()
    guard key.text.utf8.count <= maxTextLength else { return outcome }
    lock.withLock {
      if entries.value(for: key) == nil {
        evictions += entries.insert(outcome, weight: 1, for: key)
      }
    }
    return outcome
  }

  /// Hits, misses, evictions and the current size.
  var statistics: DocumentCacheStatistics {
    lock.withLock {
      DocumentCacheStatistics(
        hits: hits, misses: misses, evictions: evictions, count: entries.count,
        capacity: capacity)
    }
  }
}
