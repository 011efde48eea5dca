import Foundation
import MetadataStore

/// The applied states (``AppliedState``) of recently asked environments, kept between
/// requests while the store's applied-state generation
/// (``MetadataStore/MetadataStore/appliedStateGeneration(accountID:environmentID:)``) stays
/// the same: the environment connections then page, filter and sort in memory, and their
/// nodes' relatives and execution info come from the kept state, instead of five
/// statements over the 3,500 models, 1,300 parents and their executions of a 500-model
/// page (`benchmarks/README.md`, Metadata API).
///
/// Not a response cache: every request selects its own answer from node values the state
/// built once. Each request reads the generation first (one small statement, which also
/// checks the environment's account) and reads the state again when it changed; the
/// state is read in the same snapshot as the generation, so it is exactly the state of
/// that generation, and no request is answered from a state older than its own.
///
/// Modelled on ``LineageGraphCache``. Bounded: at most ``maximumNodes`` nodes over all kept
/// states (about 4.2 KB each: at the default, about 420 MB at most), least recently used
/// first out. A state larger than the bound answers the request that read it and is not
/// kept; the environment's later requests at that generation read SQL rather than read
/// the whole state again. One lock guards the map; states are immutable, read outside the
/// lock.
final class AppliedStateCache: @unchecked Sendable {
  /// The most nodes kept over all states.
  let maximumNodes: Int

  private let lock = NSLock()
  /// Each state weighs its nodes (an environment with no run yet, 1).
  private var states: WeightedLRU<Int, (generation: [Int64], state: AppliedState)>
  /// Environments whose state at this generation was larger than the bound.
  private var oversized: [Int: [Int64]] = [:]

  init(maximumNodes: Int = 100_000) {
    self.maximumNodes = maximumNodes
    self.states = WeightedLRU(capacity: maximumNodes)
  }

  /// The environment's state at `generation` (read by the caller in the current
  /// snapshot): the kept one if it is of that generation, else, when `build` is true,
  /// read from the store now and kept; nil otherwise (the caller reads SQL), and nil for
  /// an environment not in the account.
  ///
  /// - Parameter environment: reads the environment record in the same snapshot (called
  ///   only when a state is built).
  func state(
    store: MetadataStore, accountID: Int, environmentID: Int, generation: [Int64], build: Bool,
    environment: () throws -> EnvironmentRecord?
  ) throws -> AppliedState? {
    let (kept, tooLarge) = lock.withLock { () -> (AppliedState?, Bool) in
      guard let entry = states.value(for: environmentID), entry.generation == generation else {
        return (nil, oversized[environmentID] == generation)
      }
      return (entry.state, false)
    }
    if let kept { return kept }
    guard build, !tooLarge,
      let record = try store.environmentState(accountID: accountID, environmentID: environmentID),
      let environment = try environment()
    else { return nil }
    var ids: [Int64] = []
    ids.reserveCapacity(record.nodes.count * 2)
    for node in record.nodes {
      if let id = node.record.lastExecutionID { ids.append(id) }
      if let id = node.record.lastSuccessID, id != node.record.lastExecutionID { ids.append(id) }
    }
    let executions = try store.executions(
      accountID: accountID, environmentID: environmentID, ids: ids)
    let state = AppliedState(
      environment: environment, record: record, executions: executions, store: store,
      accountID: accountID)
    lock.withLock {
      if state.count > maximumNodes {
        oversized[environmentID] = generation
      } else {
        oversized[environmentID] = nil
        _ = states.insert((generation, state), weight: max(1, state.count), for: environmentID)
      }
    }
    return state
  }

  /// Whether a state of the environment is kept (of any generation): a narrow read that
  /// would not build one skips reading the generation when none is.
  func keepsState(of environmentID: Int) -> Bool {
    lock.withLock { states.value(for: environmentID) != nil }
  }

  /// How many states are kept: for tests of the bound.
  var stateCount: Int { lock.withLock { states.count } }
}
