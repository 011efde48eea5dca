import Foundation
import MetadataStore

/// Node histories (`AppliedState.modelHistoricalRuns(uniqueId:, lastRunCount:)`, which
/// `Query.modelByEnvironment` answers; that root field itself is not kept) of recently
/// asked models, as they were resolved: the node in each of its last runs
/// (``JobNode``s, run and definition) and each one's results in its run. Kept between
/// requests while the store's history generation
/// (``MetadataStore/MetadataStore/historyGeneration(accountID:environmentID:)``) stays the
/// same, so a repeat reads one small statement instead of the model's runs, their
/// definitions and their results (four statements over 100 runs: most of a 100-run
/// history's 1.2 ms, `benchmarks/README.md`, Metadata API).
///
/// Not a response cache: each request still executes its own selection over the kept
/// nodes (a field other than the results, such as `catalog` or `parentsModels`, is loaded
/// per request as before); the kept values are the records the uncached path reads, in
/// the same order. Each request reads the generation first (one statement, which also
/// checks the environment's account: an environment of another account is not found,
/// whatever is kept); a history read after an ingest it did not see is kept under the
/// older generation, so the next request reads it again, and no request is answered from
/// a history older than its generation.
///
/// Bounded: at most ``maximumWeight`` estimated bytes over all kept histories (each weighs
/// ``History/weight``: a fixed share per node and per result, plus the manifest JSON and
/// strings of each distinct definition it holds), least recently used first out; 32 MiB
/// by default, about 130 histories of 100 runs (a 100-run history weighs about 250 KB,
/// most of it the room kept for field values). One lock guards the map; histories are
/// immutable, read outside the lock.
final class NodeHistoryCache: @unchecked Sendable {
  /// What a history answers: one node of one environment, the runs asked for, and
  /// whether only runs with a catalog entry count.
  struct Key: Hashable, Sendable {
    let environmentID: Int
    let uniqueID: String
    let count: Int
    let withCatalog: Bool
  }

  /// One resolved history: the nodes newest first, and each node's results in its run
  /// (``JobScopedLoader/executions(_:)``'s order: the node's status first), and the
  /// values of the scalar fields requests asked of these nodes (``values(of:_:)``).
  ///
  /// `@unchecked Sendable`: the field values are immutable Swift values (strings,
  /// numbers, JSON) once stored, and their map is guarded by a lock.
  final class History: @unchecked Sendable {
    let nodes: [JobNode]
    let executions: [[ExecutionRecord]]
    /// Each node's status (its first result), what every result field reads.
    let statuses: [ExecutionRecord?]
    /// The nodes typed as the executor takes a list's elements (`[Any?]`), which it uses
    /// as they are instead of converting the list element by element at each answer.
    let answer: [Any?]
    /// The estimated bytes it keeps alive, what the cache's bound counts (the field
    /// values it may keep included).
    let weight: Int
    /// The most scalar fields whose values a history keeps (a model node has about 40).
    static let maximumFieldCount = 24

    private let lock = NSLock()
    private var fieldValues: [String: [Any?]] = [:]

    init(nodes: [JobNode], executions: [[ExecutionRecord]]) {
      self.nodes = nodes
      self.executions = executions
      self.statuses = executions.map(\.first)
      self.answer = nodes.map { $0 }
      // A node: the object, its run's record and strings; a result: the record and its
      // strings (timestamps, message, adapter response); a definition: its manifest JSON
      // and about thirty short strings. Definitions shared by several runs are one value.
      var weight = 256 + nodes.count * (512 + Self.maximumFieldCount * 64)
      for results in executions {
        for result in results {
          weight +=
            384 + (result.message?.utf8.count ?? 0)
            + (result.adapterResponseJSON?.utf8.count ?? 0) + (result.argsJSON?.utf8.count ?? 0)
        }
      }
      var seen = Set<String>()
      for node in nodes where seen.insert(node.definition.contentHash).inserted {
        weight +=
          1_024 + node.definition.json.utf8.count
          + (node.definition.description?.utf8.count ?? 0)
      }
      self.weight = weight
    }

    /// The values of the scalar field `key` (a type's field: `ModelNode.status`) for
    /// every node, in node order: kept from the first request that asked, else computed
    /// by `compute` (and kept, up to ``maximumFieldCount`` fields). A field's values
    /// depend on the nodes' runs, definitions and results, which the history's
    /// generation covers (catalog entries and freshness results included), and on no
    /// argument.
    func values(of key: String, _ compute: () throws -> [Any?]) rethrows -> [Any?] {
      if let kept = lock.withLock({ fieldValues[key] }) { return kept }
      let values = try compute()
      lock.withLock {
        if fieldValues.count < Self.maximumFieldCount { fieldValues[key] = values }
      }
      return values
    }
  }

  /// The most estimated bytes kept over all histories.
  let maximumWeight: Int

  private let lock = NSLock()
  private var histories: WeightedLRU<Key, (generation: [Int64], history: History)>

  init(maximumWeight: Int = 32 << 20) {
    self.maximumWeight = maximumWeight
    self.histories = WeightedLRU(capacity: maximumWeight)
  }

  /// The history kept for `key` if it was read at `generation`.
  func history(for key: Key, generation: [Int64]) -> History? {
    lock.withLock {
      guard let entry = histories.value(for: key), entry.generation == generation else {
        return nil
      }
      return entry.history
    }
  }

  /// Keeps `history` for `key`, read at `generation` (replacing an older one).
  func keep(_ history: History, for key: Key, generation: [Int64]) {
    lock.withLock {
      _ = histories.insert((generation, history), weight: history.weight, for: key)
    }
  }

  /// How many histories are kept: for tests of the bound.
  var historyCount: Int { lock.withLock { histories.count } }
}
