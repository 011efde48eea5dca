import Foundation

/// Reading sample-runs artifacts in tests, to check API values against what dbt wrote.
enum SampleArtifacts {
  /// The parsed JSON of `sample-runs/runs/<path>`.
  static func json(_ path: String) throws -> [String: Any] {
    let url = SampleDatabase.repository.appendingPathComponent("sample-runs/runs/\(path)")
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    return object as? [String: Any] ?? [:]
  }

  /// The result of `uniqueID` in a run_results or sources.json file.
  static func result(_ path: String, _ uniqueID: String) throws -> [String: Any] {
    let results = try json(path)["results"] as? [[String: Any]] ?? []
    return results.first { $0["unique_id"] as? String == uniqueID } ?? [:]
  }

  /// An artifact timestamp (`2026-03-09T06:00:53.576062Z`, `2026-03-09T04:00:00+00:00`) in
  /// the API's DateTime form (`2026-03-09T06:00:53.576Z`).
  static func apiTime(_ text: Any?) -> String? {
    guard let text = text as? String, text.count >= 19 else { return nil }
    let base = String(text.prefix(19))
    var fraction = ""
    if text.count > 20, Array(text)[19] == "." {
      fraction = String(text.dropFirst(20).prefix { $0.isNumber })
    }
    return base + "." + String((fraction + "000").prefix(3)) + "Z"
  }
}
