import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds Part 1, the job-scoped Metadata API: the 17 root fields (models, sources, seeds, snapshots, tests, exposures, metrics, macros and their singular forms), modelByEnvironment, and the fields of their node types.
  ///
  /// Conventions (`reference/dbt-metadata-api.md` §1.1): `runId` omitted means the job's
  /// latest run; a job or run that is unknown, of another job, or of another account is
  /// one "not found" error (an account cannot tell another account's ids from unknown
  /// ones); an unknown node of a known run is `null`.
  static func bindJobScoped(_ schema: GraphQLSchema) throws {
    try bindJobScopedRoots(schema)
    try bindJobScopedNodeFields(schema)
    try bindJobScopedValueTypes(schema)
    for interface in ["NodeInterface", "CloudArtifactInterface"] {
      try schema.setTypeResolver(interface) { value, _, _ in (value as? JobNode)?.typeName }
    }
  }

  /// The list and singular root fields of each resource type. `tests` are data tests
  /// (`resource_type: test`, generic and singular); unit tests (dbt 1.8+) came after the
  /// job-scoped API was frozen and are served by the Discovery API's `TestType.UNIT_TEST`.
  private static let jobScopedRoots: [(list: String, single: String, type: String)] = [
    ("models", "model", "model"), ("sources", "source", "source"), ("seeds", "seed", "seed"),
    ("snapshots", "snapshot", "snapshot"), ("tests", "test", "test"),
    ("exposures", "exposure", "exposure"), ("metrics", "metric", "metric"),
    ("macros", "macro", "macro"),
  ]

  private static func bindJobScopedRoots(_ schema: GraphQLSchema) throws {
    for (list, single, resourceType) in jobScopedRoots {
      try schema.setResolver("Query", list) { _, arguments, context, _ in
        let loader = try JobScopedLoader.of(context)
        let run = try runArgument(arguments, loader: loader)
        let definitions = try loader.definitions(run: run, resourceType: resourceType)
        return definitions.filter { matches($0, arguments) }.map {
          JobNode(run: run, definition: $0)
        }
      }
      try schema.setResolver("Query", single) { _, arguments, context, _ in
        let loader = try JobScopedLoader.of(context)
        let run = try runArgument(arguments, loader: loader)
        if let name = arguments["name"]?.stringValue {
          // exposure(name:): exposure names are unique within a project.
          return try loader.definitions(run: run, resourceType: resourceType).first {
            $0.name == name
          }.map { JobNode(run: run, definition: $0) }
        }
        let uniqueID = arguments["uniqueId"]?.stringValue ?? ""
        let key = JobNodeKey(runID: run.id, uniqueID: uniqueID)
        guard let definition = try loader.definitions([key])[key],
          definition.resourceType == resourceType
        else { return nil }
        return JobNode(run: run, definition: definition)
      }
    }
    try schema.setResolver("Query", "modelByEnvironment") { _, arguments, context, info in
      // `AppliedState.modelHistoricalRuns` delegates here and allows 100 runs.
      try modelByEnvironment(
        arguments, context: context, maximum: info.fieldName == "modelHistoricalRuns" ? 100 : 10)
    }
  }

  /// The run of a root field's `jobId` / `runId` arguments, or a "not found" error.
  private static func runArgument(_ arguments: JSONObject, loader: JobScopedLoader) throws
    -> RunInfoRecord
  {
    let jobID = arguments["jobId"]?.intValue ?? 0
    let runID = arguments["runId"]?.intValue
    guard let run = try loader.run(jobID: jobID, runID: runID) else {
      throw notFound(jobID: jobID, runID: runID)
    }
    return run
  }

  /// The error for a job without runs in the account, or a run that is not the job's.
  static func notFound(jobID: Int, runID: Int?) -> GraphQLError {
    if let runID {
      return .notFound("Run \(runID) of job \(jobID)", "no such run of this job in your account")
    }
    return .notFound("Job \(jobID)", "no run of this job in your account")
  }

  /// The `database`, `schema` and `identifier` filters of `models` and `sources`
  /// (case-insensitive, since warehouses differ in how they fold identifiers). A model's
  /// identifier is its relation name in the warehouse: `alias`, else `name`.
  private static func matches(_ definition: DefinitionRecord, _ arguments: JSONObject) -> Bool {
    func same(_ value: String?, _ argument: String) -> Bool {
      guard let wanted = arguments[argument]?.stringValue else { return true }
      return value?.lowercased() == wanted.lowercased()
    }
    let identifier =
      definition.resourceType == "source"
      ? definition.identifier ?? definition.name : definition.alias ?? definition.name
    return same(definition.database, "database") && same(definition.schema, "schema")
      && same(identifier, "identifier")
  }

  /// `modelByEnvironment`: one `ModelNode` per run that built the model in the
  /// environment, across every job, newest first (`lastRunCount` at most `maximum`: 10 as
  /// dbt Cloud documents, 100 for `modelHistoricalRuns`; `withCatalog` keeps only runs
  /// whose catalog has the model).
  private static func modelByEnvironment(_ arguments: JSONObject, context: Any, maximum: Int)
    throws -> Any?
  {
    let ctx = try RequestContext.of(context)
    let loader = try JobScopedLoader.of(context)
    let uniqueID = arguments["uniqueId"]?.stringValue
    let identifier = arguments["identifier"]?.stringValue
    guard uniqueID != nil || identifier != nil else {
      throw GraphQLError(message: "modelByEnvironment needs a uniqueId or an identifier.")
    }
    let count = try CountArgument.value(arguments, "lastRunCount", in: 1...maximum, default: 1)
    let environmentID = arguments["environmentId"]?.intValue ?? 0
    _ = try ctx.environment(environmentID)
    let runs = try ctx.store.modelRuns(
      accountID: ctx.accountID, environmentID: environmentID, uniqueID: uniqueID,
      identifier: identifier, limit: count,
      withCatalog: arguments["withCatalog"]?.boolValue ?? false)
    if let uniqueID, runs.allSatisfy({ $0.uniqueID == uniqueID }) {
      // One model's history (every run of `modelHistoricalRuns(uniqueId:)`).
      return try loader.node(uniqueID, inRuns: runs.map(\.runID), environmentID: environmentID)
    }
    let records = try loader.runs(ids: runs.map(\.runID))
    let keys = runs.filter { records[$0.runID] != nil }.map {
      JobNodeKey(runID: $0.runID, uniqueID: $0.uniqueID)
    }
    let definitions = try loader.definitions(keys)
    return keys.compactMap { key -> JobNode? in
      guard let run = records[key.runID], let definition = definitions[key] else { return nil }
      return JobNode(run: run, definition: definition)
    }
  }
}
