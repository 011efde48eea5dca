import Dispatch
import Foundation
import MetadataStore

#if canImport(Glibc)
  import Glibc
#endif

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
/// checks the environment's account) and uses a kept state only when its generation is
/// the request's, so no request is answered from a state older (or newer) than its own
/// snapshot. A state is always read in one snapshot with the generation it is kept under.
///
/// When to build (``AppliedStateBuilding``): by default a request that finds no state of
/// its generation answers by SQL and starts one build off the request thread
/// (``startBuild(store:accountID:environmentID:)``): the first answer after an ingest
/// costs what it did before the cache. Builds run one at a time on one low-priority thread
/// (``enqueue(_:)``: at most one state under construction in memory, one pooled reader
/// busy), at most one per environment queued or running; a build reads its own snapshot
/// and its own generation, and keeps the state under that generation, even when an ingest
/// made it stale meanwhile (it then serves no newer request). A build in flight holds the store and this cache
/// alive and nothing waits for it, so a process may exit with one running (its reads are
/// read-only; the thread ends with the process).
///
/// Modelled on ``LineageGraphCache``. Bounded: at most ``maximumNodes`` nodes over all kept
/// states (about 4.2 KB each: at the default, about 420 MB at most), least recently used
/// first out. A state larger than the bound is not kept; the environment's later requests
/// at that generation read SQL and start no other build. One lock guards the maps and the
/// statistics (hence `@unchecked Sendable`); states are immutable, read outside the lock.
final class AppliedStateCache: @unchecked Sendable {
  /// The most nodes kept over all states.
  let maximumNodes: Int
  /// When states are built.
  let building: AppliedStateBuilding

  private let lock = NSLock()
  /// Each state weighs its nodes (an environment with no run yet, 1).
  private var states: WeightedLRU<Int, (generation: [Int64], state: AppliedState)>
  /// Environments whose state at this generation was larger than the bound.
  private var oversized: [Int: [Int64]] = [:]
  /// Environments with a background build queued or running.
  private var buildingEnvironments: Set<Int> = []
  private var counts = AppliedStateStatistics()
  /// Background builds waiting for the build thread, oldest first.
  private var pendingBuilds: [@Sendable () -> Void] = []
  /// Whether a build thread is running (it drains ``pendingBuilds``, then ends).
  private var buildThreadRuns = false
  /// Entered when a background build is queued, left when it is done: what
  /// ``waitForBuilds()`` waits on.
  private let inFlight = DispatchGroup()
  /// Called by a background build in its snapshot once it has read its generation, before
  /// it reads the state: lets tests commit an ingest while a build is under way.
  private let buildDidReadGeneration: (@Sendable ([Int64]) -> Void)?

  init(
    maximumNodes: Int = 100_000, building: AppliedStateBuilding = .background,
    buildDidReadGeneration: (@Sendable ([Int64]) -> Void)? = nil
  ) {
    self.maximumNodes = maximumNodes
    self.building = building
    self.states = WeightedLRU(capacity: maximumNodes)
    self.buildDidReadGeneration = buildDidReadGeneration
  }

  /// The environment's state at `generation` (read by the caller in the current
  /// snapshot): the kept one if it is of that generation. Otherwise, when `build` is true
  /// and the state is not known to be too large: in ``AppliedStateBuilding/inline`` mode
  /// read from the store now (in the caller's snapshot) and kept; in
  /// ``AppliedStateBuilding/background`` mode a build is started unless one is in flight
  /// for the environment, and nil is answered (the caller reads SQL). Nil otherwise, and
  /// for an environment not in the account.
  ///
  /// - Parameter environment: reads the environment record in the same snapshot (called
  ///   only when a state is built inline).
  func state(
    store: MetadataStore, accountID: Int, environmentID: Int, generation: [Int64], build: Bool,
    environment: () throws -> EnvironmentRecord?
  ) throws -> AppliedState? {
    let wanted = build && building != .never
    enum Found {
      case kept(AppliedState)
      case buildInline
      case buildInBackground
      case none
    }
    let found = lock.withLock { () -> Found in
      if let entry = states.value(for: environmentID), entry.generation == generation {
        counts.stateReads += 1
        return .kept(entry.state)
      }
      counts.sqlReads += 1
      guard wanted, oversized[environmentID] != generation else { return .none }
      if building == .inline { return .buildInline }
      guard buildingEnvironments.insert(environmentID).inserted else { return .none }
      counts.buildsStarted += 1
      return .buildInBackground
    }
    switch found {
    case .kept(let state):
      return state
    case .none:
      return nil
    case .buildInBackground:
      startBuild(store: store, accountID: accountID, environmentID: environmentID)
      return nil
    case .buildInline:
      lock.withLock {
        counts.sqlReads -= 1
        counts.buildsStarted += 1
      }
      let started = DispatchTime.now().uptimeNanoseconds
      guard let environment = try environment(),
        let state = try Self.read(
          store: store, accountID: accountID, environment: environment)
      else { return nil }
      keep(state, generation: generation, started: started)
      return state
    }
  }

