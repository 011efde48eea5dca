import Artifacts
import Foundation
import SQLite

@testable import MetadataStore

/// Paths and helpers shared by the store's tests.
enum Fixtures {
  /// `shared/artifacts/public`, found from this file: the repository root is three levels
  /// up, and `shared/` sits beside it.
  static let publicArtifacts: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/artifacts/public").standardizedFileURL

  /// One folder's artifacts as the runs they make: a folder is one run, except that a
  /// folder holding two catalogs (or two manifests...) makes one run per extra file.
  struct ArtifactSet: CustomStringConvertible, Sendable {
    let folder: String
    let manifest: String?
    let runResults: [String]
    let sources: String?
    let catalog: String?
    var description: String { folder }
  }

  /// Every artifact set under `public/` (computed once per test process).
  static func publicSets() throws -> [ArtifactSet] { try cachedSets.get() }

  private static let cachedSets = Result { try findPublicSets() }

  /// Every artifact set under `public/`, grouped by folder, the kind read from each file.
  private static func findPublicSets() throws -> [ArtifactSet] {
    var byFolder: [String: [String]] = [:]
    let root = publicArtifacts.path
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
    for case let relative as String in enumerator where relative.hasSuffix(".json") {
      let folder = (relative as NSString).deletingLastPathComponent
      byFolder[folder, default: []].append(root + "/" + relative)
    }
    var sets: [ArtifactSet] = []
    for (folder, files) in byFolder.sorted(by: { $0.key < $1.key }) {
      var manifests: [String] = []
      var results: [String] = []
      var sources: [String] = []
      var catalogs: [String] = []
      for file in files.sorted() {
        switch try ArtifactReader.readHeader(file: file).kind {
        case .manifest: manifests.append(file)
        case .runResults: results.append(file)
        case .sources: sources.append(file)
        case .catalog: catalogs.append(file)
        }
      }
      let count = max(1, manifests.count, sources.count, catalogs.count)
      for index in 0..<count {
        sets.append(
          ArtifactSet(
            folder: count == 1 ? folder : "\(folder)#\(index)",
            manifest: index < manifests.count ? manifests[index] : nil,
            runResults: index == 0 ? results : [],
            sources: index < sources.count ? sources[index] : nil,
            catalog: index < catalogs.count ? catalogs[index] : nil))
      }
    }
    return sets
  }

  /// An ingest request for a set under account 1, project 1, environment 1, job 1.
  static func request(
    _ set: ArtifactSet, project: Int = 1, environment: Int = 1, job: Int = 1
  ) throws -> IngestRequest {
    IngestRequest(
      accountID: 1, projectID: project, environmentID: environment, jobID: job,
      manifest: try set.manifest.map {
        NamedArtifact(file: $0, value: try ArtifactReader.readManifest(file: $0))
      },
      runResults: try set.runResults.map {
        NamedArtifact(file: $0, value: try ArtifactReader.readRunResults(file: $0))
      },
      sources: try set.sources.map {
        NamedArtifact(file: $0, value: try ArtifactReader.readSources(file: $0))
      },
      catalog: try set.catalog.map {
        NamedArtifact(file: $0, value: try ArtifactReader.readCatalog(file: $0))
      })
  }

  /// The set in `folder` (relative to `public/`).
  static func set(_ folder: String) throws -> ArtifactSet {
    guard let found = try publicSets().first(where: { $0.folder == folder }) else {
      throw FixtureError(message: "no artifact set \(folder)")
    }
    return found
  }

  struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }
}
