import Foundation
import Testing

@testable import GraphQL

/// The differential corpus: graphql-js's answers, recorded by
/// `Tests/GraphQLTests/Golden/Language/record.js` into `golden.json`, against ours.
@Suite struct DifferentialTests {
  struct Golden: Decodable {
    let recordedWith: String
    let cases: [Case]
  }

  struct Case: Decodable {
    let name: String
    let source: String
    let result: Answer
    let deviation: String?
  }

  struct Answer: Decodable {
    let printed: String?
    let error: RecordedError?
  }

  struct RecordedError: Decodable {
    let message: String
    let locations: [GraphQL.SourceLocation]
  }

  static func load() throws -> Golden {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Golden/Language/golden.json")
    return try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
  }

  /// Our answer in the golden's shape.
  static func answer(_ source: String) -> Answer {
    do {
      let document = try parse(source)
      return Answer(printed: Printer.print(document), error: nil)
    } catch {
      return Answer(
        printed: nil, error: RecordedError(message: error.message, locations: error.locations))
    }
  }

  @Test func corpusIsLargeAndCoversBothOutcomes() throws {
    let golden = try Self.load()
    #expect(golden.cases.count >= 300)
    #expect(golden.cases.filter { $0.result.error != nil }.count >= 100)
    #expect(golden.cases.filter { $0.result.printed != nil }.count >= 100)
    #expect(golden.recordedWith.hasPrefix("graphql-js 16"))
  }

  @Test func everyCaseMatchesGraphQLJS() throws {
    let golden = try Self.load()
    var mismatches = 0
    for item in golden.cases {
      let ours = Self.answer(item.source)
      if let printed = item.result.printed {
        #expect(ours.printed == printed, "\(item.name): \(ours.error?.message ?? "")")
        if ours.printed != printed { mismatches += 1 }
      } else if let error = item.result.error {
        #expect(ours.error?.message == error.message, "\(item.name)")
        #expect(ours.error?.locations == error.locations, "\(item.name)")
        if ours.error?.message != error.message || ours.error?.locations != error.locations {
          mismatches += 1
        }
      } else {
        Issue.record("\(item.name): golden has neither printed nor error")
      }
    }
    #expect(mismatches == 0)
  }

  /// parse(print(ast)) == ast, and printing is idempotent, for every valid document.
  @Test func printedDocumentsParseToTheSameAST() throws {
    let golden = try Self.load()
    let noLocation = ParseOptions(noLocation: true)
    for item in golden.cases where item.result.printed != nil {
      let original = try parse(item.source, options: noLocation)
      let printed = Printer.print(original)
      let reparsed = try parse(printed, options: noLocation)
      #expect(reparsed == original, "\(item.name)")
      #expect(Printer.print(reparsed) == printed, "\(item.name)")
    }
  }
}
