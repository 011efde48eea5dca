// Executes a list query of 500 items with 30 resolved fields each (15,000 resolved fields)
// over in-memory data with this project's engine and with GraphQLSwift 4.3.0, validates the
// standard introspection query against the service schema, and times the denial-of-service
// documents in a release build. Prints one JSON line per measurement; execute.sh adds the
// graphql-js and graphql-core lines and prints the table.
//
//   swift run -c release ExecuteBenchmark INPUTS_DIR SERVICE_SCHEMA
//
// `EXECUTE_BENCHMARK_ONLY=dbt-metadata`, `=GraphQLSwift` or `=dos` runs one part only:
// execute.sh runs each side in its own process, in an order that alternates between rounds.
import Foundation
import GraphQL
import GraphQLSwift

/// Runs `body` in batches for about `seconds`, returning the best batch's seconds per call.
func measure(seconds: Double = 2, _ body: () throws -> Void) rethrows -> Double {
  var iterations = 1
  while true {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations { try body() }
    if Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 >= 0.05 { break }
    iterations *= 2
  }
  var best = Double.infinity
  let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
  repeat {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations { try body() }
    best = min(
      best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(iterations))
  } while DispatchTime.now().uptimeNanoseconds < deadline
  return best
}

/// The async variant, for GraphQLSwift (whose executor is async).
func measureAsync(seconds: Double = 2, _ body: () async throws -> Void) async rethrows -> Double {
  var iterations = 1
  while true {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations { try await body() }
    if Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 >= 0.05 { break }
    iterations *= 2
  }
  var best = Double.infinity
  let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
  repeat {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations { try await body() }
    best = min(
      best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(iterations))
  } while DispatchTime.now().uptimeNanoseconds < deadline
  return best
}

func report(_ engine: String, _ task: String, seconds: Double, fields: Int? = nil) {
  var line = "{\"engine\": \"\(engine)\", \"task\": \"\(task)\", \"microseconds\": \(seconds * 1e6)"
  if let fields { line += ", \"ns_per_field\": \(seconds * 1e9 / Double(fields))" }
  print(line + "}")
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(1)
}

let only = ProcessInfo.processInfo.environment["EXECUTE_BENCHMARK_ONLY"]
/// Whether this process measures `side` (every side when EXECUTE_BENCHMARK_ONLY is unset).
func runs(_ side: String) -> Bool { only == nil || only == side }

let arguments = CommandLine.arguments
guard arguments.count == 3 else { fail("usage: ExecuteBenchmark INPUTS_DIR SERVICE_SCHEMA") }
let inputs = arguments[1]
func read(_ path: String) -> String {
  guard let data = FileManager.default.contents(atPath: path),
    let text = String(data: data, encoding: .utf8)
  else { fail("cannot read \(path)") }
  return text
}
let sdl = read(inputs + "/execute-schema.graphql")
let queryText = read(inputs + "/execute-query.graphql")
let introspectionText = read(inputs + "/introspection.graphql")
let serviceSDL = read(arguments[2])

// MARK: - Data: 500 items, the same values in every engine.

final class Item: Sendable {
  let strings: [String]
  let ints: [Int]
  let floats: [Double]
  let bools: [Bool]
  init(_ n: Int) {
    strings = (0..<10).map { "item \(n) string \($0)" }
    ints = (0..<10).map { n * 10 + $0 }
    floats = (0..<5).map { Double(n) + Double($0) / 4 }
    bools = (0..<5).map { (n + $0) % 2 == 0 }
  }
}
let items = (0..<500).map(Item.init)
let resolvedFields = 500 * 30 + 1

// MARK: - This project's engine

