import GraphQL
import Testing

@testable import MetadataAPI

/// Bad input over the whole API in one table: unknown ids (and ids of another account),
/// page sizes above 500, malformed cursors and unknown selector methods, at every root.
/// Never a crash, never another account's data. The per-area suites test the details
/// (``EnvironmentBadInputTests``, ``LineageTests``, ``ResourcesTests``,
/// ``JobScopedTests``); this table is the one place that names every kind at every root.
///
/// Each case gives exactly one GraphQL error whose message says what was wrong; an id of
/// another account reads exactly as an unknown one.
@Suite struct BadInputTests {
  /// What a case must answer.
  enum Outcome: Sendable {
    /// One error whose message contains the text.
    case error(String)
  }

  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let query: String
    let account: Int
    let outcome: Outcome

    init(_ name: String, _ query: String, account: Int = 1, _ outcome: Outcome) {
      self.name = name
      self.query = query
      self.account = account
      self.outcome = outcome
    }

    var testDescription: String { name }
  }

  static let notFoundEnvironment = "Environment 99 not found"

  static let cases: [Case] = [
    // Unknown ids: every root that names a job, run or environment.
    Case(
      "unknown job (Part 1 list)", "{ models(jobId: 999) { uniqueId } }",
      .error("Job 999 not found")),
    Case(
      "unknown job (Part 1 node)",
      #"{ model(jobId: 999, uniqueId: "model.shop.fct_orders") { name } }"#,
      .error("Job 999 not found")),
    Case(
      "unknown run of a job", "{ tests(jobId: 101, runId: 99999) { name } }",
      .error("Run 99999 of job 101 not found")),
    Case(
      "another account's job", "{ sources(jobId: 101) { name } }", account: 2,
      .error("Job 101 not found")),
    Case(
      "unknown job (job)", "{ job(id: 999) { models { uniqueId } } }", .error("Job 999 not found")),
    Case(
      "unknown run (job)", "{ job(id: 101, runId: 99999) { models { uniqueId } } }",
      .error("Run 99999 of job 101 not found")),
    Case(
      "unknown environment (modelByEnvironment)",
      #"{ modelByEnvironment(environmentId: 99, uniqueId: "model.shop.fct_orders") { runId } }"#,
      .error(notFoundEnvironment)),
    Case(
      "unknown environment", "{ environment(id: 99) { applied { models { totalCount } } } }",
      .error(notFoundEnvironment)),
    Case(
      "another account's environment", "{ environment(id: 1) { dbtProjectName } }", account: 2,
      .error("Environment 1 not found")),
    Case(
      "unknown environment (performance)",
      #"{ performance(environmentId: 99) { mostExecutedModels(start: "2026-03-01", end: "2026-03-31") { uniqueId } } }"#,
      .error("99")),
    // first: 501 on each kind of connection.
    Case(
      "first: 501 (applied models)",
      "{ environment(id: 1) { applied { models(first: 501) { totalCount } } } }", .error("500")),
    Case(
      "first: 501 (applied resources)",
      "{ environment(id: 1) { applied { resources(first: 501, filter: {types: [Model]}) { totalCount } } } }",
      .error("500")),
    Case(
      "first: 501 (definition macros)",
      "{ environment(id: 1) { definition { macros(first: 501) { totalCount } } } }", .error("500")),
    Case(
      "first: 501 (groups)",
      "{ environment(id: 1) { definition { groups(first: 501) { totalCount } } } }", .error("500")),
    Case(
      "first: 501 (semantic models)",
      "{ environment(id: 1) { definition { semanticModels(first: 501) { totalCount } } } }",
      .error("500")),
    Case(
      "first: 501 (recent changes)",
      "{ environment(id: 1) { applied { recentResourceChanges(first: 501, numDays: 7) { totalCount } } } }",
      .error("500")),
    // Malformed cursors on each kind of connection.
    Case(
      "malformed cursor (applied tests)",
      #"{ environment(id: 1) { applied { tests(first: 5, after: "not a cursor!") { totalCount } } } }"#,
      .error("Invalid cursor")),
    Case(
      "malformed cursor (definition resources)",
      #"{ environment(id: 1) { definition { resources(after: "%%%", filter: {types: [Source]}) { totalCount } } } }"#,
      .error("Invalid cursor")),
    Case(
      "malformed cursor (saved queries)",
      #"{ environment(id: 1) { definition { savedQueries(after: "bm90LWEtY3Vyc29y") { totalCount } } } }"#,
      .error("Invalid cursor")),
    // Unknown selector methods, in select and in exclude, on both states.
    Case(
      "unknown selector method (select)",
      #"{ environment(id: 1) { applied { lineage(filter: {select: "foo:bar"}) { uniqueId } } } }"#,
      .error(#"unknown selector method "foo""#)),
    Case(
      "unknown selector method (exclude)",
      #"{ environment(id: 1) { definition { lineage(filter: {select: "+fct_orders", exclude: "state:modified"}) { uniqueId } } } }"#,
      .error(#"unknown selector method "state""#)),
  ]

  @Test(arguments: cases)
  func badInputIsOneClearError(_ testCase: Case) throws {
    let result = try SampleDatabase.run(testCase.query, account: testCase.account)
    switch testCase.outcome {
    case .error(let text):
      #expect(result.errors.count == 1, "\(result.errors.map(\.message))")
      let message = result.errors.first?.message ?? ""
      #expect(message.contains(text), "\(message)")
    }
  }
}
