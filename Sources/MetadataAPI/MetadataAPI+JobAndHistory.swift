import GraphQL
import MetadataStore

extension MetadataAPI {
  /// The fields of `JobNode` that list a run's nodes, and `AppliedState.modelHistoricalRuns`:
  /// both answer with Part 1's node types (`ModelNode`, `SourceNode`...), whose values and
  /// fields the job-scoped binding owns. So they delegate, at request time, to the
  /// job-scoped root field that answers the same question (reference dbt-metadata-api.md
  /// §2.5, §2.6: `job(id) { models }` replaced `models(jobId)`, `modelHistoricalRuns`
  /// replaced `modelByEnvironment`), with the job and run or the environment filled in.
  ///
  /// `modelHistoricalRuns` allows `lastRunCount` up to 100 (the Discovery API's examples
  /// use 20) where `modelByEnvironment` allows 10: the delegate sees the field name
  /// `modelHistoricalRuns` in its ``GraphQL/ResolveInfo`` and applies the larger limit.
  static func bindJobAndHistory(_ schema: GraphQLSchema) throws {
    let lists: [(field: String, root: String, filters: [String])] = [
      ("models", "models", ["database", "schema", "identifier"]),
      ("sources", "sources", ["database", "schema", "identifier"]),
      ("seeds", "seeds", []), ("snapshots", "snapshots", []), ("tests", "tests", []),
      ("exposures", "exposures", []), ("metrics", "metrics", []), ("macros", "macros", []),
      ("model", "model", ["uniqueId"]), ("source", "source", ["uniqueId"]),
      ("seed", "seed", ["uniqueId"]), ("snapshot", "snapshot", ["uniqueId"]),
      ("test", "test", ["uniqueId"]), ("exposure", "exposure", ["name"]),
      ("metric", "metric", ["uniqueId"]), ("macro", "macro", ["uniqueId"]),
    ]
    for (field, root, filters) in lists {
      try schema.setResolver("JobNode", field, as: JobScope.self) { job, arguments, context, info in
        var rootArguments: JSONObject = ["jobId": .int(job.jobID), "runId": .int(job.run.id)]
        for name in filters { if let value = arguments[name] { rootArguments.append(name, value) } }
        let value = try delegate(root, rootArguments, context, info)
        // `JobNode.macros` is non-null where the root field is nullable.
        return value ?? (field == "macros" ? [Any]() : nil)
      }
    }
    try schema.setResolver("AppliedState", "modelHistoricalRuns", as: EnvironmentScope.self) {
      scope, arguments, context, info in
      let count = try CountArgument.value(arguments, "lastRunCount", in: 1...100, default: 1)
      let ctx = try RequestContext.of(context)
      _ = try ctx.environment(scope.environmentID)
      var rootArguments: JSONObject = [
        "environmentId": .int(scope.environmentID), "lastRunCount": .int(count),
        "withCatalog": arguments["withCatalog"] ?? .bool(false),
      ]
      for name in ["uniqueId", "identifier"] {
        if let value = arguments[name] { rootArguments.append(name, value) }
      }
      guard let cache = ctx.nodeHistories, let uniqueID = arguments["uniqueId"]?.stringValue,
        arguments["identifier"]?.stringValue == nil
      else {
        return try delegate("modelByEnvironment", rootArguments, context, info)
      }
      // One model's history: kept between requests while the store's history generation
      // stays the same (``NodeHistoryCache``).
      let key = NodeHistoryCache.Key(
        environmentID: scope.environmentID, uniqueID: uniqueID, count: count,
        withCatalog: arguments["withCatalog"]?.boolValue ?? false)
      return try keptHistory(key, cache: cache, context: context) {
        try delegate("modelByEnvironment", rootArguments, context, info)
      }
    }
  }

  /// The history `key` names from `cache` when it was read at the store's current
  /// generation, else from `resolve` (the uncached path), kept for the next requests with
  /// its nodes' results (read now, in one statement, so that a repeat reads none).
  static func keptHistory(
    _ key: NodeHistoryCache.Key, cache: NodeHistoryCache, context: Any,
    resolve: () throws -> Any?
  ) throws -> Any? {
    let ctx = try RequestContext.of(context)
    let loader = try JobScopedLoader.of(context)
    guard
      let generation = try ctx.store.historyGeneration(
        accountID: ctx.accountID, environmentID: key.environmentID)
    else {
      // Not in the account (already refused by the caller's environment check).
      return try resolve()
    }
    if let kept = cache.history(for: key, generation: generation) {
      loader.adopt(kept)
      return kept.answer
    }
    let value = try resolve()
    guard let nodes = value as? [JobNode] else { return value }
    let history = NodeHistoryCache.History(nodes: nodes, executions: try loader.executions(nodes))
    cache.keep(history, for: key, generation: generation)
    loader.adopt(history)
    return nodes
  }

  /// Calls the resolver bound to `Query.root` with `arguments`, passing `info` through (its
  /// field name tells the delegate which field asked).
  static func delegate(_ root: String, _ arguments: JSONObject, _ context: Any, _ info: ResolveInfo)
    throws -> Any?
  {
    guard let resolve = try info.schema.field("Query", root).resolve else {
      throw GraphQLError(
        message:
          "\(info.parentType.name).\(info.fieldName) is answered by Query.\(root), which has no resolver."
      )
    }
    return try resolve(info.rootValue, arguments, context, info)
  }
}