if runs("dbt-metadata") {
  do {
    let schema = try GraphQL.GraphQLSchema(sdl: sdl)
    try schema.setResolver("Query", "items") { _, _, _, _ in items }
    for k in 0..<10 {
      try schema.setResolver("Item", "s\(k)", as: Item.self) { item, _, _, _ in item.strings[k] }
      try schema.setResolver("Item", "i\(k)", as: Item.self) { item, _, _, _ in item.ints[k] }
    }
    for k in 0..<5 {
      try schema.setResolver("Item", "f\(k)", as: Item.self) { item, _, _, _ in item.floats[k] }
      try schema.setResolver("Item", "b\(k)", as: Item.self) { item, _, _, _ in item.bools[k] }
    }
    let source = GraphQL.Source(queryText)
    let document = try GraphQL.parse(source)
    guard GraphQL.validate(schema: schema, document: document, source: source).isEmpty else {
      fail("benchmark query is invalid")
    }
    let check = GraphQL.execute(schema: schema, document: document, source: source)
    guard check.errors.isEmpty, check.data?["items"]?.listValue?.count == 500 else {
      fail("bad result")
    }
    let execute = measure {
      _ = GraphQL.execute(schema: schema, document: document, source: source)
    }
    report("dbt-metadata", "execute", seconds: execute, fields: resolvedFields)
    let json = measure {
      _ = GraphQL.execute(schema: schema, document: document, source: source).serialized()
    }
    report("dbt-metadata", "execute+json", seconds: json, fields: resolvedFields)
    let request = measure { _ = GraphQL.graphql(schema: schema, request: queryText).serialized() }
    report("dbt-metadata", "request", seconds: request, fields: resolvedFields)

    // Validation of the standard introspection query against the service schema.
    let service = try GraphQL.GraphQLSchema(sdl: serviceSDL, scalars: GraphQL.ScalarCoercion.common)
    let introspectionSource = GraphQL.Source(introspectionText)
    let introspection = try GraphQL.parse(introspectionSource)
    let validateSeconds = measure {
      _ = GraphQL.validate(schema: service, document: introspection, source: introspectionSource)
    }
    report("dbt-metadata", "validate-introspection", seconds: validateSeconds)
    let introspect = measure {
      _ = GraphQL.execute(schema: service, document: introspection, source: introspectionSource)
        .serialized()
    }
    report("dbt-metadata", "execute-introspection", seconds: introspect)
  } catch {
    fail("dbt-metadata: \(error)")
  }
}

// MARK: - GraphQLSwift 4.3.0

if runs("GraphQLSwift") {
  do {
    func field(
      _ type: GraphQLSwift.GraphQLOutputType, _ read: @escaping @Sendable (Item) -> any Sendable
    )
      -> GraphQLSwift.GraphQLField
    {
      GraphQLSwift.GraphQLField(type: type) { source, _, _, _ in
        guard let item = source as? Item else { return nil }
        return read(item)
      }
    }
    var fields: GraphQLSwift.GraphQLFieldMap = [:]
    for k in 0..<10 {
      fields["s\(k)"] = field(GraphQLSwift.GraphQLString) { $0.strings[k] }
      fields["i\(k)"] = field(GraphQLSwift.GraphQLInt) { $0.ints[k] }
    }
    for k in 0..<5 {
      fields["f\(k)"] = field(GraphQLSwift.GraphQLFloat) { $0.floats[k] }
      fields["b\(k)"] = field(GraphQLSwift.GraphQLBoolean) { $0.bools[k] }
    }
    let itemType = try GraphQLSwift.GraphQLObjectType(name: "Item", fields: fields)
    let queryType = try GraphQLSwift.GraphQLObjectType(
      name: "Query",
      fields: [
        "items": GraphQLSwift.GraphQLField(
          type: GraphQLSwift.GraphQLNonNull(
            GraphQLSwift.GraphQLList(GraphQLSwift.GraphQLNonNull(itemType)))
        ) { _, _, _, _ in items }
      ])
    let schema = try GraphQLSwift.GraphQLSchema(query: queryType)
    let document = try GraphQLSwift.parse(
      source: GraphQLSwift.Source(body: queryText, name: "query"))
    let check = try await GraphQLSwift.execute(
      schema: schema, documentAST: document, rootValue: (), context: ())
    guard check.errors.isEmpty else { fail("GraphQLSwift: \(check.errors)") }
    let execute = try await measureAsync {
      _ = try await GraphQLSwift.execute(
        schema: schema, documentAST: document, rootValue: (), context: ())
    }
    report("GraphQLSwift", "execute", seconds: execute, fields: resolvedFields)

    let service = try GraphQLSwift.buildSchema(source: serviceSDL)
    let introspection = try GraphQLSwift.parse(
      source: GraphQLSwift.Source(body: introspectionText, name: "q"))
    let validateSeconds = measure {
      _ = GraphQLSwift.validate(schema: service, ast: introspection)
    }
    report("GraphQLSwift", "validate-introspection", seconds: validateSeconds)
  } catch {
    fail("GraphQLSwift: \(error)")
  }
}

