import Foundation

/// Counts read from the artifacts' JSON with Foundation, independently of the Artifacts
/// module: enabled definitions by resource type, results by status, freshness by status,
/// catalog tables and columns.
struct IndependentCounts {
  var nodesByType: [String: Int] = [:]
  var resultsByStatus: [String: Int] = [:]
  var freshnessByStatus: [String: Int] = [:]
  var catalogTables = 0
  var catalogColumns = 0

  init(_ set: Fixtures.ArtifactSet) throws {
    if let manifest = set.manifest {
      let json = try Self.object(manifest)
      let collections: [(String, String?)] = [
        ("nodes", nil), ("sources", "source"), ("exposures", "exposure"),
        ("metrics", "metric"), ("macros", "macro"), ("docs", "doc"),
        ("semantic_models", "semantic_model"), ("saved_queries", "saved_query"),
        ("unit_tests", "unit_test"), ("groups", "group"), ("functions", "function"),
      ]
      var seen = Set<String>()
      for (key, defaultType) in collections {
        guard let entries = json[key] as? [String: Any] else { continue }
        for (id, value) in entries {
          guard let node = value as? [String: Any], seen.insert(id).inserted else { continue }
          let type = (node["resource_type"] as? String) ?? defaultType ?? "unknown"
          nodesByType[type, default: 0] += 1
        }
      }
    }
    for file in set.runResults {
      for result in try Self.object(file)["results"] as? [[String: Any]] ?? [] {
        let status = result["status"] as? String ?? "null"
        resultsByStatus[status, default: 0] += 1
      }
    }
    if let sources = set.sources {
      for result in try Self.object(sources)["results"] as? [[String: Any]] ?? [] {
        freshnessByStatus[result["status"] as? String ?? "null", default: 0] += 1
      }
    }
    if let catalog = set.catalog {
      let json = try Self.object(catalog)
      for key in ["nodes", "sources"] {
        for (_, table) in json[key] as? [String: Any] ?? [:] {
          catalogTables += 1
          catalogColumns += ((table as? [String: Any])?["columns"] as? [String: Any])?.count ?? 0
        }
      }
    }
  }

  static func object(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }
}
