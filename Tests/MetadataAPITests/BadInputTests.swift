import GraphQL
import Testing

@testable import MetadataAPI

/// Bad input over the whole API in one table: unknown ids (and ids of another account),
/// page sizes above 500, malformed cursors and unknown selector methods, at every root.
/// Never a crash, never another account's data. The per-area suites test the details
/// (``EnvironmentBadInputTests``, ``LineageTests``, ``ResourcesTests``,
/// ``JobScopedTests``); this table is the one place that names every kind at every root.
///
/// Each case gives exactly one GraphQL error whose message says what was wrong, except
/// the ids of Part 1 (`jobId`, `runId`), `job(id:)` and `modelByEnvironment`: those answer
/// `[]` or null with no error, as main's Part 1 binding decided and ``JobScopedTests``
/// asserts (the legacy API's lists are non-null and its single nodes nullable, and its
/// clients read an empty answer as "no such job"). Those rows expect exactly that, so a
/// change of that decision shows here.
@Suite struct BadInputTests {
  /// What a case must answer.
  enum Outcome: Sendable {
    /// One error whose message contains the text.
    case error(String)
    /// No error; the root field answers `[]` or null.
    case empty
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
    Case("unknown job (Part 1 list)", "{ models(jobId: 999) { uniqueId } }", .empty),
    Case(
      "unknown job (Part 1 node)",
      #"{ model(jobId: 999, uniqueId: "model.shop.fct_orders") { name } }"#, .empty),
    Case("unknown run of a job", "{ tests(jobId: 101, runId: 99999) { name } }", .empty),
    Case("another account's job", "{ sources(jobId: 101) { name } }", account: 2, .empty),
    Case("unknown job (job)", "{ job(id: 999) { models { uniqueId } } }", .empty),
    Case("unknown run (job)", "{ job(id: 101, runId: 99999) { models { uniqueId } } }", .empty),
    Case(
      "unknown environment (modelByEnvironment)",
      #"{ modelByEnvironment(environmentId: 99, uniqueId: "model.shop.fct_orders") { runId } }"#,
      .empty),
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
    let root = result.data?.objectValue?.values.first
    switch testCase.outcome {
    case .error(let text):
      #expect(result.errors.count == 1, "\(result.errors.map(\.message))")
      let message = result.errors.first?.message ?? ""
      #expect(message.contains(text), "\(message)")
    case .empty:
      #expect(result.errors.isEmpty, "\(result.errors.map(\.message))")
      #expect(root == .null || root == .list([]), "\(String(describing: root))")
    }
  }
}
