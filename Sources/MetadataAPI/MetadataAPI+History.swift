import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds Part 3, sourceHistoricalFreshness and testHistoricalRuns.
  ///
  /// What `modelHistoricalRuns` is for models, these are for sources and tests (Part 3 of
  /// the spec, beyond dbt Cloud): the node as each of its last `lastRunCount` runs in the
  /// environment saw it, across every job, newest first. A source's runs are those whose
  /// `dbt source freshness` checked it; a test's, those whose build or test step reported
  /// it (a `skipped` test included: the run did report it). Each element is a Part 1
  /// `SourceNode` / `TestNode` of that run (its definition in the run's manifest), so its
  /// fields (`state`, `maxLoadedAt`, `status`, `failures`...) are the run's, resolved in
  /// batches per run by ``JobScopedLoader``. `lastRunCount` takes 1...100, as
  /// `modelHistoricalRuns`; an unknown node, or an environment of another account, answers
  /// `[]`.
  static func bindHistory(_ schema: GraphQLSchema) throws {
    try schema.setResolver("AppliedState", "sourceHistoricalFreshness", as: EnvironmentScope.self) {
      scope, arguments, context, _ in
      try history(
        scope: scope, arguments: arguments, context: context, resourceTypes: ["source"]
      ) { store, accountID, uniqueID, limit in
        try store.freshnessRunIDs(
          accountID: accountID, environmentID: scope.environmentID, uniqueID: uniqueID,
          limit: limit)
      }
    }
    try schema.setResolver("AppliedState", "testHistoricalRuns", as: EnvironmentScope.self) {
      scope, arguments, context, _ in
      try history(
        scope: scope, arguments: arguments, context: context,
        resourceTypes: ["test", "unit_test"]
      ) { store, accountID, uniqueID, limit in
        try store.executionRunIDs(
          accountID: accountID, environmentID: scope.environmentID, uniqueID: uniqueID,
          limit: limit)
      }
    }
  }

  /// The node `uniqueId` in each run `runIDs` names, as Part 1 nodes, newest first.
  private static func history(
    scope: EnvironmentScope, arguments: JSONObject, context: Any, resourceTypes: Set<String>,
    runIDs: (MetadataStore, Int, String, Int) throws -> [Int]
  ) throws -> [JobNode] {
    let count = try CountArgument.value(arguments, "lastRunCount", in: 1...100, default: 1)
    let ctx = try RequestContext.of(context)
    let loader = try JobScopedLoader.of(context)
    let uniqueID = arguments["uniqueId"]?.stringValue ?? ""
    let ids = try runIDs(ctx.store, ctx.accountID, uniqueID, count)
    // The history queries are scoped to the environment; the runs are too.
    return try loader.node(uniqueID, inRuns: ids, environmentID: scope.environmentID).filter {
      resourceTypes.contains($0.definition.resourceType)
    }
  }
}