// MARK: - Denial-of-service documents, through this engine's request path (release timings).

if runs("dos") {
  do {
    let testSchema = try GraphQL.GraphQLSchema(
      sdl: """
        type Dog { name: String nickname: String mother: Dog }
        type Query { dog: Dog echoList(values: [Int]): [Int] }
        """)
    try testSchema.setResolver("Query", "echoList") { _, arguments, _, _ in arguments["values"] }
    let inline = String(repeating: "... on Dog { name } ", count: 100)
    let fragments = (0..<200).map { "fragment F\($0) on Dog { \(inline) }" }.joined(separator: "\n")
    let spreads = (0..<200).map { "...F\($0)" }.joined(separator: " ")
    let cycle = (0..<1000).map { "fragment C\($0) on Dog { name ...C\(($0 + 1) % 1000) }" }.joined(
      separator: "\n")
    var exponential = (0..<40).map {
      "fragment E\($0) on Dog { mother { ...E\($0 + 1) ...E\($0 + 1) } }"
    }
    exponential.append("fragment E40 on Dog { name }")
    let cases: [(String, String, QueryLimits, JSONObject)] = [
      (
        "2000 repeated fields", "{ dog { " + String(repeating: "name ", count: 2000) + "} }",
        QueryLimits(), [:]
      ),
      (
        "200 fragments x 100 inline fragments (request path: token limit)",
        "{ dog { \(spreads) } }\n" + fragments, QueryLimits(), [:]
      ),
      (
        "200 fragments x 100 inline fragments (no token limit)",
        "{ dog { \(spreads) } }\n" + fragments, QueryLimits(maxTokens: 10_000_000), [:]
      ),
      (
        "3000 conflicting aliases",
        "{ dog { "
          + (0..<3000).map { $0 % 2 == 0 ? "x: name" : "x: nickname" }.joined(separator: " ")
          + " } }", QueryLimits(maxTokens: 100_000), [:]
      ),
      ("1000-fragment cycle", "{ dog { ...C0 } }\n" + cycle, QueryLimits(), [:]),
      (
        "fragments spread 2^40 times", "{ dog { ...E0 } }\n" + exponential.joined(separator: "\n"),
        QueryLimits(), [:]
      ),
      (
        "depth 10,000",
        String(repeating: "{ dog ", count: 10_000) + String(repeating: "}", count: 10_000),
        QueryLimits(maxTokens: 1_000_000), [:]
      ),
      (
        "100,000 tokens", "{ dog { " + String(repeating: "name ", count: 100_000) + "} }",
        QueryLimits(), [:]
      ),
      (
        "alias bomb (1000 aliases)",
        "{ " + (0..<1000).map { "a\($0): dog { name }" }.joined(separator: " ") + " }",
        QueryLimits(),
        [:]
      ),
      (
        "3000 variable definitions",
        "query (" + (0..<3000).map { "$v\($0): Int" }.joined(separator: ", ")
          + ") { dog { name } }",
        QueryLimits(), [:]
      ),
      (
        "200,000-element list variable", "query ($v: [Int]) { echoList(values: $v) }",
        QueryLimits(),
        ["v": .list((0..<200_000).map { .int($0) })]
      ),
    ]
    for (name, document, limits, variables) in cases {
      let seconds = measure(seconds: 0.5) {
        _ = GraphQL.graphql(
          schema: testSchema, request: document, variables: variables, limits: limits)
      }
      let answer = GraphQL.graphql(
        schema: testSchema, request: document, variables: variables, limits: limits)
      let outcome = answer.errors.first.map { String($0.message.prefix(70)) } ?? "result"
      print(
        "{\"engine\": \"dbt-metadata\", \"task\": \"dos\", \"case\": \(JSONValue.string(name).serialized()), "
          + "\"microseconds\": \(seconds * 1e6), \"answer\": \(JSONValue.string(outcome).serialized())}"
      )
    }
  } catch {
    fail("dos: \(error)")
  }
}
