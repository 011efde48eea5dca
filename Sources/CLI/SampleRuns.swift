import Foundation
import MetadataStore

/// Loading `sample-runs/` (artifacts written by real dbt) into a store: what `demo` does
/// before it lists or serves, and what tests of the layers above the store start from.
public enum SampleRuns {
  /// Reads every run folder under `root` into ingest requests, in run id order; every
  /// `run.json` and artifact is read and checked here, before any store is touched.
  ///
  /// - Throws: ``IngestFailure`` naming the file and field for a bad `run.json` or an
  ///   unreadable artifact, or when `root` holds no run folder.
  public static func read(under root: String) throws -> [IngestRequest] {
    let runs = try SampleRun.all(under: root)
    guard !runs.isEmpty else {
      throw IngestFailure(message: "\(root): no run folders (run.json) found")
    }
    return try runs.map { try $0.request() }
  }

  /// Ingests the requests in order, one transaction each, and answers how many were
  /// stored now (the others were already there: loading twice changes nothing).
  @discardableResult
  public static func ingest(_ requests: [IngestRequest], into store: MetadataStore) throws -> Int {
    var stored = 0
    for request in requests where try store.ingest(request).outcome != .unchanged {
      stored += 1
    }
    return stored
  }

  /// ``read(under:)`` then ``ingest(_:into:)``.
  @discardableResult
  public static func load(under root: String, into store: MetadataStore) throws -> Int {
    try ingest(read(under: root), into: store)
  }
}
