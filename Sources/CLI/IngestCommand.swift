import Artifacts
import CMalloc
import Dispatch
import Foundation
import MetadataStore

/// `dbt-metadata ingest`: loads one run's artifacts into the database.
///
/// Every file is read and checked before the database is opened for writing (it is only
/// read before, for the definitions a next run need not map again), and the store writes
/// the run in one transaction, so a bad file or a conflict stores nothing. Ingesting the
/// same artifacts again changes nothing and says so.
enum IngestCommand: Command {
  static let name = "ingest"
  static let summary = "Ingest a dbt run's artifacts into the database"
  static let usage = """
    usage: dbt-metadata ingest --db FILE --account ID --project ID --environment ID --job ID
                               [--job-name NAME] [--environment-name NAME] [--run-id N]
                               (--target DIR | --manifest FILE [--run-results FILE]...
                                [--sources FILE] [--catalog FILE]) [--json]

    Stores one dbt run (manifest, run_results per step, sources.json, catalog.json) in FILE,
    creating the database and any missing account, project, environment and job records.

    options:
      --db FILE               the dbt-metadata database (created when missing)
      --account, --project, --environment, --job ID
                              where the run belongs (integer ids, as in dbt Cloud)
      --job-name, --environment-name NAME
                              names to store (kept when omitted)
      --run-id N              the run's id (default: the run of this job with the same
                              manifest, else the next free id)
      --target DIR            read manifest.json, run_results.json, sources.json and
                              catalog.json from a dbt target folder (those present)
      --manifest FILE         the manifest; with --run-results (repeatable, one per step),
                              --sources and --catalog
      --json                  print the summary as JSON

    exit codes: 0 stored (or already stored), 1 failure, 64 usage error

    """

  /// The files to read, by kind.
  struct Files {
    var manifest: String?
    var runResults: [String] = []
    var sources: String?
    var catalog: String?
  }

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let database = try arguments.required("--db")
    let accountID = try arguments.requiredInt("--account")
    let projectID = try arguments.requiredInt("--project")
    let environmentID = try arguments.requiredInt("--environment")
    let jobID = try arguments.requiredInt("--job")
    let jobName = try arguments.option("--job-name")
    let environmentName = try arguments.option("--environment-name")
    let runID = try arguments.int("--run-id")
    let target = try arguments.option("--target")
    var files = Files(
      manifest: try arguments.option("--manifest"),
      runResults: try arguments.options("--run-results"),
      sources: try arguments.option("--sources"),
      catalog: try arguments.option("--catalog"))
    let json = arguments.flag("--json")
    try arguments.finish()

    if let target {
      guard files.manifest == nil, files.runResults.isEmpty, files.sources == nil,
        files.catalog == nil
      else {
        throw UsageError(
          "--target cannot be combined with --manifest, --run-results, --sources or --catalog")
      }
      files = try filesInTarget(target)
    } else if files.manifest == nil {
      throw UsageError("give --target DIR or --manifest FILE")
    }
    if let runID, runID <= 0 { throw UsageError("--run-id must be positive, found \(runID)") }

