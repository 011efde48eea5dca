// The metadata API benchmark's Swift side (../run.sh): answers each query file N times
// in-process, from the query text to the response bytes (MetadataAPI.execute, then the
// compact JSON text as UTF-8), and prints one JSON line per query: p50 and p99 latency,
// the first answer's latency (document parse and cache fill included),
// the response's size and resolved fields (every object field of the response, leaf or
// not), fields per second at the p50 latency, the SQL statements one answer runs (the
// store's read statement count), and the document cache's statistics.
//
//   APIBenchmark DB VARIABLES_JSON SECONDS MAX_ITERATIONS QUERY_FILE...
//
// Each query runs 3 warm-up times, then until SECONDS have passed or MAX_ITERATIONS
// (at least 5). OUTPUT_DIR=path writes each response to path/NAME.json for comparison.
//
// The applied-state cache builds an environment's state off the request thread after the
// first answer (APPLIED_STATE_BUILDING=background, the default; inline: the first answer
// builds it, the behaviour before background builds; never: every answer by SQL). After
// the first answer the program waits for that build (state_wait_ms), so the statement count
// and the timed answers are those of a ready state; the line says how many timed answers
// read the state and how many read SQL (timed_state_reads, timed_sql_reads), and how long
// the last build took (build_ms).
import Foundation
import GraphQL
import MetadataAPI
import MetadataStore

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(1)
}

/// Every field of every object in `value` (object fields count once, whatever their value).
func fieldCount(_ value: JSONValue) -> Int {
  switch value {
  case .object(let object):
    var count = 0
    for (_, member) in object { count += 1 + fieldCount(member) }
    return count
  case .list(let items): return items.reduce(0) { $0 + fieldCount($1) }
  default: return 0
  }
}

/// The nearest-rank percentile of sorted samples.
func percentile(_ sorted: [Double], _ p: Double) -> Double {
  let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
  return sorted[max(0, min(sorted.count - 1, rank - 1))]
}

let arguments = CommandLine.arguments
guard arguments.count >= 6, let seconds = Double(arguments[3]),
  let maxIterations = Int(arguments[4])
else { fail("usage: APIBenchmark DB VARIABLES_JSON SECONDS MAX_ITERATIONS QUERY_FILE...") }
guard case .object(let variables)? = try? JSONParser.parse(arguments[2]) else {
  fail("VARIABLES_JSON must be a JSON object")
}
let outputDirectory = ProcessInfo.processInfo.environment["OUTPUT_DIR"]

do {
  let store = try MetadataStore(path: arguments[1], create: false)
  let building: AppliedStateBuilding
  switch ProcessInfo.processInfo.environment["APPLIED_STATE_BUILDING"] ?? "background" {
  case "background": building = .background
  case "inline": building = .inline
  case "never": building = .never
  case let other: fail("APPLIED_STATE_BUILDING must be background, inline or never, not \(other)")
  }
  let api = try MetadataAPI(store: store, appliedStateBuilding: building)
  for path in arguments[5...] {
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    let query = try String(contentsOfFile: path, encoding: .utf8)
    func answer() -> [UInt8] {
      api.execute(query: query, variables: variables, accountID: 1).serializedBytes()
    }
    // The first answer of the process: parses the document and fills the API's caches
    // (lineage graph, execution cells), as the first request after a start or an ingest.
    let firstStart = DispatchTime.now().uptimeNanoseconds
    let first = api.execute(query: query, variables: variables, accountID: 1)
    let firstMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - firstStart) / 1e6
    if !first.errors.isEmpty { fail("\(name): \(first.serialized().prefix(500))") }
    let fields = fieldCount(first.data ?? .null)
    // The state build the first answer started (if any) is done before anything else is
    // measured: its statements are not the answer's, and the timed answers read the state.
    let waitStart = DispatchTime.now().uptimeNanoseconds
    api.waitForAppliedStateBuilds()
    let waitMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - waitStart) / 1e6
    // SQL statements one answer runs (after the first, which may fill caches).
    let statementsBefore = store.readStatementCount
    _ = api.execute(query: query, variables: variables, accountID: 1)
    let statements = store.readStatementCount - statementsBefore
    var bytes = answer()
    if let outputDirectory {
      FileManager.default.createFile(
        atPath: "\(outputDirectory)/\(name).json", contents: Data(bytes))
    }
    for _ in 0..<2 { bytes = answer() }
    var samples: [Double] = []
    let statesBefore = api.appliedStateStatistics
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
    while samples.count < 5
      || (samples.count < maxIterations && DispatchTime.now().uptimeNanoseconds < deadline)
    {
      let start = DispatchTime.now().uptimeNanoseconds
      bytes = answer()
      samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    samples.sort()
    let statesAfter = api.appliedStateStatistics
    let p50 = percentile(samples, 50)
    let statistics = api.documentCacheStatistics
    let line: JSONValue = .object(
      JSONObject([
        ("side", .string("swift")), ("query", .string(name)), ("iterations", .int(samples.count)),
        ("p50_ms", .double(p50)), ("p99_ms", .double(percentile(samples, 99))),
        ("first_ms", .double(firstMilliseconds)),
        ("bytes", .int(bytes.count)), ("fields", .int(fields)), ("statements", .int(statements)),
        ("fields_per_s", .double(Double(fields) / (p50 / 1000))),
        ("cache_hits", .int(statistics.hits)), ("cache_misses", .int(statistics.misses)),
        ("state_wait_ms", .double(waitMilliseconds)),
        ("build_ms", statesAfter.lastBuildMilliseconds.map(JSONValue.double) ?? .null),
        ("timed_state_reads", .int(statesAfter.stateReads - statesBefore.stateReads)),
        ("timed_sql_reads", .int(statesAfter.sqlReads - statesBefore.sqlReads)),
      ]))
    print(line.serialized())
  }
} catch {
  fail("\(error)")
}
