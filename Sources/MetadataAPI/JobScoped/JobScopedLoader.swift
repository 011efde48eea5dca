import GraphQL
import MetadataStore

/// Loads what Part 1's field resolvers need for a whole list of nodes at once, and keeps
/// it for the rest of the request.
///
/// Every batch resolver hands its list of ``JobNode`` parents here; the nodes not loaded
/// yet are grouped by run and fetched with one store call per run (one SQL statement per
/// list, whatever its length: no N+1). Runs, definitions, results and freshness results of
/// a list whose nodes belong to several runs (a node's history, one element per run) are
/// fetched with one store call for every run. A later field of the same nodes (`status`
/// after `executionTime`, `owner` after `type`) finds them loaded.
///
/// One loader per request (kept in ``RequestContext/memo``); resolvers of one request run
/// on one thread, so it needs no lock.
final class JobScopedLoader {
  private let store: MetadataStore
  private let accountID: Int
  private var runsByID: [Int: RunInfoRecord?] = [:]
  private var latestRuns: [Int: RunInfoRecord?] = [:]
  private var executionsByNode: [JobNodeKey: [ExecutionRecord]] = [:]
  private var freshnessByNode: [JobNodeKey: JobFreshnessRecord?] = [:]
  private var catalogByNode: [JobNodeKey: CatalogRecord?] = [:]
  private var parentsByNode: [JobNodeKey: [LineageRecord]] = [:]
  private var childrenByNode: [JobNodeKey: [LineageRecord]] = [:]
  private var definitionsByNode: [JobNodeKey: DefinitionRecord?] = [:]
  private var jsonByNode: [JobNodeKey: JSONValue] = [:]
  /// The last list ``execution(_:)`` answered, with its answer.
  private var lastExecution: (nodes: [JobNode], records: [ExecutionRecord?])?
  /// A kept history this request answers with (``adopt(_:)``): its nodes' results.
  private var adopted: NodeHistoryCache.History?
  /// How many store calls the loader made in this request: what the tests bound to show
  /// that nested lists are batched (a constant per run, not one per node).
  private(set) var storeCalls = 0

  /// The store and account, not the context: the context keeps the loader (in its
  /// memo), and a loader keeping its context made a cycle that leaked every request's
  /// loader with all it had loaded (700 KB for a 100-run history).
  private init(store: MetadataStore, accountID: Int) {
    self.store = store
    self.accountID = accountID
  }

  /// The loader of the request whose context this is.
  static func of(_ context: Any) throws -> JobScopedLoader {
    let context = try RequestContext.of(context)
    return context.memoized("JobScopedLoader") {
      JobScopedLoader(store: context.store, accountID: context.accountID)
    }
  }

  // MARK: Runs

  /// The run a job-scoped root field reads: `runID` when given (and of that job), else the
  /// job's latest run; nil for an unknown job or run, or one of another account.
  func run(jobID: Int, runID: Int?) throws -> RunInfoRecord? {
    if let runID {
      let run = try self.run(id: runID)
      return run?.jobID == jobID ? run : nil
    }
    if let known = latestRuns[jobID] { return known }
    storeCalls += 1
    let run = try store.latestRunInfo(accountID: accountID, jobID: jobID)
    latestRuns[jobID] = run
    if let run { runsByID[run.id] = run }
    return run
  }

  /// A run of the account by id.
  func run(id: Int) throws -> RunInfoRecord? {
    try runs(ids: [id])[id]
  }

  /// The runs of the account among `ids`, by id (unknown ids and runs of other accounts
  /// are absent); the ones not loaded yet are read in one store call.
  func runs(ids: [Int]) throws -> [Int: RunInfoRecord] {
    let missing = Array(Set(ids.filter { runsByID[$0] == nil }))
    if !missing.isEmpty {
      storeCalls += 1
      for id in missing { runsByID[id] = .some(nil) }
      for run in try store.runInfos(accountID: accountID, ids: missing) { runsByID[run.id] = run }
    }
    var found: [Int: RunInfoRecord] = [:]
    for id in ids {
      if let run = runsByID[id] ?? nil { found[id] = run }
    }
    return found
  }