  /// Queues one build of the environment's state: in a snapshot of its own, it reads the
  /// generation, then the state, and keeps it under that generation. Called with the
  /// environment marked as building; unmarks it when done.
  private func startBuild(store: MetadataStore, accountID: Int, environmentID: Int) {
    enqueue { [self] in
      defer { lock.withLock { _ = buildingEnvironments.remove(environmentID) } }
      let started = DispatchTime.now().uptimeNanoseconds
      do {
        try store.snapshot {
          guard
            let generation = try store.appliedStateGeneration(
              accountID: accountID, environmentID: environmentID)
          else { return }
          buildDidReadGeneration?(generation)
          // A state of this generation may be kept already (read before an ingest
          // another environment's build waited behind).
          let kept = lock.withLock {
            states.value(for: environmentID)?.generation == generation
              || oversized[environmentID] == generation
          }
          guard !kept,
            let environment = try store.environment(accountID: accountID, id: environmentID),
            let state = try Self.read(store: store, accountID: accountID, environment: environment)
          else { return }
          keep(state, generation: generation, started: started)
        }
      } catch {
        // The next request of the environment starts another build.
        lock.withLock { counts.buildsFailed += 1 }
      }
    }
  }

  /// Runs `build` on the build thread, after the builds queued before it; starts the thread
  /// when none runs. One thread at a time, started on demand and ended when nothing is
  /// left (builds come once per generation: no thread is kept idle, and an API released
  /// with none queued leaves none behind).
  ///
  /// The thread runs at the lowest scheduling priority (nice 19; on Linux the nice value
  /// is per thread): a build must not take the processor from the requests it is meant to
  /// speed up (measured: the first answer after an ingest with a build running beside it at
  /// normal priority, `benchmarks/README.md`, Metadata API). A dedicated thread, not a
  /// shared dispatch queue, because the priority cannot be raised back without privilege
  /// and would otherwise stay with a pooled thread.
  private func enqueue(_ build: @escaping @Sendable () -> Void) {
    inFlight.enter()
    let startsThread = lock.withLock { () -> Bool in
      pendingBuilds.append(build)
      if buildThreadRuns { return false }
      buildThreadRuns = true
      return true
    }
    guard startsThread else { return }
    let thread = Thread { [self] in
      Self.lowerThisThreadsPriority()
      while let next = lock.withLock({ () -> (@Sendable () -> Void)? in
        guard !pendingBuilds.isEmpty else {
          buildThreadRuns = false
          return nil
        }
        return pendingBuilds.removeFirst()
      }) {
        next()
        inFlight.leave()
      }
    }
    thread.name = "applied-state-build"
    thread.start()
  }

  /// Sets the calling thread's nice value to 19 (Linux); elsewhere nothing.
  private static func lowerThisThreadsPriority() {
    #if canImport(Glibc)
      // `who` 0 is the calling thread on Linux (see setpriority(2), NOTES).
      _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
    #endif
  }

  /// Keeps a state read at `generation` (or marks the generation as too large).
  private func keep(_ state: AppliedState, generation: [Int64], started: UInt64) {
    let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
    lock.withLock {
      counts.lastBuildMilliseconds = milliseconds
      if state.count > maximumNodes {
        oversized[state.environmentID] = generation
      } else {
        oversized[state.environmentID] = nil
        counts.buildsKept += 1
        _ = states.insert(
          (generation, state), weight: max(1, state.count), for: state.environmentID)
      }
    }
  }

  /// The environment's whole state as the current snapshot has it: the store's node and
  /// edge rows, the executions their pointers name, then the in-memory structure. Nil for
  /// an environment not in the account.
  static func read(store: MetadataStore, accountID: Int, environment: EnvironmentRecord) throws
    -> AppliedState?
  {
    guard
      let record = try store.environmentState(accountID: accountID, environmentID: environment.id)
    else { return nil }
    var ids: [Int64] = []
    ids.reserveCapacity(record.nodes.count * 2)
    for node in record.nodes {
      if let id = node.record.lastExecutionID { ids.append(id) }
      if let id = node.record.lastSuccessID, id != node.record.lastExecutionID { ids.append(id) }
    }
    let executions = try store.executions(
      accountID: accountID, environmentID: environment.id, ids: ids)
    return AppliedState(
      environment: environment, record: record, executions: executions, store: store,
      accountID: accountID)
  }

  /// Blocks until every background build queued so far is done (kept, too large or
  /// failed). For tests and benchmarks that need to know the state is there; requests
  /// never wait for a build.
  func waitForBuilds() {
    inFlight.wait()
  }

  /// Whether a state of the environment is kept (of any generation): a narrow read that
  /// would not build one skips reading the generation when none is.
  func keepsState(of environmentID: Int) -> Bool {
    lock.withLock { states.value(for: environmentID) != nil }
  }

  /// How many states are kept: for tests of the bound.
  var stateCount: Int { lock.withLock { states.count } }

  /// How the cache has served so far.
  var statistics: AppliedStateStatistics { lock.withLock { counts } }
}
