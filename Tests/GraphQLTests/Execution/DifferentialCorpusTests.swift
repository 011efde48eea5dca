import Foundation
import Testing

@testable import GraphQL

/// One document of Golden/Execution/corpus.txt.
struct CorpusEntry: Sendable, CustomTestStringConvertible {
  let name: String
  let peer: String
  let document: String
  let variables: JSONValue?
  let operationName: String?
  var testDescription: String { name }

  /// Reads the corpus (format in corpus.js).
  static func load() throws -> [CorpusEntry] {
    let text = try EngineFixtures.text("Golden/Execution/corpus.txt")
    var entries: [CorpusEntry] = []
    var header: String?
    var lines: [Substring] = []
    func flush() throws {
      guard let header else { return }
      while lines.last?.isEmpty == true { lines.removeLast() }
      let parts = header.dropFirst(4).components(separatedBy: " | ")
      var name = parts[0].trimmingCharacters(in: .whitespaces)
      var peer = "js"
      if name.hasPrefix("core:") {
        peer = "core"
        name = String(name.dropFirst(5))
      }
      let variables = parts.count > 1 ? try JSONParser.parse(parts[1]) : nil
      let operation = parts.count > 2 ? parts[2].trimmingCharacters(in: .whitespaces) : nil
      entries.append(
        CorpusEntry(
          name: name, peer: peer, document: lines.joined(separator: "\n"),
          variables: variables, operationName: operation))
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("--- ") {
        try flush()
        header = String(line)
        lines = []
      } else if header != nil {
        lines.append(line)
      }
    }
    try flush()
    return entries
  }

  static let all: [CorpusEntry] = (try? load()) ?? []
}

/// The differential corpus: validation errors and execution results of this engine equal
/// graphql-js 16.6's (golden-js.json, record.js) or graphql-core 3.2's (golden-core.json,
/// record.py) on the same schema, data and resolvers.
@Suite struct DifferentialCorpusTests {
  static let goldens: [String: JSONValue] = {
    var all: [String: JSONValue] = [:]
    for file in ["golden-js.json", "golden-core.json"] {
      if case .object(let object)? = try? EngineFixtures.json("Golden/Execution/\(file)") {
        for (key, value) in object { all[key] = value }
      }
    }
    return all
  }()

  @Test func corpusCoversEveryRuleWithAtLeast300Documents() throws {
    let entries = try CorpusEntry.load()
    #expect(entries.count >= 300)
    #expect(Set(entries.map(\.name)).count == entries.count)
    for rule in SpecifiedRules.all {
      let prefix = String(describing: rule).replacingOccurrences(of: "Rule", with: "")
      let invalid = entries.filter { entry in
        entry.name.hasPrefix(prefix + "/") && Self.goldens[entry.name]?["validation"] != nil
      }
      #expect(!invalid.isEmpty, "no failing document for \(rule)")
    }
  }

  @Test(arguments: CorpusEntry.all)
  func matchesReferenceImplementation(entry: CorpusEntry) throws {
    let golden = try #require(Self.goldens[entry.name], "no golden for \(entry.name)")
    let schema = try TestSchema.make(withOneOf: entry.peer == "core")
    let source = Source(entry.document)
    let document: Document
    do {
      document = try parse(source)
    } catch {
      #expect(golden["syntaxError"] == Self.errorJSON(error, withPath: false))
      return
    }
    let errors = validate(schema: schema, document: document, source: source)
    if let expected = golden["validation"] {
      #expect(JSONValue.list(errors.map { Self.errorJSON($0, withPath: false) }) == expected)
      return
    }
    #expect(errors.isEmpty, "unexpected validation errors: \(errors)")
    guard errors.isEmpty else { return }
    let result = execute(
      schema: schema, document: document, source: source, operationName: entry.operationName,
      variables: entry.variables?.objectValue ?? JSONObject())
    #expect(result.toJSON() == golden["result"])
  }

  static func errorJSON(_ error: GraphQLError, withPath: Bool) -> JSONValue {
    var object = JSONObject()
    object.append("message", .string(error.message))
    if !error.locations.isEmpty {
      object.append(
        "locations",
        .list(
          error.locations.map {
            .object(JSONObject([("line", .int($0.line)), ("column", .int($0.column))]))
          }))
    }
    if withPath && !error.path.isEmpty { object.append("path", error.toJSON()["path"] ?? .null) }
    return .object(object)
  }
}
