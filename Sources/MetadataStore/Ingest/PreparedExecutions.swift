import Artifacts
import Dispatch

/// The execution rows of a request's run_results, as far as they need no database write:
/// computed on another thread while the writer stores the manifest version.
///
/// Why: per result, the store formats four timestamps, compacts the adapter response,
/// looks the unique_id up twice (manifest, node ids) and counts the status; that was about
/// half of the time the writer spent on executions (benchmarks/README.md, "The run after
/// each job"). Done here, on a second core, the transaction only binds and steps. The
/// values are exactly those the writer computed itself before.
final class PreparedExecutions: @unchecked Sendable {
  /// One result's values, in file order.
  struct Row: Sendable {
    /// The node's id when the project held the node as the transaction began; nil: it is
    /// found (a node the manifest version just added) or created when stored.
    let nodeID: Int64?
    /// Whether this run's manifest defines the unique_id.
    let inManifest: Bool
    /// A `success` or `pass` status: the result also moves the node's last success.
    let isSuccess: Bool
    let compileStartedAt: String?
    let compileCompletedAt: String?
    let executeStartedAt: String?
    let executeCompletedAt: String?
    let adapterResponse: String?
  }

  /// One run_results file's rows and its status counts (of executing steps only).
  struct File: Sendable {
    let rows: [Row]
    let statusCounts: [String: Int]
  }

  private let done = DispatchGroup()
  /// Written once on the preparing thread before `done` is left; read after waiting.
  private var files: [File] = []

  /// Starts preparing the rows of `results` (every run_results file of the request, in
  /// order) on the global queue. `nodeIDs` and `manifestIDs` are snapshots: a node missing
  /// from `nodeIDs` is left to the writer.
  init(results: [RunResults], nodeIDs: [String: Int64], manifestIDs: Set<String>) {
    done.enter()
    DispatchQueue.global().async { [self] in
      files = results.map {
        PreparedExecutions.file($0, nodeIDs: nodeIDs, manifestIDs: manifestIDs)
      }
      done.leave()
    }
  }

  /// The prepared rows of the request's `index`th run_results file (waits for them).
  func file(_ index: Int) -> File {
    done.wait()
    return files[index]
  }

  /// Waits until the preparation is over (so no work outlives the ingest).
  func wait() {
    done.wait()
  }

  private static func file(
    _ results: RunResults, nodeIDs: [String: Int64], manifestIDs: Set<String>
  )
    -> File
  {
    let executes = results.step?.executesNodes ?? true
    var counts: [String: Int] = [:]
    var rows: [Row] = []
    rows.reserveCapacity(results.results.count)
    for result in results.results {
      let compile = result.timing.first { $0.name == "compile" }
      let execute = result.timing.first { $0.name == "execute" }
      if executes { counts[result.status ?? "null", default: 0] += 1 }
      rows.append(
        Row(
          nodeID: nodeIDs[result.uniqueID], inManifest: manifestIDs.contains(result.uniqueID),
          isSuccess: result.status.map { Ingester.successStatuses.contains($0) } ?? false,
          compileStartedAt: compile?.startedAt?.canonical,
          compileCompletedAt: compile?.completedAt?.canonical,
          executeStartedAt: execute?.startedAt?.canonical,
          executeCompletedAt: execute?.completedAt?.canonical,
          adapterResponse: JSONText.compact(result.adapterResponse)))
    }
    return File(rows: rows, statusCounts: counts)
  }
}
