import Foundation
import GraphQL
import MetadataStore
import Testing

@testable import MetadataAPI

/// Whole GraphQL answers from a kept applied state (``AppliedStateCache``) equal the
/// answers of the SQL path (a request context without the cache), for connections with
/// every filter, sort and page argument, their cursors and their nested lists, on both
/// sides, on the sample runs and on the generated environment.
@Suite struct AppliedStateAnswerTests {
  /// The answer of the SQL path: the API's schema executed with a context that has no
  /// applied-state cache.
  static func sqlAnswer(_ api: MetadataAPI, _ query: String) throws -> String {
    let source = Source(query)
    let document = try parse(source)
    return GraphQL.execute(
      schema: api.schema, document: document, source: source,
      context: RequestContext(accountID: 1, store: api.store)
    ).serialized()
  }

  static let node = """
    uniqueId name resourceType filePath
    ... on ModelAppliedStateNode { materializedType access group modelingLayer tags
      executionInfo { lastRunId lastRunStatus lastSuccessRunId executeCompletedAt lastRunError }
      parents { uniqueId name ... on ModelAppliedStateNestedNode { materializedType } }
      children { uniqueId } tests { uniqueId ... on TestAppliedStateNestedNode { executionInfo { lastRunStatus } } }
      ancestors(types: [Source, Model]) { uniqueId } }
    """

  static func connections(environment: Int) -> [String] {
    let page =
      "totalCount pageInfo { startCursor endCursor hasNextPage hasPreviousPage } edges { cursor node { \(node) } }"
    let arguments = [
      "first: 500", "first: 3", "first: 0",
      "first: 7, sort: {field: executeCompletedAt, direction: desc}",
      "first: 9, sort: {field: rowCount, direction: asc}",
      "first: 500, sort: {field: executeCompletedAt, direction: asc}",
      "first: 20, filter: {lastRunStatus: error}",
      "first: 20, filter: {tags: [\"even\", \"nightly\"]}",
      "first: 20, filter: {access: public}", "first: 20, filter: {modelingLayer: \"staging\"}",
      "first: 20, filter: {schema: \"S1\"}", "first: 20, filter: {group: \"finance\"}",
    ]
    var queries = arguments.map {
      "{ environment(id: \(environment)) { applied { models(\($0)) { \(page) } } } }"
    }
    queries += [
      "{ environment(id: \(environment)) { applied { sources(first: 50, filter: {freshnessChecked: true}) { totalCount edges { cursor node { uniqueId ... on SourceAppliedStateNode { sourceName freshness { freshnessStatus } children { uniqueId } } } } } } } }",
      "{ environment(id: \(environment)) { applied { tests(first: 100, filter: {testTypes: [GENERIC_DATA_TEST]}) { totalCount edges { node { uniqueId ... on TestAppliedStateNode { columnName executionInfo { lastRunStatus } parents { uniqueId } } } } } } } }",
      "{ environment(id: \(environment)) { applied { seeds(first: 50) { totalCount edges { node { uniqueId ... on SeedAppliedStateNode { children { uniqueId } } } } } snapshots(first: 50) { totalCount edges { node { uniqueId } } } exposures(first: 50) { totalCount edges { node { uniqueId ... on ExposureAppliedStateNode { parents { uniqueId } } } } } } } }",
      "{ environment(id: \(environment)) { definition { models(first: 40) { totalCount edges { cursor node { uniqueId ... on ModelDefinitionNode { rawCode parents { uniqueId } children { uniqueId } } } } } macros(first: 30) { totalCount edges { node { uniqueId } } } } } }",
      "{ environment(id: \(environment)) { applied { resources(first: 60, filter: {types: [Model, Test, Source, Seed, Exposure]}) { totalCount edges { cursor node { uniqueId resourceType } } } } } }",
    ]
    return queries
  }

  /// Each query's answer, twice from the cached API once its state is kept, and once by
  /// SQL; then the next page from each end cursor. The first answer (which finds no state
  /// of its generation when the API is new, and starts the build) is SQL's too.
  static func compareAll(_ api: MetadataAPI, environment: Int) throws {
    let first = connections(environment: environment)[0]
    let all = api.execute(query: first, accountID: 1)
    #expect(
      (all.data?["environment"]?["applied"]?["models"]?["edges"]?.listValue?.count ?? 0) > 0)
    #expect(all.serialized() == (try sqlAnswer(api, first)))
    api.waitForAppliedStateBuilds()
    for query in connections(environment: environment) {
      let sql = try sqlAnswer(api, query)
      _ = api.execute(query: query, accountID: 1)
      let cached = api.execute(query: query, accountID: 1)
      #expect(cached.errors.isEmpty, "\(cached.errors)")
      #expect(cached.serialized() == sql, "\(query)")
    }
    // Walks of two orders from each path give the same pages.
    for order in ["", ", sort: {field: executeCompletedAt, direction: desc}"] {
      var after: String? = nil
      for _ in 0..<4 {
        let argument = after.map { ", after: \"\($0)\"" } ?? ""
        let query = """
          { environment(id: \(environment)) { applied { models(first: 5\(order)\(argument)) {
            pageInfo { endCursor hasNextPage } edges { cursor node { uniqueId } } } } } }
          """
        let cached = api.execute(query: query, accountID: 1)
        #expect(cached.serialized() == (try sqlAnswer(api, query)), "\(query)")
        guard
          let end = cached.data?["environment"]?["applied"]?["models"]?["pageInfo"]?[
            "endCursor"]?.stringValue
        else { break }
        after = end
      }
    }
  }

  @Test func theSampleRunsAnswerAsBySQL() throws {
    let api = try SampleDatabase.api()
    for environment in [1, 2] { try Self.compareAll(api, environment: environment) }
  }

  @Test func theGeneratedEnvironmentAnswersAsBySQL() throws {
    try Self.compareAll(try GeneratedEnvironment.api(), environment: 1)
  }
}
