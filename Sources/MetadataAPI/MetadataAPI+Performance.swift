import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds Part 2 (continued), performance(environmentId): the longitudinal analytics.
  ///
  /// Every field reads one window of inclusive UTC days (a run belongs to the day of its
  /// manifest's `generated_at`) and is aggregated in SQL by the store
  /// (``MetadataStore/modelExecutionStats``...). An execution is a model's result in a
  /// step that executes nodes, other than `skipped`; "failed" is status `error` (the
  /// spec's Part 2 continued). `limit` and `jobLimit` default to 5 and take 1...500.
  /// `longestExecutedModels` orders by `AVG` unless `orderBy: MAX` [inferred: the spec
  /// gives no default]. The warehouse query counts of Part 4 are `[]`: dbt artifacts do
  /// not hold them (`../shared/reference/dbt-discovery-api-2024.md` §6).
  static func bindPerformance(_ schema: GraphQLSchema) throws {
    try schema.setResolver("Query", "performance") { _, arguments, context, _ in
      let id = arguments["environmentId"]?.intValue ?? 0
      _ = try RequestContext.of(context).environment(id)
      return PerformanceScope(environmentID: id)
    }
    try bindPerformanceFields(schema)
    let values: [(String, any GraphQLFieldReadable.Type)] = [
      ("ModelExecutionHistoryDay", ModelExecutionHistoryDayValue.self),
      ("JobExecutionHistory", JobExecutionHistoryValue.self),
      ("ModelExecution", ModelExecutionValue.self),
      ("ModelExecutionCount", ModelExecutionStatsValue.self),
      ("ModelExecutionDuration", ModelExecutionStatsValue.self),
      ("ModelExecutionFailureRate", ModelExecutionStatsValue.self),
      ("JobExecutionCount", JobExecutionStatsValue.self),
      ("JobExecutionDuration", JobExecutionStatsValue.self),
      ("ModelTestFailureRate", ModelTestFailureRateValue.self),
      ("JobInformation", JobInformationValue.self),
      ("ResourceQueryCount", ResourceQueryValue.self),
      ("ResourceQueryHistoryDay", ResourceQueryValue.self),
    ]
    for (typeName, type) in values {
      try bindReadableFields(schema, typeName, as: type)
    }
  }

  /// The fields of `PerformanceState`.
  private static func bindPerformanceFields(_ schema: GraphQLSchema) throws {
    let type = "PerformanceState"
    try schema.setResolver(type, "modelExecutionHistory", as: PerformanceScope.self) {
      scope, arguments, context, _ in
      let context = try RequestContext.of(context)
      let window = try dayWindow(arguments, start: "startDate", end: "endDate")
      return try context.store.modelExecutionHistory(
        accountID: context.accountID, environmentID: scope.environmentID,
        uniqueID: arguments["uniqueId"]?.stringValue ?? "", window: window
      ).map(ModelExecutionHistoryDayValue.init)
    }
    try schema.setResolver(type, "mostExecutedModels", as: PerformanceScope.self) {
      scope, arguments, context, info in
      try stats(scope, arguments, context, info, order: .executions)
    }
    try schema.setResolver(type, "longestExecutedModels", as: PerformanceScope.self) {
      scope, arguments, context, info in
      let order: ModelExecutionOrder =
        arguments["orderBy"]?.stringValue == "MAX" ? .maxTime : .averageTime
      return try stats(
        scope, arguments, context, info, order: order, jobID: arguments["jobId"]?.intValue)
    }
    try schema.setResolver(type, "mostExecutionFailedModels", as: PerformanceScope.self) {
      scope, arguments, context, info in
      try stats(scope, arguments, context, info, order: .failures)
    }
    try schema.setResolver(type, "mostTestFailedModels", as: PerformanceScope.self) {
      scope, arguments, context, _ in
      let context = try RequestContext.of(context)
      return try context.store.modelTestFailures(
        accountID: context.accountID, environmentID: scope.environmentID,
        window: try dayWindow(arguments), limit: try limit(arguments, "limit")
      ).map(ModelTestFailureRateValue.init)
    }
    try schema.setResolver(type, "jobInformation", as: PerformanceScope.self) {
      scope, arguments, context, _ in
      let context = try RequestContext.of(context)
      return try context.store.jobsExecutingModel(
        accountID: context.accountID, environmentID: scope.environmentID,
        uniqueID: arguments["uniqueId"]?.stringValue ?? "", window: try dayWindow(arguments)
      ).map(JobInformationValue.init)
    }
    // Warehouse query usage is not in dbt artifacts: nothing to answer, after checking the
    // arguments as the other fields do.
    try schema.setResolver(type, "mostQueriedResources", as: PerformanceScope.self) {
      _, arguments, _, _ in
      _ = try dayWindow(arguments)
      _ = try limit(arguments, "limit")
      return [ResourceQueryValue]()
    }
    try schema.setResolver(type, "resourceQueryHistory", as: PerformanceScope.self) {
      _, arguments, _, _ in
      _ = try dayWindow(arguments)
      return [ResourceQueryValue]()
    }
  }

  /// The models of a window in one order, with their jobs: summed from the environment's
  /// cached cells (``ExecutionCellCache``), else aggregated by the store. The per-job
  /// aggregate runs only when `byJob` is selected.
  private static func stats(
    _ scope: PerformanceScope, _ arguments: JSONObject, _ context: Any, _ info: ResolveInfo,
    order: ModelExecutionOrder, jobID: Int? = nil
  ) throws -> [ModelExecutionStatsValue] {
    let context = try RequestContext.of(context)
    let jobLimit = arguments["jobLimit"] == nil ? 5 : try limit(arguments, "jobLimit")
    let window = try dayWindow(arguments)
    let limit = try limit(arguments, "limit")
    let jobs = info.selects("byJob") ? jobLimit : 0
    if let cells = try context.executionCells?.table(
      store: context.store, accountID: context.accountID, environmentID: scope.environmentID)
    {
      return cells.stats(
        window: window, jobID: jobID, order: order, limit: limit, jobLimit: jobs
      ).map(ModelExecutionStatsValue.init)
    }
    return try context.store.modelExecutionStats(
      accountID: context.accountID, environmentID: scope.environmentID, window: window,
      jobID: jobID, order: order, limit: limit, jobLimit: jobs
    ).map(ModelExecutionStatsValue.init)
  }

  /// The window of the arguments named `start` and `end` (already valid `Date`s): an
  /// error when it ends before it starts.
  static func dayWindow(_ arguments: JSONObject, start: String = "start", end: String = "end")
    throws -> DayWindow
  {
    let first = arguments[start]?.stringValue ?? ""
    let last = arguments[end]?.stringValue ?? ""
    guard first <= last else {
      throw GraphQLError(
        message: "The window ends before it starts: \(start) \(first) is after \(end) \(last).")
    }
    return DayWindow(start: first, end: last)
  }

  /// A `limit`-like argument: 5 when absent or null, else 1...500.
  static func limit(_ arguments: JSONObject, _ name: String) throws -> Int {
    try CountArgument.value(arguments, name, in: 1...500, default: 5)
  }
}
