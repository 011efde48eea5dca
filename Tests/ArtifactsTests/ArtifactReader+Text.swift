@testable import Artifacts

extension ArtifactReader {
  /// Reads run results from text (tests).
  static func readRunResults(bytes text: String) throws -> RunResults {
    guard case .runResults(let value) = try read(bytes: Array(text.utf8), name: "run_results.json")
    else { throw ArtifactError(file: "run_results.json", reason: .unknownKind(found: "other")) }
    return value
  }
}
