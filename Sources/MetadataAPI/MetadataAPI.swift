import Auth
import GraphQL
import MetadataStore

/// The metadata API: `../shared/spec/metadata-api.graphql` answered over a
/// ``MetadataStore/MetadataStore``.
///
/// The schema is built once from the embedded spec (``MetadataSDL``), its custom scalars
/// bound to the coercions this API serves, and every field bound to a resolver that reads
/// through the store (no SQL here: the store's read functions return records). Every read
/// is scoped by the account of the request (``RequestContext/accountID``), never by an id
/// the client sent alone: a job, run or environment of another account is not found.
///
/// For example:
/// ```swift
/// let api = try MetadataAPI(store: store)
/// let result = api.execute(query: "{ models(jobId: 101) { uniqueId } }", accountID: 1)
/// print(result.serialized())
/// ```
///
/// Field meanings: `../shared/reference/dbt-metadata-api.md` (Parts 1-3) and
/// `../shared/reference/dbt-discovery-api-2024.md` (Part 4).
public final class MetadataAPI: Sendable {
  /// The served schema, with every resolver bound.
  public let schema: GraphQLSchema
  /// The store every resolver reads.
  public let store: MetadataStore
  /// Parsed and validated documents by query text (the schema is fixed per instance).
  let documentCache: DocumentCache
  /// Model execution aggregates by day of recently asked environments, for `performance`.
  let executionCells: ExecutionCellCache
  /// Lineage graphs of recently asked environments, for `lineage(filter:)`.
  let lineageGraphs: LineageGraphCache
  /// Applied states of recently asked environments, for the environment connections.
  let appliedStates: AppliedStateCache
  /// Node histories of recently asked models, for `modelHistoricalRuns`.
  let nodeHistories: NodeHistoryCache

  /// Builds the schema from the embedded spec and binds every resolver.
  ///
  /// - Throws: ``GraphQL/GraphQLError`` when the spec does not build or a resolver names a
  ///   field the spec lacks (a programming error caught by the tests).
  ///   - documentCacheCapacity: the most documents kept parsed and validated (least
  ///     recently used evicted first).
  ///   - appliedStateBuilding: when environments' applied states are built: off the
  ///     request thread for a server (the default), never for a one-shot process.
  public init(
    store: MetadataStore, documentCacheCapacity: Int = 1_000,
    appliedStateBuilding: AppliedStateBuilding = .background
  ) throws {
    self.store = store
    self.documentCache = DocumentCache(capacity: documentCacheCapacity)
    self.executionCells = ExecutionCellCache()
    self.lineageGraphs = LineageGraphCache()
    self.appliedStates = AppliedStateCache(building: appliedStateBuilding)
    self.nodeHistories = NodeHistoryCache()
    let schema = try GraphQLSchema(
      sdl: MetadataSDL.text, name: "metadata-api.graphql",
      // The spec's custom scalars (DateTime, Date, JSON, JSONObject, AnyScalar, BigInt),
      // bound here by this API from the engine's library of common coercions.
      scalars: ScalarCoercion.common)
    try Self.bindJobScoped(schema)
    try Self.bindEnvironment(schema)
    try Self.bindLineage(schema)
    try Self.bindPerformance(schema)
    try Self.bindHistory(schema)
    try Self.bindResources(schema)
    try Self.bindResourceRelatives(schema)
    Self.checkAccessAtRootFields(schema)
    self.schema = schema
  }

  /// Answers one request as the operator of the database file (the `query` command):
  /// every project of `accountID`, no token.
  ///
  /// - Parameters:
  ///   - accountID: the account every read is scoped by.
  ///   - limits: the request limits (DESIGN.md); local commands may lift the token limit.
  public func execute(
    query: String, variables: JSONObject = JSONObject(), operationName: String? = nil,
    accountID: Int, limits: QueryLimits = QueryLimits()
  ) -> ExecutionResult {
    execute(
      query: query, variables: variables, operationName: operationName,
      access: .operator(accountID: accountID), limits: limits)
  }

  /// Answers one request of a token's principal: the principal must be allowed to query
  /// the metadata API (``authorize(_:)``; refused requests get one error and no data),
  /// every read is scoped by its account, and each root field checks the project of the
  /// job or environment it names.
  public func execute(
    query: String, variables: JSONObject = JSONObject(), operationName: String? = nil,
    principal: Principal, limits: QueryLimits = QueryLimits()
  ) -> ExecutionResult {
    let access: RequestAccess
    do {
      access = try authorize(principal)
    } catch {
      return ExecutionResult(data: nil, errors: [Self.accessError(error)])
    }
    return execute(
      query: query, variables: variables, operationName: operationName, access: access,
      limits: limits)
  }

