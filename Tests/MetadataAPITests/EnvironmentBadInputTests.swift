import Foundation
import GraphQL
import Testing

@testable import MetadataAPI

/// Bad input to the environment fields: each case is one clear GraphQL error.
@Suite struct EnvironmentBadInputTests {

  static func singleError(_ query: String, account: Int = 1) throws -> String {
    let result = try SampleDatabase.run(query, account: account)
    #expect(result.errors.count == 1, "\(result.errors)")
    return result.errors.first?.message ?? ""
  }

  @Test func unknownEnvironmentIsNotFound() throws {
    let unknown = try Self.singleError(
      "{ environment(id: 99) { applied { models { totalCount } } } }")
    #expect(unknown == "Environment 99 not found: no environment with this id in your account.")
    let otherAccount = try Self.singleError(
      "{ environment(id: 1) { dbtProjectName } }", account: 2)
    #expect(otherAccount == "Environment 1 not found: no environment with this id in your account.")
  }

  @Test func pageSizeAboveTheLimitIsOneError() throws {
    let tooMany = try Self.singleError(
      "{ environment(id: 1) { applied { models(first: 501) { totalCount } } } }")
    #expect(tooMany.contains("501") && tooMany.contains("500"))
    let negative = try Self.singleError(
      "{ environment(id: 1) { definition { macros(first: -1) { totalCount } } } }")
    #expect(negative.contains("-1") && negative.contains("between 0 and 500"))
  }

  @Test func malformedCursorIsOneError() throws {
    let garbage = try Self.singleError(
      "{ environment(id: 1) { applied { models(first: 5, after: \"not a cursor!\") { totalCount } } } }"
    )
    #expect(
      garbage.hasPrefix(
        "Invalid cursor \"not a cursor!\" for argument \"after\": not a cursor of this API."))
    let cursor =
      try EnvironmentTests.data(
        "{ environment(id: 1) { applied { models(first: 1) { pageInfo { endCursor } } } } }"
      )["environment"]?["applied"]?["models"]?["pageInfo"]?["endCursor"]?.stringValue ?? ""
    let otherOrder = try Self.singleError(
      "{ environment(id: 1) { applied { models(first: 5, after: \"\(cursor)\", sort: {field: rowCount, direction: desc}) { totalCount } } } }"
    )
    #expect(otherOrder.contains("made for the order by uniqueID, this query orders by rowCount"))
  }

  @Test func historicalRunCountAboveTheLimitIsOneError() throws {
    let message = try Self.singleError(
      "{ environment(id: 1) { applied { modelHistoricalRuns(uniqueId: \"model.shop.fct_orders\", lastRunCount: 101) { runId } } } }"
    )
    #expect(message == "Argument \"lastRunCount\" is 101: it must be between 1 and 100.")
  }
}
