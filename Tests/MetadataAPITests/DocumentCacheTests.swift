import Foundation
import GraphQL
import Testing

@testable import MetadataAPI

/// The document cache of ``MetadataAPI``: a repeated text skips parse and validation, the
/// answer is the same with and without it, eviction is least recently used, the token limit
/// is part of the key, and concurrent requests keep the counts exact.
@Suite struct DocumentCacheTests {
  /// A fresh API (its own cache) over the sample database.
  private func api(capacity: Int = 1_000) throws -> MetadataAPI {
    try MetadataAPI(store: SampleDatabase.api().store, documentCacheCapacity: capacity)
  }

  /// The engine's answer without any cache, for comparison.
  private func uncached(_ api: MetadataAPI, _ query: String, limits: QueryLimits = QueryLimits())
    -> ExecutionResult
  {
    graphql(
      schema: api.schema, request: query,
      context: RequestContext(accountID: 1, store: api.store), limits: limits)
  }

  private let modelsQuery = "{ models(jobId: 101) { uniqueId status } }"

  @Test func aRepeatIsAHitWithTheSameAnswer() throws {
    let api = try api()
    let first = api.execute(query: modelsQuery, accountID: 1)
    #expect(api.documentCacheStatistics.misses == 1)
    #expect(api.documentCacheStatistics.hits == 0)
    let second = api.execute(query: modelsQuery, accountID: 1)
    #expect(api.documentCacheStatistics.hits == 1)
    #expect(api.documentCacheStatistics.misses == 1)
    #expect(first.errors.isEmpty)
    #expect(second.toJSON() == first.toJSON())
    #expect(second.toJSON() == uncached(api, modelsQuery).toJSON())
    // Variables and the operation vary per request over one cached document.
    let withVariables =
      "query Q($job: Int!) { models(jobId: $job) { uniqueId } } query R { __typename }"
    let nightly = api.execute(
      query: withVariables, variables: ["job": 101], operationName: "Q", accountID: 1)
    let ci = api.execute(
      query: withVariables, variables: ["job": 102], operationName: "Q", accountID: 1)
    let other = api.execute(query: withVariables, operationName: "R", accountID: 1)
    #expect(api.documentCacheStatistics.hits == 3)
    #expect(nightly.toJSON() != ci.toJSON())
    #expect(other.toJSON() == .object(["data": .object(["__typename": "Query"])]))
  }

  @Test func errorsAreTheSameWithAndWithoutTheCache() throws {
    let api = try api()
    let documents = [
      "{ models(jobId: 101) { uniqueId nope } }",  // validation
      "{ models(jobId: 101) { uniqueId }",  // syntax
      "{ models { uniqueId } }",  // missing argument
    ]
    for document in documents {
      let expected = uncached(api, document).toJSON()
      #expect(expected["errors"] != nil)
      #expect(api.execute(query: document, accountID: 1).toJSON() == expected)
      #expect(api.execute(query: document, accountID: 1).toJSON() == expected)
    }
    #expect(api.documentCacheStatistics.hits == 3)
    #expect(api.documentCacheStatistics.misses == 3)
    // Limits that depend on the request are checked on every request, hit or not.
    let deep =
      "{ models(jobId: 101) { " + String(repeating: "parentsModels { ", count: 20) + "uniqueId"
      + String(repeating: " }", count: 22)
    let expected = uncached(api, deep).toJSON()
    #expect(expected["errors"] != nil)
    #expect(api.execute(query: deep, accountID: 1).toJSON() == expected)
    #expect(api.execute(query: deep, accountID: 1).toJSON() == expected)
    let lifted = api.execute(
      query: deep, accountID: 1, limits: QueryLimits(maxDepth: 30, maxCost: .max))
    #expect(lifted.errors.isEmpty)
  }

  @Test func theTokenLimitIsPartOfTheKey() throws {
    let api = try api()
    // 16,002 tokens in 32 KB (cached texts are at most 64 KiB).
    let long = "{ " + String(repeating: "a ", count: 16_000) + "}"
    let refused = api.execute(query: long, accountID: 1)
    #expect(refused.errors.map(\.message).joined().contains("15000"))
    // Lifted, the same text parses (and fails validation instead: Query has no field a).
    let lifted = api.execute(query: long, accountID: 1, limits: QueryLimits(maxTokens: .max))
    #expect(lifted.errors.first?.message == #"Cannot query field "a" on type "Query"."#)
    #expect(api.execute(query: long, accountID: 1).toJSON() == refused.toJSON())
    #expect(api.documentCacheStatistics.misses == 2)
    #expect(api.documentCacheStatistics.hits == 1)
  }

  @Test func theLeastRecentlyUsedIsEvicted() throws {
    let api = try api(capacity: 2)
    let (a, b, c) = ("{ a: __typename }", "{ b: __typename }", "{ c: __typename }")
    for query in [a, b, a, c] { _ = api.execute(query: query, accountID: 1) }
    // a was used after b, so c evicted b.
    #expect(
      api.documentCacheStatistics
        == DocumentCacheStatistics(hits: 1, misses: 3, evictions: 1, count: 2, capacity: 2))
    _ = api.execute(query: a, accountID: 1)
    #expect(api.documentCacheStatistics.hits == 2)
    _ = api.execute(query: b, accountID: 1)
    #expect(api.documentCacheStatistics.misses == 4)
    #expect(api.documentCacheStatistics.evictions == 2)
  }

  @Test func concurrentRequestsKeepExactCounts() throws {
    let api = try api(capacity: 3)
    let queries = (0..<5).map { "{ q\($0): __typename }" }
    let answers = Answers()
    DispatchQueue.concurrentPerform(iterations: 200) { iteration in
      let query = queries[iteration % queries.count]
      let result = api.execute(query: query, accountID: 1)
      answers.record(query, result.serialized())
    }
    let statistics = api.documentCacheStatistics
    #expect(statistics.hits + statistics.misses == 200)
    #expect(statistics.count <= 3)
    for (index, query) in queries.enumerated() {
      #expect(answers.distinct(query) == [#"{"data":{"q\#(index)":"Query"}}"#])
    }
  }
}

/// The answers each query got, from many threads.
private final class Answers: @unchecked Sendable {
  private let lock = NSLock()
  private var byQuery: [String: Set<String>] = [:]

  func record(_ query: String, _ answer: String) {
    lock.lock()
    defer { lock.unlock() }
    byQuery[query, default: []].insert(answer)
  }

  func distinct(_ query: String) -> Set<String> {
    lock.lock()
    defer { lock.unlock() }
    return byQuery[query] ?? []
  }
}
