import Foundation

/// Makes a manifest the readers refuse from a good one, for the tests of more than one
/// module (the artifact stream's and the ingest command's).
public enum RefusedManifest {
  /// Why a manifest could not be made from `manifest` (not the JSON this expects).
  public struct Unexpected: Error, CustomStringConvertible {
    public let description: String
  }

  /// Writes `manifest` to `path` with the `unique_id` inside its last doc (by key) made a
  /// number: a definition refused near the end of the file, after every other one mapped.
  public static func writeWithLastDocCorrupt(of manifest: String, into path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: manifest))
    guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      var docs = object["docs"] as? [String: Any], let last = docs.keys.sorted().last,
      var doc = docs[last] as? [String: Any]
    else {
      throw Unexpected(description: "\(manifest): expected a manifest with at least one doc")
    }
    doc["unique_id"] = 7
    docs[last] = doc
    object["docs"] = docs
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
  }
}
