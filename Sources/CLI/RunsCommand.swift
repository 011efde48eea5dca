import Foundation
import MetadataStore

/// `dbt-metadata runs`: lists the ingested runs of a database.
enum RunsCommand: Command {
  static let name = "runs"
  static let summary = "List ingested runs"
  static let usage = """
    usage: dbt-metadata runs --db FILE [--job ID] [--json]

    Lists the runs in FILE, oldest first: id, job, environment, generated_at, dbt version and
    counts (nodes, executions, freshness results, catalog tables).

    options:
      --db FILE    the dbt-metadata database (must exist; opened read-only, so it
                   answers while an ingest is writing)
      --job ID     only this job's runs
      --json       one JSON array of objects

    exit codes: 0 success, 1 failure, 64 usage error

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let database = try arguments.required("--db")
    let jobID = try arguments.int("--job")
    let json = arguments.flag("--json")
    try arguments.finish()

    let store = try MetadataStore(path: database, access: .readOnly)
    let runs = try store.allRuns(jobID: jobID)
    output.write(json ? jsonList(runs) : table(runs))
    return ExitCode.success
  }

  static func table(_ runs: [RunRecord]) -> String {
    guard !runs.isEmpty else { return "no runs\n" }
    let header = [
      "run", "job", "env", "generated_at", "dbt", "nodes", "executions", "freshness", "catalog",
    ]
    var rows = [header]
    for run in runs {
      rows.append([
        String(run.id), String(run.jobID), String(run.environmentID), run.generatedAt ?? "-",
        run.dbtVersion ?? "-", String(run.nodeCount), String(run.executionCount),
        String(run.freshnessCount), String(run.catalogCount),
      ])
    }
    var widths = Array(repeating: 0, count: header.count)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1
          ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }

  static func jsonList(_ runs: [RunRecord]) -> String {
    let objects: [[String: Any]] = runs.map { run in
      [
        "run_id": run.id, "job_id": run.jobID, "environment_id": run.environmentID,
        "project_id": run.projectID, "account_id": run.accountID,
        "generated_at": run.generatedAt ?? NSNull(), "dbt_version": run.dbtVersion ?? NSNull(),
        "invocation_id": run.invocationID ?? NSNull(), "nodes": run.nodeCount,
        "executions": run.executionCount, "freshness_results": run.freshnessCount,
        "catalog_tables": run.catalogCount, "artifacts": run.artifactKinds,
      ]
    }
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: objects, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return "[]\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
