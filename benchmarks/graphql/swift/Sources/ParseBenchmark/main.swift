// Parses each input with this project's parser and with GraphQLSwift's, and prints one JSON
// line per (parser, input) with the throughput: run.sh collects them with the node and
// python runners' lines into one table.
//
//   swift run -c release ParseBenchmark INPUT...
import Foundation
import GraphQL
import GraphQLSwift

/// Runs `body` in batches for about `seconds`, returning the best batch's seconds per call.
func measure(seconds: Double = 1.5, _ body: () throws -> Void) rethrows -> Double {
  var iterations = 1
  // Grow the batch until it takes at least 20 ms.
  while true {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations { try body() }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    if elapsed >= 0.02 { break }
    iterations *= 2
  }
  var best = Double.infinity
  let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
  repeat {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations { try body() }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    best = min(best, elapsed / Double(iterations))
  } while DispatchTime.now().uptimeNanoseconds < deadline
  return best
}

func report(parser: String, input: String, bytes: Int, secondsPerParse: Double) {
  let mbps = Double(bytes) / secondsPerParse / 1e6
  print(
    "{\"parser\": \"\(parser)\", \"input\": \"\(input)\", \"bytes\": \(bytes), "
      + "\"microseconds\": \(secondsPerParse * 1e6), \"mbps\": \(mbps)}")
}

// `PARSE_BENCHMARK_ONLY=dbt-metadata` or `PARSE_BENCHMARK_ONLY=GraphQLSwift` measures one side
// only (run.sh runs each side in its own process, in an order that alternates between rounds),
// and `PARSE_BENCHMARK_ITERATIONS=N`
// parses each input exactly N times and prints nothing (for `perf stat`, whose instruction
// counts stay meaningful on a busy machine where timings do not).
let only = ProcessInfo.processInfo.environment["PARSE_BENCHMARK_ONLY"]
if let count = ProcessInfo.processInfo.environment["PARSE_BENCHMARK_ITERATIONS"].flatMap(Int.init) {
  for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else { exit(1) }
    let bytes = Array(data)
    for _ in 0..<count {
      _ = try? GraphQL.parse(GraphQL.Source(bytes: bytes, name: path))
    }
  }
  exit(0)
}

for path in CommandLine.arguments.dropFirst() {
  let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
  guard let data = FileManager.default.contents(atPath: path),
    let text = String(data: data, encoding: .utf8)
  else {
    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
    exit(1)
  }
  let bytes = Array(data)
  do {
    // This project: from bytes (what the server gets from a request body).
    if only != "GraphQLSwift" {
      let ours = try measure {
        _ = try GraphQL.parse(GraphQL.Source(bytes: bytes, name: name))
      }
      report(parser: "dbt-metadata", input: name, bytes: bytes.count, secondsPerParse: ours)
    }
    if only == "dbt-metadata" { continue }
    // GraphQLSwift 4.3.0: from a String (its API).
    let peer = try measure {
      _ = try GraphQLSwift.parse(source: GraphQLSwift.Source(body: text, name: name))
    }
    report(parser: "GraphQLSwift", input: name, bytes: bytes.count, secondsPerParse: peer)
  } catch {
    FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
    exit(1)
  }
}
