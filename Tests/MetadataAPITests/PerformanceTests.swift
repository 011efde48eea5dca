import Foundation
import GraphQL
import Testing

@testable import MetadataAPI

/// `performance(environmentId)`: every field against a brute-force aggregation of the
/// sample-runs JSON files (``SampleTimeline``), plus the timeline's known events (the
/// stg_payments error of run 1010, fct_orders' failing tests in runs 1007 and 1008).
@Suite struct PerformanceTests {
  typealias Result = SampleTimeline.Result

  static func performance(_ selection: String, environment: Int = 1, account: Int = 1) throws
    -> JSONValue?
  {
    let result = try SampleDatabase.run(
      "{ performance(environmentId: \(environment)) { \(selection) } }", account: account)
    #expect(result.errors.isEmpty, "\(result.errors)")
    return result.data?["performance"]
  }

  /// Aggregates of a list of executions: total, failed (error), max and mean time.
  static func aggregate(_ results: [Result]) -> (total: Int, failed: Int, max: Double, avg: Double)
  {
    let times = results.compactMap(\.executionTime)
    return (
      results.count, results.filter { $0.status == "error" }.count, times.max() ?? 0,
      times.isEmpty ? 0 : times.reduce(0, +) / Double(times.count)
    )
  }

  static func close(_ a: JSONValue?, _ b: Double) -> Bool {
    guard let a = a?.doubleValue else { return false }
    return abs(a - b) < 1e-9
  }

