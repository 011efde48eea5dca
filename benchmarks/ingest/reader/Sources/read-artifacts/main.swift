// Usage: read-artifacts FILE...
// Reads each artifact with ArtifactReader (parse + map + content hashes) and prints one
// line per file: bytes, seconds, MB/s and what was read. Peak RSS is measured outside
// (run.sh uses /usr/bin/time -v).
import Artifacts
import Foundation

func now() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

var status: Int32 = 0
for path in CommandLine.arguments.dropFirst() {
  let start = now()
  do {
    let artifact = try ArtifactReader.read(file: path)
    let seconds = now() - start
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    let what: String
    switch artifact {
    case .manifest(let manifest):
      // Touch what an ingester stores: compact JSON of every node.
      var stored = 0
      for node in manifest.nodes { stored += node.json.compactBytes.count }
      what =
        "manifest v\(manifest.header.schemaVersion): \(manifest.nodes.count) definitions, \(stored) compact bytes"
    case .runResults(let results):
      what = "run-results v\(results.header.schemaVersion): \(results.results.count) results"
    case .sources(let sources):
      what = "sources v\(sources.header.schemaVersion): \(sources.results.count) results"
    case .catalog(let catalog):
      what =
        "catalog v\(catalog.header.schemaVersion): \(catalog.nodes.count + catalog.sources.count) tables"
    }
    let total = now() - start
    if ProcessInfo.processInfo.environment["LAYOUT"] != nil,
      let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    {
      print(
        status.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
          .joined(separator: " "))
    }
    print(
      String(
        format: "%@\t%d bytes\tread %.3f s\t(with compaction %.3f s)\t%.1f MB/s\t%@", path, size,
        seconds,
        total, Double(size) / 1e6 / seconds, what))
  } catch {
    print("error: \(error)")
    status = 1
  }
}

// Phase breakdown (set PHASES=1): parse only, canonical hashing only, SHA-256 only.
if ProcessInfo.processInfo.environment["PHASES"] != nil,
  let path = CommandLine.arguments.dropFirst().first
{
  let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
  var start = now()
  let document = try JSONDocument(bytes: bytes, name: path)
  print(String(format: "parse %.3f s (%d values)", now() - start, document.valueCount))
  start = now()
  var canonicalBytes = 0
  for collection in ["nodes", "sources", "macros"] {
    guard let value = document.root[collection] else { continue }
    for member in value.members {
      canonicalBytes += CanonicalJSON.canonicalBytes(of: member.value).count
    }
  }
  print(String(format: "canonical forms %.3f s (%d bytes)", now() - start, canonicalBytes))
  start = now()
  _ = SHA256.hexDigest(of: bytes)
  print(String(format: "sha256 of the file %.3f s", now() - start))
}
if ProcessInfo.processInfo.environment["LAYOUT"] != nil {
  print(
    "ManifestNode \(MemoryLayout<ManifestNode>.stride) NodeConfig \(MemoryLayout<NodeConfig>.stride) NodeColumn \(MemoryLayout<NodeColumn>.stride) RawJSON \(MemoryLayout<RawJSON>.stride) RunResult \(MemoryLayout<RunResult>.stride)"
  )
}
exit(status)
