import SQLite

extension MetadataStore {
  /// What every node history of an environment (the node in each of its last runs, with
  /// the run's results: `modelHistoricalRuns`, `modelByEnvironment`) is read from, as one
  /// comparable value: the highest artifact, execution, freshness result and catalog entry
  /// row ids. Runs, definitions and manifest versions are never changed once stored; run
  /// data is append-only, and its row ids are SQLite's (never given by a client, nothing is
  /// deleted), so a stored row gets a higher id than every row before it. Every ingest that
  /// stores anything inserts an artifact row (a run's manifest, each run_results step, its
  /// sources.json, its catalog), so any ingest that adds a run or a result to any
  /// environment changes the generation, and equal generations read equal histories. A
  /// caller may keep a history and reuse it while the generation stays the same. (Run ids
  /// can be given by the client, so `max(run.id)` would not do: a run may be stored with
  /// a lower id than one stored before.)
  ///
  /// One statement, which also checks that the environment is in the account: each
  /// `max(id)` is one step to the end of its table's b-tree.
  ///
  /// - Returns: nil when the environment is not in the account.
  public func historyGeneration(accountID: Int, environmentID: Int) throws -> [Int64]? {
    try generation(
      Self.historyGenerationSQL, columnCount: 4, accountID: accountID,
      environmentID: environmentID)
  }

  static let historyGenerationSQL = generationSQL([
    highestIDColumn("artifact"), highestIDColumn("execution"),
    highestIDColumn("freshness_result"), highestIDColumn("catalog_entry"),
  ])
}
