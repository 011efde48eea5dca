import Foundation
import MetadataStore

/// The lineage graphs (``LineageGraph``) of recently asked environments, kept between
/// requests while the store's lineage generation
/// (``MetadataStore/MetadataStore/lineageGeneration(accountID:environmentID:)``) stays the
/// same: `lineage(filter:)` then evaluates its filter over the kept graph instead of reading
/// and assembling the whole DAG again (two whole-graph statements and 11,000 node records
/// for a 10,000-node project: about 40% of the answer, `benchmarks/README.md`, Metadata
/// API).
///
/// Not a response cache: every request filters and selects its own answer, from node
/// values the graph derived once (``LineageNodeFields``, and without `select` the
/// ``LineageNodeValue``s themselves), which are as old as the graph. Each
/// request reads the generation first (one small statement, which also checks the
/// environment's account) and reads the graph again when it changed; a graph read after
/// an ingest it did not see is kept under the older generation, so the next request reads
/// it again, and no request is answered from a graph older than its generation.
///
/// Bounded: at most ``maximumNodes`` nodes over all kept graphs, least recently used first
/// out. One lock guards the map; graphs are immutable values, read outside the lock.
final class LineageGraphCache: @unchecked Sendable {
  /// The most nodes kept over all graphs.
  let maximumNodes: Int

  private struct Key: Hashable {
    let environmentID: Int
    let includeMacros: Bool
  }

  private let lock = NSLock()
  /// Each graph weighs its nodes (an environment with no run yet, 1).
  private var graphs: WeightedLRU<Key, (generation: [Int64], graph: LineageGraph?)>

  init(maximumNodes: Int = 500_000) {
    self.maximumNodes = maximumNodes
    self.graphs = WeightedLRU(capacity: maximumNodes)
  }

  /// The environment's graph as the store has it now (nil: no run yet), or nil for an
  /// environment not in the account (`found` false).
  func graph(
    store: MetadataStore, accountID: Int, environmentID: Int, includeMacros: Bool
  ) throws -> (found: Bool, graph: LineageGraph?) {
    guard
      let generation = try store.lineageGeneration(
        accountID: accountID, environmentID: environmentID)
    else { return (false, nil) }
    // A graph with macros answers a request without them too.
    let keys = [
      Key(environmentID: environmentID, includeMacros: true),
      Key(environmentID: environmentID, includeMacros: includeMacros),
    ]
    let kept = lock.withLock { () -> LineageGraph?? in
      for key in keys {
        if let entry = graphs.value(for: key), entry.generation == generation {
          return .some(entry.graph)
        }
      }
      return nil
    }
    if let kept { return (true, kept) }
    let graph = try store.lineageGraph(
      accountID: accountID, environmentID: environmentID, includeMacros: includeMacros
    ).map(LineageGraph.init)
    keep(graph, generation: generation, key: keys[1])
    return (true, graph)
  }

  private func keep(_ graph: LineageGraph?, generation: [Int64], key: Key) {
    lock.withLock {
      graphs.insert((generation, graph), weight: max(1, graph?.nodes.count ?? 0), for: key)
    }
  }

  /// How many graphs are kept: for tests of the bound.
  var graphCount: Int { lock.withLock { graphs.count } }
}