  /// The node `uniqueID` in each of `runIDs` (runs of the environment), in that order:
  /// a node's history. Runs unknown, of another environment or account, or whose manifest
  /// did not have the node are left out. One store call (two statements, each distinct
  /// definition read once) whatever the number of runs; the runs and definitions are kept
  /// for the request's later fields.
  func node(_ uniqueID: String, inRuns runIDs: [Int], environmentID: Int) throws -> [JobNode] {
    guard !runIDs.isEmpty else { return [] }
    storeCalls += 1
    let records = try store.nodeInRuns(
      accountID: accountID, environmentID: environmentID, uniqueID: uniqueID, runIDs: runIDs)
    return records.compactMap { record in
      runsByID[record.run.id] = record.run
      let key = JobNodeKey(runID: record.run.id, uniqueID: uniqueID)
      definitionsByNode[key] = .some(record.definition)
      return record.definition.map { JobNode(run: record.run, definition: $0) }
    }
  }

  /// Answers the results of `history`'s nodes from the history itself, as if this loader
  /// had loaded them: a list of exactly its nodes (by identity) reads no store. Nothing
  /// is copied into the per-node maps (100 keyed insertions were a tenth of a cached
  /// history's answer); other lists, and other fields of these nodes, load as before.
  func adopt(_ history: NodeHistoryCache.History) {
    adopted = history
    lastExecution = (history.nodes, history.statuses)
  }

  /// Whether `nodes` are the adopted history's nodes, in its order (pointer comparisons).
  private func isAdopted(_ nodes: [JobNode]) -> NodeHistoryCache.History? {
    guard let history = adopted, history.nodes.count == nodes.count,
      zip(history.nodes, nodes).allSatisfy({ $0 === $1 })
    else { return nil }
    return history
  }

  /// The values of the scalar field `key` for `nodes`: when they are the adopted
  /// history's nodes, the values that history keeps (``NodeHistoryCache/History/values(of:_:)``),
  /// else `compute`'s.
  func fieldValues(_ nodes: [JobNode], key: String, _ compute: () throws -> [Any?]) rethrows
    -> [Any?]
  {
    guard let history = isAdopted(nodes) else { return try compute() }
    return try history.values(of: key, compute)
  }

  // MARK: Per-node data

  /// Every result of each node in its run, the node's status first (see
  /// ``MetadataStore/executions(accountID:runID:uniqueIDs:)``).
  func executions(_ nodes: [JobNode]) throws -> [[ExecutionRecord]] {
    if let history = isAdopted(nodes) { return history.executions }
    return try load(
      nodes, \.executionsByNode, missing: [],
      fetch: { runID, ids in
        Dictionary(
          grouping: try self.store.executions(
            accountID: self.accountID, runID: runID, uniqueIDs: ids),
          by: \.uniqueID)
      },
      fetchAcrossRuns: { keys in
        let records: [ExecutionRecord]
        if let node = nodes.first,
          nodes.allSatisfy({
            $0.definition.uniqueID == node.definition.uniqueID
              && $0.run.environmentID == node.run.environmentID
          })
        {
          // One node in many runs of its environment (a history): one index range.
          records = try self.store.nodeExecutions(
            accountID: self.accountID, environmentID: node.run.environmentID,
            uniqueID: node.definition.uniqueID, runIDs: keys.map(\.runID))
        } else {
          records = try self.store.executions(accountID: self.accountID, keys: keys)
        }
        return Dictionary(
          grouping: records, by: { JobNodeKey(runID: $0.runID, uniqueID: $0.uniqueID) })
      })
  }