  /// The access of `principal` to the metadata API of its account, or a throw unless it
  /// may query it at all: a service token with a metadata permission set, in an account
  /// with the API switched on. Transports call it first to answer 401 or 403
  /// (``Auth/AuthError/category``), then pass the access to
  /// ``execute(query:variables:operationName:access:limits:)``, so the account is read
  /// once per request.
  @discardableResult
  public func authorize(_ principal: Principal) throws -> RequestAccess {
    try RequestAccess.authorized(principal, store: store)
  }

  /// Parse, validate, check the limits, execute, in the order of the engine's
  /// `graphql(...)`, with parse and validation served from the document cache when the
  /// same text came before (see ``documentCacheStatistics``). Every read of the request
  /// sees one snapshot of the database (``MetadataStore/MetadataStore/snapshot(_:)``):
  /// an ingest committing meanwhile shows in the next request, never in half of this one.
  ///
  /// - Parameter access: the operator's, or a principal's from ``authorize(_:)``.
  public func execute(
    query: String, variables: JSONObject = JSONObject(), operationName: String? = nil,
    access: RequestAccess, limits: QueryLimits = QueryLimits()
  ) -> ExecutionResult {
    do {
      return try store.snapshot {
        executeInSnapshot(
          query: query, variables: variables, operationName: operationName, access: access,
          limits: limits)
      }
    } catch {
      return ExecutionResult(data: nil, errors: [GraphQLError(message: "\(error)")])
    }
  }

  private func executeInSnapshot(
    query: String, variables: JSONObject, operationName: String?, access: RequestAccess,
    limits: QueryLimits
  ) -> ExecutionResult {
    let key = DocumentCache.Key(text: query, maxTokens: limits.maxTokens)
    let outcome = documentCache.outcome(for: key) { [schema] in
      let source = Source(query)
      let document: Document
      do throws(GraphQLError) {
        document = try parse(source, options: ParseOptions(maxTokens: limits.maxTokens))
      } catch {
        return .invalid([error])
      }
      let errors = validate(schema: schema, document: document, source: source)
      return errors.isEmpty ? .valid(document, source) : .invalid(errors)
    }
    switch outcome {
    case .invalid(let errors):
      return ExecutionResult(data: nil, errors: errors)
    case .valid(let document, let source):
      let limitErrors = limits.check(
        schema: schema, document: document, source: source, operationName: operationName,
        variables: variables)
      if !limitErrors.isEmpty { return ExecutionResult(data: nil, errors: limitErrors) }
      let context = RequestContext(access: access, store: store)
      context.executionCells = executionCells
      context.lineageGraphs = lineageGraphs
      context.appliedStates = appliedStates
      context.nodeHistories = nodeHistories
      return GraphQL.execute(
        schema: schema, document: document, source: source, operationName: operationName,
        variables: variables, context: context)
    }
  }

  /// Hits and misses of the document cache so far (a hit skipped parse and validation).
  public var documentCacheStatistics: DocumentCacheStatistics { documentCache.statistics }

  /// Wraps every root field that names a job or environment so that it first checks the
  /// principal's right to that project (``RequestAccess/checkRootField(_:arguments:store:)``).
  private static func checkAccessAtRootFields(_ schema: GraphQLSchema) {
    guard let query = schema.queryType else { return }
    for name in RequestAccess.rootScopes.keys {
      guard let field = query.fields[name], let resolve = field.resolve else { continue }
      field.resolve = { source, arguments, context, info in
        let request = try RequestContext.of(context)
        try request.access.checkRootField(name, arguments: arguments, store: request.store)
        return try resolve(source, arguments, context, info)
      }
    }
  }

  /// An authorization failure as a GraphQL error with its `extensions.code`.
  static func accessError(_ error: any Error) -> GraphQLError {
    guard let error = error as? AuthError else { return GraphQLError(message: "\(error)") }
    let code: String =
      switch error.category {
      case .unauthenticated: "UNAUTHENTICATED"
      case .forbidden: "FORBIDDEN"
      case .notFound: "NOT_FOUND"
      case .invalidRequest: "BAD_REQUEST"
      case .internalFailure: "INTERNAL_SERVER_ERROR"
      }
    return GraphQLError(message: error.description, extensions: ["code": .string(code)])
  }
}
