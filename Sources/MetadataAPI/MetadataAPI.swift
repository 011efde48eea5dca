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

  /// The coercions of the spec's custom scalars (`DateTime`, `Date`, `JSON`, `JSONObject`,
  /// `AnyScalar`, `BigInt`), bound by this API rather than by the engine.
  static let scalars: [String: ScalarCoercion] = [
    "DateTime": .dateTime, "Date": .date, "JSON": .json, "JSONObject": .jsonObject,
    "AnyScalar": .anyScalar, "BigInt": .bigInt,
  ]

  /// Builds the schema from the embedded spec and binds every resolver.
  ///
  /// - Throws: ``GraphQL/GraphQLError`` when the spec does not build or a resolver names a
  ///   field the spec lacks (a programming error caught by the tests).
  ///   - documentCacheCapacity: the most documents kept parsed and validated (least
  ///     recently used evicted first).
  public init(store: MetadataStore, documentCacheCapacity: Int = 1_000) throws {
    self.store = store
    self.documentCache = DocumentCache(capacity: documentCacheCapacity)
    let schema = try GraphQLSchema(
      sdl: MetadataSDL.text, name: "metadata-api.graphql", scalars: Self.scalars)
    try Self.bindJobScoped(schema)
    try Self.bindEnvironment(schema)
    try Self.bindLineage(schema)
    try Self.bindPerformance(schema)
    try Self.bindHistory(schema)
    try Self.bindResources(schema)
    self.schema = schema
  }

  /// Answers one request for an account: parse, validate, check the limits, execute, in
  /// the order of the engine's `graphql(...)`, with parse and validation served from the
  /// document cache when the same text came before (see ``documentCacheStatistics``).
  ///
  /// - Parameters:
  ///   - accountID: the account of the authenticated principal; every read is scoped by it.
  ///   - limits: the request limits (DESIGN.md); local commands may lift the token limit.
  public func execute(
    query: String, variables: JSONObject = JSONObject(), operationName: String? = nil,
    accountID: Int, limits: QueryLimits = QueryLimits()
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
      let context = RequestContext(accountID: accountID, store: store)
      return GraphQL.execute(
        schema: schema, document: document, source: source, operationName: operationName,
        variables: variables, context: context)
    }
  }

  /// Hits and misses of the document cache so far (a hit skipped parse and validation).
  public var documentCacheStatistics: DocumentCacheStatistics { documentCache.statistics }
}