  /// Each node's result in its run (its status), nil when the run did not report it.
  ///
  /// Every result field of a list (`status`, `error`, `executionTime`...) asks for the same
  /// list in turn: the last list's answer is kept and recognised by its nodes' identities
  /// (pointer comparisons), where looking each node up again hashed its key's unique id.
  func execution(_ nodes: [JobNode]) throws -> [ExecutionRecord?] {
    if let last = lastExecution, last.nodes.count == nodes.count,
      zip(last.nodes, nodes).allSatisfy({ $0 === $1 })
    {
      return last.records
    }
    let records = try executions(nodes).map(\.first)
    lastExecution = (nodes, records)
    return records
  }

  /// Each source's freshness result in its run, nil when the run did not check it.
  func freshness(_ nodes: [JobNode]) throws -> [JobFreshnessRecord?] {
    try load(
      nodes, \.freshnessByNode, missing: nil,
      fetch: { runID, ids in
        var byID: [String: JobFreshnessRecord?] = [:]
        for record in try self.store.freshness(
          accountID: self.accountID, runID: runID, uniqueIDs: ids)
        where byID[record.result.uniqueID] == nil {
          byID[record.result.uniqueID] = record
        }
        return byID
      },
      fetchAcrossRuns: { keys in
        var byKey: [JobNodeKey: JobFreshnessRecord?] = [:]
        for record in try self.store.freshness(accountID: self.accountID, keys: keys) {
          let key = JobNodeKey(runID: record.result.runID, uniqueID: record.result.uniqueID)
          if byKey[key] == nil { byKey[key] = record }
        }
        return byKey
      })
  }

  /// Each node's catalog entry in its run, nil when the run wrote no catalog for it.
  func catalog(_ nodes: [JobNode]) throws -> [CatalogRecord?] {
    try load(nodes, \.catalogByNode, missing: nil) { runID, ids in
      var byID: [String: CatalogRecord?] = [:]
      for record in try store.catalog(accountID: accountID, runID: runID, uniqueIDs: ids)
      where byID[record.uniqueID] == nil {
        byID[record.uniqueID] = record
      }
      return byID
    }
  }

  /// Each node's direct parents (`parent_map`) in its run's manifest.
  func parents(_ nodes: [JobNode]) throws -> [[LineageRecord]] {
    try load(nodes, \.parentsByNode, missing: []) { runID, ids in
      Dictionary(
        grouping: try store.parents(accountID: accountID, runID: runID, uniqueIDs: ids),
        by: \.child.uniqueID
      ).mapValues { $0.map(\.parent) }
    }
  }

  /// Each node's direct children (`child_map`) in its run's manifest.
  func children(_ nodes: [JobNode]) throws -> [[LineageRecord]] {
    try load(nodes, \.childrenByNode, missing: []) { runID, ids in
      Dictionary(
        grouping: try store.children(accountID: accountID, runID: runID, uniqueIDs: ids),
        by: \.parent.uniqueID
      ).mapValues { $0.map(\.child) }
    }
  }

  /// The nodes related to each node (its parents or children) in its run, of the given
  /// resource types, in unique_id order; ids missing from the manifest are left out.
  func relatives(
    _ nodes: [JobNode], children wantChildren: Bool, types: Set<String>
  ) throws -> [[JobNode]] {
    let related = wantChildren ? try children(nodes) : try parents(nodes)
    let wanted = zip(nodes, related).map { node, records in
      records.filter { types.contains($0.resourceType) }.map {
        JobNodeKey(runID: node.run.id, uniqueID: $0.uniqueID)
      }
    }
    let definitions = try self.definitions(Array(wanted.joined()))
    return zip(nodes, wanted).map { node, keys in
      keys.compactMap { key in
        definitions[key].map { JobNode(run: node.run, definition: $0) }
      }
    }
  }

  /// Every definition of one resource type in a run's manifest, ordered by unique_id (and
  /// kept, so that relatives of the same type need no further call).
  func definitions(run: RunInfoRecord, resourceType: String) throws -> [DefinitionRecord] {
    storeCalls += 1
    let found = try store.definitions(
      accountID: accountID, runID: run.id, resourceType: resourceType)
    for definition in found {
      definitionsByNode[JobNodeKey(runID: run.id, uniqueID: definition.uniqueID)] = definition
    }
    return found
  }

