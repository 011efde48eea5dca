import CLI
import Foundation
import GraphQL
import MetadataStore

@testable import MetadataAPI

/// The sample runs (`sample-runs/`, written by real dbt) loaded once per test process into
/// a database in a temporary directory, and the API over it.
///
/// Account 1 holds every sample run: environments 1 (production) and 2 (staging), jobs
/// 101 nightly, 102 ci, 103 data-quality, 201 staging-nightly, runs 1001-1016 (see
/// `sample-runs/README.md` for the timeline).
enum SampleDatabase {
  /// The repository root, from this file's path.
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `../shared` beside the repository.
  static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")

  /// The loaded API, or the error loading failed with (reported by every test using it).
  static let loaded: Result<MetadataAPI, any Error> = Result {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("metadata-api-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let store = try MetadataStore(path: directory.appendingPathComponent("samples.sqlite").path)
    try SampleRuns.load(
      under: repository.appendingPathComponent("sample-runs").path, into: store)
    return try MetadataAPI(store: store)
  }

  /// The API over the sample runs.
  static func api() throws -> MetadataAPI { try loaded.get() }

  /// Runs `query` for account 1 (or `account`) and returns the response as JSON.
  static func run(
    _ query: String, variables: JSONObject = JSONObject(), account: Int = 1
  ) throws -> ExecutionResult {
    try api().execute(query: query, variables: variables, accountID: account)
  }
}