  @Test(arguments: [
    (1, "2026-03-01", "2026-03-31"), (1, "2026-03-05", "2026-03-06"),
    (2, "2026-03-02", "2026-03-07"),
  ])
  func mostExecutedModelsCountExecutionsPerModelAndJob(environment: Int, start: String, end: String)
    throws
  {
    let timeline = try SampleTimeline.get()
    let executions = timeline.modelExecutions(environment: environment, from: start, to: end)
    let byModel = Dictionary(grouping: executions, by: \.uniqueID)
    let expected = byModel.keys.sorted {
      (byModel[$0]?.count ?? 0, $1) > (byModel[$1]?.count ?? 0, $0)
    }
    let answer = try Self.performance(
      """
      mostExecutedModels(start: "\(start)", end: "\(end)", limit: 500, jobLimit: 1) {
        uniqueId totalExecutions byJob { jobId totalExecutions } }
      """, environment: environment)
    let list = answer?["mostExecutedModels"]?.listValue ?? []
    #expect(list.compactMap { $0["uniqueId"]?.stringValue } == expected)
    #expect(!list.isEmpty)
    for item in list {
      let id = item["uniqueId"]?.stringValue ?? ""
      let runs = byModel[id] ?? []
      #expect(item["totalExecutions"]?.intValue == runs.count, "\(id)")
      let jobs = Dictionary(grouping: runs, by: \.jobID)
      let top = jobs.keys.sorted { (jobs[$0]?.count ?? 0, $1) > (jobs[$1]?.count ?? 0, $0) }.first
      #expect(
        item["byJob"] == [
          ["jobId": .int(top ?? 0), "totalExecutions": .int(jobs[top ?? 0]?.count ?? 0)]
        ], "\(id)")
    }
  }

  @Test(arguments: ["AVG", "MAX"])
  func longestExecutedModelsByAverageOrMaximum(orderBy: String) throws {
    let timeline = try SampleTimeline.get()
    for jobID in [nil, 102] as [Int?] {
      let executions = timeline.modelExecutions(
        environment: 1, from: "2026-03-02", to: "2026-03-09"
      )
      .filter { jobID == nil || $0.jobID == jobID }
      let byModel = Dictionary(grouping: executions, by: \.uniqueID).mapValues(Self.aggregate)
      func measure(_ id: String) -> Double {
        (orderBy == "MAX" ? byModel[id]?.max : byModel[id]?.avg) ?? 0
      }
      let expected = Array(byModel.keys.sorted { measure($0) > measure($1) }.prefix(4))
      let jobArgument = jobID.map { ", jobId: \($0)" } ?? ""
      let answer = try Self.performance(
        """
        longestExecutedModels(start: "2026-03-02", end: "2026-03-09", limit: 4, orderBy: \(orderBy)\(jobArgument)) {
          uniqueId maxExecutionTime averageExecutionTime byJob { jobId maxExecutionTime averageExecutionTime } }
        """)
      let list = answer?["longestExecutedModels"]?.listValue ?? []
      #expect(
        list.compactMap { $0["uniqueId"]?.stringValue } == expected,
        "\(orderBy) \(String(describing: jobID))")
      for item in list {
        let id = item["uniqueId"]?.stringValue ?? ""
        #expect(Self.close(item["maxExecutionTime"], byModel[id]?.max ?? -1), "\(id)")
        #expect(Self.close(item["averageExecutionTime"], byModel[id]?.avg ?? -1), "\(id)")
        let jobs = item["byJob"]?.listValue ?? []
        #expect(jobs.count == (jobID == nil ? 2 : 1), "\(id) runs in nightly and ci")
        if let jobID { #expect(jobs.first?["jobId"] == .int(jobID)) }
      }
    }
    // Limit defaults to 5.
    let defaults = try Self.performance(
      #"longestExecutedModels(start: "2026-03-02", end: "2026-03-09") { uniqueId }"#)
    #expect(defaults?["longestExecutedModels"]?.listValue?.count == 5)
  }

  @Test func mostExecutionFailedModelsFollowTheTimeline() throws {
    let timeline = try SampleTimeline.get()
    for environment in [1, 2] {
      let executions = timeline.modelExecutions(
        environment: environment, from: "2026-03-01", to: "2026-03-31")
      let failing = Dictionary(grouping: executions, by: \.uniqueID).filter {
        $0.value.contains { $0.status == "error" }
      }
      let answer = try Self.performance(
        #"mostExecutionFailedModels(start: "2026-03-01", end: "2026-03-31") { uniqueId failurePercentage totalExecutions totalFailedExecutions }"#,
        environment: environment)
      let list = answer?["mostExecutionFailedModels"]?.listValue ?? []
      #expect(list.count == failing.count)
      for item in list {
        let id = item["uniqueId"]?.stringValue ?? ""
        let runs = failing[id] ?? []
        let failed = runs.filter { $0.status == "error" }.count
        #expect(item["totalExecutions"]?.intValue == runs.count)
        #expect(item["totalFailedExecutions"]?.intValue == failed)
        #expect(Self.close(item["failurePercentage"], 100 * Double(failed) / Double(runs.count)))
      }
    }
    // The timeline: stg_payments errors once in production (run 1010), out of 10 builds.
    let production = try Self.performance(
      #"mostExecutionFailedModels(start: "2026-03-02", end: "2026-03-09", limit: 1) { uniqueId totalExecutions totalFailedExecutions failurePercentage }"#
    )
    #expect(
      production?["mostExecutionFailedModels"]
        == [
          [
            "uniqueId": "model.shop.stg_payments", "totalExecutions": 10,
            "totalFailedExecutions": 1, "failurePercentage": 10.0,
          ]
        ])
    // Before the error (up to 03-05) nothing failed.
    let before = try Self.performance(
      #"mostExecutionFailedModels(start: "2026-03-02", end: "2026-03-05") { uniqueId }"#)
    #expect(before?["mostExecutionFailedModels"] == [])
  }

  @Test func mostTestFailedModelsCountRunsWithFailingTests() throws {
    let timeline = try SampleTimeline.get()
    let tests = timeline.results.filter {
      $0.environmentID == 1 && $0.uniqueID.hasPrefix("test.") && $0.status != "skipped"
        && ($0.testedUniqueID ?? "").hasPrefix("model.")
    }
    var runsWithTests: [String: Set<Int>] = [:]
    var runsWithFailures: [String: Set<Int>] = [:]
    for test in tests {
      let model = test.testedUniqueID ?? ""
      runsWithTests[model, default: []].insert(test.runID)
      if test.status == "fail" || test.status == "error" {
        runsWithFailures[model, default: []].insert(test.runID)
      }
    }
    let answer = try Self.performance(
      #"mostTestFailedModels(start: "2026-03-01", end: "2026-03-31", limit: 500) { uniqueId failurePercentage totalRunsWithTests totalRunsWithTestFailures }"#
    )
    let list = answer?["mostTestFailedModels"]?.listValue ?? []
    #expect(Set(list.compactMap { $0["uniqueId"]?.stringValue }) == Set(runsWithFailures.keys))
    for item in list {
      let id = item["uniqueId"]?.stringValue ?? ""
      let total = runsWithTests[id]?.count ?? 0
      let failed = runsWithFailures[id]?.count ?? 0
      #expect(item["totalRunsWithTests"]?.intValue == total, "\(id)")
      #expect(item["totalRunsWithTestFailures"]?.intValue == failed, "\(id)")
      #expect(Self.close(item["failurePercentage"], 100 * Double(failed) / Double(total)), "\(id)")
    }
    // The timeline: fct_orders' accepted_values test fails in 1007 and 1008 (and its
    // relationships test in 1008): two runs; fixed from 1010 on.
    #expect(runsWithFailures["model.shop.fct_orders"] == [1007, 1008])
    #expect(list.first?["uniqueId"] == "model.shop.fct_orders")
    #expect(list.first?["totalRunsWithTestFailures"] == 2)
    let afterTheFix = try Self.performance(
      #"mostTestFailedModels(start: "2026-03-06", end: "2026-03-09") { uniqueId }"#)
    #expect(afterTheFix?["mostTestFailedModels"] == [])
  }

  @Test func modelExecutionHistoryGroupsByDayAndJob() throws {
    let timeline = try SampleTimeline.get()
    let uniqueID = "model.shop.stg_payments"
    let executions = timeline.modelExecutions(environment: 1, from: "2026-03-02", to: "2026-03-09")
      .filter { $0.uniqueID == uniqueID }
    let answer = try Self.performance(
      """
      modelExecutionHistory(startDate: "2026-03-02", endDate: "2026-03-09", uniqueId: "\(uniqueID)") {
        date meanExecutionTime executionTimes
        executionsByJob { jobId meanExecutionTime executionTimes
          executions { runId runStartedAt executionTime status isFullRefresh executionStartedAt adapter queryId } } }
      """)
    let days = answer?["modelExecutionHistory"]?.listValue ?? []
    let byDay = Dictionary(grouping: executions, by: \.day)
    #expect(days.compactMap { $0["date"]?.stringValue } == byDay.keys.sorted())
    for day in days {
      let date = day["date"]?.stringValue ?? ""
      let expected = byDay[date] ?? []
      #expect(Self.close(day["meanExecutionTime"], Self.aggregate(expected).avg), "\(date)")
      let jobs = day["executionsByJob"]?.listValue ?? []
      #expect(jobs.compactMap { $0["jobId"]?.intValue } == Set(expected.map(\.jobID)).sorted())
      for job in jobs {
        let runs = expected.filter { $0.jobID == job["jobId"]?.intValue }.sorted {
          $0.runID < $1.runID
        }
        let list = job["executions"]?.listValue ?? []
        #expect(list.compactMap { $0["runId"]?.intValue } == runs.map(\.runID))
        #expect(list.compactMap { $0["status"]?.stringValue } == runs.map(\.status))
        for execution in list {
          #expect(execution["adapter"] == "duckdb" && execution["isFullRefresh"] == false)
          #expect(execution["queryId"] == .null)
          let started = execution["runStartedAt"]?.stringValue ?? ""
          #expect(
            started.hasPrefix(date) && started.count == 24 && started.hasSuffix("Z"), "\(started)")
        }
      }
    }
    // The timeline: the 03-06 nightly (run 1010) errored, the CI run of that day passed.
    let march6 = days.first { $0["date"] == "2026-03-06" }
    #expect(
      march6?["executionsByJob"]?.listValue?.map { $0["executions"]?.listValue?.first?["status"] }
        == [.string("error"), .string("success")])
  }

  @Test func jobInformationListsTheJobsThatBuiltTheModel() throws {
    let answer = try Self.performance(
      """
      all: jobInformation(start: "2026-03-01", end: "2026-03-31", uniqueId: "model.shop.fct_orders") { jobId name }
      quiet: jobInformation(start: "2026-03-07", end: "2026-03-09", uniqueId: "model.shop.fct_orders") { jobId name }
      none: jobInformation(start: "2026-03-01", end: "2026-03-31", uniqueId: "model.shop.nope") { jobId }
      """)
    // The data-quality job (103) only tests: it never builds a model.
    #expect(answer?["all"] == [["jobId": 101, "name": "nightly"], ["jobId": 102, "name": "ci"]])
    #expect(answer?["quiet"] == [["jobId": 101, "name": "nightly"]])
    #expect(answer?["none"] == [])
  }

  @Test func warehouseQueryCountsAreEmpty() throws {
    let answer = try Self.performance(
      """
      mostQueriedResources(start: "2026-03-01", end: "2026-03-31", resourceType: [model, source]) { uniqueId totalCount }
      resourceQueryHistory(start: "2026-03-01", end: "2026-03-31", uniqueId: "model.shop.fct_orders") { date totalCount }
      """)
    #expect(answer?["mostQueriedResources"] == [] && answer?["resourceQueryHistory"] == [])
  }

  @Test(arguments: [
    (
      #"mostExecutedModels(start: "2026-03-01", end: "2026-03-31", limit: 501) { uniqueId }"#,
      "Argument \"limit\" is 501: it must be between 1 and 500."
    ),
    (
      #"mostExecutedModels(start: "2026-03-01", end: "2026-03-31", limit: 0) { uniqueId }"#,
      "Argument \"limit\" is 0: it must be between 1 and 500."
    ),
    (
      #"mostExecutedModels(start: "2026-03-01", end: "2026-03-31", jobLimit: -1) { uniqueId }"#,
      "Argument \"jobLimit\" is -1: it must be between 1 and 500."
    ),
    (
      #"mostTestFailedModels(start: "2026-03-09", end: "2026-03-01") { uniqueId }"#,
      "ends before it starts"
    ),
    (
      #"modelExecutionHistory(startDate: "2026-03-09", endDate: "2026-03-01", uniqueId: "x") { date }"#,
      "ends before it starts"
    ),
    (
      #"mostExecutedModels(start: "2026-02-30", end: "2026-03-31") { uniqueId }"#,
      "Date cannot represent"
    ),
  ])
  func badArgumentsGiveOneClearError(selection: String, message: String) throws {
    let result = try SampleDatabase.run("{ performance(environmentId: 1) { \(selection) } }")
    #expect(result.errors.count == 1, "\(result.errors)")
    #expect(result.errors.first?.message.contains(message) == true, "\(result.errors)")
  }

  @Test func unknownOrForeignEnvironmentIsNotFound() throws {
    for (environment, account) in [(99, 1), (1, 2)] {
      let result = try SampleDatabase.run(
        #"{ performance(environmentId: \#(environment)) { mostExecutedModels(start: "2026-03-01", end: "2026-03-31") { uniqueId } } }"#,
        account: account)
      #expect(result.errors.count == 1)
      #expect(
        result.errors.first?.message.hasPrefix("Environment \(environment) not found") == true)
      #expect(result.data == nil || result.data == .null)
    }
  }
}
