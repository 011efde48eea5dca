import Foundation
import MetadataStore

/// `dbt-metadata demo`: loads every run under `sample-runs/` (artifacts written by real
/// dbt, see `sample-runs/README.md`) into a database and lists them, so a newcomer sees
/// the store filled with a realistic history in one command.
///
/// Every run's `run.json` is read and checked before the database is touched; each run is
/// then stored in its own transaction, and loading again changes nothing.
enum DemoCommand: Command {
  static let name = "demo"
  static let summary = "Load the sample runs into a database and list them"
  static let usage = """
    usage: dbt-metadata demo [--db FILE] [--samples DIR] [--json]

    Ingests every run folder (one holding run.json) under DIR, in run id order, with the
    account, project, environment, job and run ids its run.json names, then lists the runs.

    options:
      --db FILE       the database (default .build/dbt-metadata-demo.sqlite; created when missing)
      --samples DIR   the sample runs (default sample-runs, from the repository root)
      --json          list the runs as JSON

    exit codes: 0 loaded (or already loaded), 1 failure, 64 usage error

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let database = try arguments.option("--db") ?? ".build/dbt-metadata-demo.sqlite"
    let samples = try arguments.option("--samples") ?? "sample-runs"
    let json = arguments.flag("--json")
    try arguments.finish()

    let runs = try SampleRun.all(under: samples)
    guard !runs.isEmpty else {
      throw IngestFailure(message: "\(samples): no run folders (run.json) found")
    }
    let requests = try runs.map { try $0.request() }
    let directory = (database as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
    }
    let store = try MetadataStore(path: database, access: .readWrite)
    var created = 0
    for request in requests where try store.ingest(request).outcome != .unchanged {
      created += 1
    }
    if !json {
      output.write(
        "\(database): \(runs.count) sample runs, \(created) stored now, "
          + "\(runs.count - created) already there\n\n")
    }
    let stored = try store.allRuns(jobID: nil)
    output.write(json ? RunsCommand.jsonList(stored) : RunsCommand.table(stored))
    return ExitCode.success
  }
}
