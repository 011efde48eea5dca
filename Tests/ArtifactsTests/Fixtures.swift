import Foundation

/// Paths to the shared, read-only real artifacts.
///
/// The repository root is three levels up from this file (Tests/ArtifactsTests/x.swift);
/// `shared/` sits beside it (in the team's worktrees and in CI's clone alike).
enum Fixtures {
  static let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  static let publicArtifacts: String = {
    URL(fileURLWithPath: repositoryRoot + "/../shared/artifacts/public").standardizedFileURL.path
  }()

  /// `shared/artifacts/public/<relative>`.
  static func path(_ relative: String) -> String {
    publicArtifacts + "/" + relative
  }

  /// Every `*.json` under the public artifacts, relative paths, sorted.
  static func allPublicJSON() -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: publicArtifacts) else { return [] }
    var files: [String] = []
    while let next = walker.nextObject() as? String {
      if next.hasSuffix(".json") { files.append(next) }
    }
    return files.sorted()
  }

  /// A fresh temporary directory for one test.
  static func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "artifacts-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