  /// Definitions by node key, loading the missing ones per run.
  func definitions(_ keys: [JobNodeKey]) throws -> [JobNodeKey: DefinitionRecord] {
    let missing = Dictionary(
      grouping: keys.filter { definitionsByNode[$0] == nil }, by: \.runID)
    if missing.count > 1 {
      // A list across runs (a node's history): one statement for every run.
      let wanted = Set(missing.values.joined())
      storeCalls += 1
      for key in wanted { definitionsByNode[key] = .some(nil) }
      for (runID, definition) in try store.definitions(
        accountID: accountID,
        keys: wanted.map { RunNodeKey(runID: $0.runID, uniqueID: $0.uniqueID) })
      {
        definitionsByNode[JobNodeKey(runID: runID, uniqueID: definition.uniqueID)] = definition
      }
    } else {
      try loadDefinitions(missing)
    }
    var result: [JobNodeKey: DefinitionRecord] = [:]
    for key in keys {
      if let definition = definitionsByNode[key] ?? nil { result[key] = definition }
    }
    return result
  }

  /// Definitions of one run's nodes, one store call per run.
  private func loadDefinitions(_ missing: [Int: [JobNodeKey]]) throws {
    for (runID, keys) in missing {
      let ids = Array(Set(keys.map(\.uniqueID)))
      storeCalls += 1
      let found = try store.definitions(accountID: accountID, runID: runID, uniqueIDs: ids)
      let byID = Dictionary(found.map { ($0.uniqueID, $0) }, uniquingKeysWith: { a, _ in a })
      for id in ids { definitionsByNode[JobNodeKey(runID: runID, uniqueID: id)] = byID[id] }
    }
  }

  /// The node's complete manifest JSON, parsed once per request; an unparsable text (never
  /// written by the ingester) reads as an empty object.
  func json(_ node: JobNode) -> JSONValue {
    if let parsed = jsonByNode[node.key] { return parsed }
    let parsed = (try? JSONParser.parse(node.definition.json)) ?? .object(JSONObject())
    jsonByNode[node.key] = parsed
    return parsed
  }

  /// Looks `nodes` up in `cache`, fetching the missing ones with one `fetch` per run, or
  /// with one `fetchAcrossRuns` when they belong to several runs and it is given (nodes the
  /// fetch does not answer get `missing`).
  private func load<Value>(
    _ nodes: [JobNode], _ cache: ReferenceWritableKeyPath<JobScopedLoader, [JobNodeKey: Value]>,
    missing: Value, fetch: (Int, [String]) throws -> [String: Value],
    fetchAcrossRuns: (([RunNodeKey]) throws -> [JobNodeKey: Value])? = nil
  ) throws -> [Value] {
    var needed: [Int: Set<String>] = [:]
    for node in nodes where self[keyPath: cache][node.key] == nil {
      needed[node.run.id, default: []].insert(node.definition.uniqueID)
    }
    if needed.count > 1, let fetchAcrossRuns {
      let keys = needed.flatMap { runID, ids in
        ids.map { RunNodeKey(runID: runID, uniqueID: $0) }
      }
      storeCalls += 1
      let found = try fetchAcrossRuns(keys)
      for key in keys {
        let nodeKey = JobNodeKey(runID: key.runID, uniqueID: key.uniqueID)
        self[keyPath: cache][nodeKey] = found[nodeKey] ?? missing
      }
      return nodes.map { self[keyPath: cache][$0.key] ?? missing }
    }
    for (runID, ids) in needed {
      storeCalls += 1
      let found = try fetch(runID, ids.sorted())
      for id in ids {
        self[keyPath: cache][JobNodeKey(runID: runID, uniqueID: id)] = found[id] ?? missing
      }
    }
    return nodes.map { self[keyPath: cache][$0.key] ?? missing }
  }
}