    var request = IngestRequest(
      accountID: accountID, projectID: projectID, environmentID: environmentID, jobID: jobID,
      manifest: nil, runID: runID)
    request.jobName = jobName
    request.environmentName = environmentName
    let summary: IngestSummary
    growHeapsInLargeSteps()
    do {
      let creating = !FileManager.default.fileExists(atPath: database)
      summary = try readAndStore(
        files, request, database: database, creating: creating)
    } catch is DatabaseAppeared {
      // Another process created the database while this one built its own: store the run
      // into theirs, as into any existing database.
      summary = try readAndStore(
        files, request, database: database, creating: false)
    }
    output.write(json ? jsonSummary(summary) : textSummary(summary))
    return ExitCode.success
  }

  /// Asks glibc's allocator to grow each heap 64 MiB at a time rather than by what each
  /// request needs.
  ///
  /// Why: an ingest allocates on several threads at once (reading, mapping, the texts, the
  /// writer), each in a glibc arena of its own, and with the default padding an arena grows
  /// by one `mprotect` per few pages: about 4,000 calls in a 10k-node first load, each
  /// taking the process's memory-map lock that the other threads' page faults wait for.
  /// With the padding a first load took 4-5% less wall time (alternating runs,
  /// benchmarks/README.md). The padding is address space, committed only when touched: the
  /// resident size grew 5% (less memory is trimmed and faulted in again). The command's
  /// process only; the server keeps glibc's defaults.
  /// <https://man7.org/linux/man-pages/man3/mallopt.3.html>
  private static func growHeapsInLargeSteps() {
    #if canImport(Glibc)
      _ = mallopt(M_TOP_PAD, 64 << 20)
    #endif
  }

  /// Reads `files` into a copy of `base` and stores it in `database`: a project's first
  /// manifest while it is read, anything else once read (``readAll(_:snapshot:request:preparing:storing:)``).
  private static func readAndStore(
    _ files: Files, _ base: IngestRequest, database: String, creating: Bool
  ) throws -> IngestSummary {
    let projectID = base.projectID
    return try readAll(
      files, snapshot: { snapshot(database: database, projectID: projectID) }, request: base,
      preparing: creating,
      storing: { handoff in
        try store(database: database, creating: creating) {
          try handoff.request()
        }
      })
  }

  /// Stores the request `request()` gives in the database and closes it; the request's
  /// artifacts are taken out of it and released on another thread while the store closes.
  ///
  /// Why: closing runs the final checkpoint (the WAL copied into the database, both
  /// synced), which mostly waits for the disk; freeing the parsed files (their bytes and
  /// many small values) after it took about 5% of a next run's wall time, and on another
  /// core it costs none. The command does not wait for that thread: when it exits, the
  /// kernel takes the memory back whole, faster than `free` gives it back piece by piece
  /// (on a first load that wait was about 15 ms).
  ///
  /// With `creating` (no file at `database` when the command started), the database is
  /// built beside its path and moved there whole (``MetadataStore/MetadataStore/creating(at:_:)``):
  /// written once, without the WAL, and never seen half-made. It is created and migrated
  /// before `request()` is asked, so that happens while the files are still read. This
  /// throws ``DatabaseAppeared`` when another process created the file meanwhile.
  /// Otherwise the database is opened once the request is there, and for a streamed
  /// manifest (a project's first load, which writes the whole project) its new pages are
  /// sent to the disk as they are written, until the store is closed
  /// (``MetadataStore/MetadataStore/flushingWrites(to:_:)``): the commit's and the close's
  /// syncs then wait for little. A next run writes a few MB, whose syncs are short; there
  /// the flusher's thread only cost time.
  static func store(
    database: String, creating: Bool, request: () throws -> IngestRequest
  ) throws -> IngestSummary {
    if creating {
      let summary = try MetadataStore.creating(at: database) { store in
        var request = try request()
        return try ingest(&request, into: store)
      }
      guard let summary else { throw DatabaseAppeared() }
      return summary
    }
    var request = try request()
    guard request.manifestStream != nil else {
      let store = try MetadataStore(path: database, access: .readWrite)
      return try ingest(&request, into: store)
    }
    return try MetadataStore.flushingWrites(to: database) {
      let store = try MetadataStore(path: database, access: .readWrite)
      return try ingest(&request, into: store)
    }
  }

  /// Stores `request` with `store`, then releases the request's artifacts on another
  /// thread; the caller closes the store.
  private static func ingest(
    _ request: inout IngestRequest, into store: MetadataStore
  ) throws -> IngestSummary {
    let summary = try store.ingest(request)
    let artifacts = Discarded(request)
    request.manifest = nil
    request.manifestStream = nil
    request.runResults = []
    request.sources = nil
    request.catalog = nil
    DispatchQueue.global().async { artifacts.discard() }
    return summary
  }

  /// The standard artifact files present in a target folder.
  static func filesInTarget(_ directory: String) throws -> Files {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw IngestFailure(message: "\(directory): no such directory")
    }
    func present(_ name: String) -> String? {
      let path = (directory as NSString).appendingPathComponent(name)
      return FileManager.default.fileExists(atPath: path) ? path : nil
    }
    let files = Files(
      manifest: present("manifest.json"),
      runResults: present("run_results.json").map { [$0] } ?? [],
      sources: present("sources.json"), catalog: present("catalog.json"))
    guard
      files.manifest != nil || !files.runResults.isEmpty || files.sources != nil
        || files.catalog != nil
    else {
      throw IngestFailure(
        message:
          "\(directory): no dbt artifacts (manifest.json, run_results.json, sources.json, catalog.json)"
      )
    }
    return files
  }

  // MARK: - Output

  static func textSummary(_ summary: IngestSummary) -> String {
    var text: String
    switch summary.outcome {
    case .created: text = "run \(summary.runID) created\n"
    case .extended: text = "run \(summary.runID) extended with new artifacts\n"
    case .unchanged:
      text = "run \(summary.runID) unchanged: these artifacts were already ingested\n"
    }
    text += "nodes: \(summary.nodesByType.values.reduce(0, +))" + breakdown(summary.nodesByType)
    text += "\ndefinitions: \(summary.newDefinitions) new"
    text += summary.reusedManifestVersion ? " (manifest unchanged)\n" : "\n"
    text += "executions: \(summary.executions)" + breakdown(summary.executionsByStatus)
    if summary.nonExecutingResults > 0 {
      text += "; \(summary.nonExecutingResults) results of docs generate/compile kept as history"
    }
    text +=
      "\nfreshness results: \(summary.freshnessResults)"
      + breakdown(summary.freshnessByStatus)
    text += "\ncatalog: \(summary.catalogTables) tables, \(summary.catalogColumns) columns\n"
    for warning in summary.warnings { text += "warning: \(warning)\n" }
    return text
  }

  /// " (model 3, test 5)" in key order, or "".
  static func breakdown(_ counts: [String: Int]) -> String {
    guard !counts.isEmpty else { return "" }
    return " ("
      + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
      .joined(separator: ", ") + ")"
  }

  static func jsonSummary(_ summary: IngestSummary) -> String {
    let object: [String: Any] = [
      "run_id": summary.runID,
      "outcome": summary.outcome.rawValue,
      "nodes": summary.nodesByType,
      "new_definitions": summary.newDefinitions,
      "recognised_definitions": summary.recognisedDefinitions,
      "manifest_unchanged": summary.reusedManifestVersion,
      "executions": summary.executionsByStatus,
      "non_executing_results": summary.nonExecutingResults,
      "freshness": summary.freshnessByStatus,
      "catalog": ["tables": summary.catalogTables, "columns": summary.catalogColumns],
      "warnings": summary.warnings,
    ]
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

/// An ingest request held only to be freed (``IngestCommand/store(database:creating:request:)``).
private final class Discarded: @unchecked Sendable {
  private var request: IngestRequest?

  init(_ request: IngestRequest) {
    self.request = request
  }

  /// Frees the request's artifacts (on the calling thread), unless another reference
  /// holds them.
  func discard() {
    request = nil
  }
}

/// Another process created the database while this command built it beside its path
/// (``IngestCommand/store(database:creating:request:)``): the run goes into that
/// database instead.
struct DatabaseAppeared: Error {}

/// A failure of the ingest command that is not the store's or the reader's (exit 1).
struct IngestFailure: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
