import Foundation
import Testing

@testable import GraphQL

/// The token and nesting limits: hostile documents fail fast with a clear syntax error.
@Suite struct ParserLimitsTests {
  func error(_ text: String, options: ParseOptions = ParseOptions()) -> GraphQLError? {
    do {
      _ = try parse(text, options: options)
      return nil
    } catch {
      return error
    }
  }

  @Test func allowsExactlyMaxTokens() throws {
    // `{` + 14,998 fields + `}` = 15,000 tokens.
    let text = "{" + String(repeating: " a", count: 14_998) + " }"
    let document = try parse(text)
    #expect(document.definitions.count == 1)
  }

  @Test func rejectsOneTokenMoreThanMaxTokens() {
    let text = "{" + String(repeating: " a", count: 14_999) + " }"
    let error = error(text)
    #expect(
      error?.message == "Syntax Error: Document contains more than 15000 tokens. Parsing aborted.")
    #expect(error?.locations == [SourceLocation(line: 1, column: 2 + 2 * 14_999 + 1)])
  }

  @Test func maxTokensIsConfigurableAndCanBeLifted() throws {
    #expect(
      error("{ a b c }", options: ParseOptions(maxTokens: 4))?.message
        == "Syntax Error: Document contains more than 4 tokens. Parsing aborted.")
    let text = "{" + String(repeating: " a", count: 20_000) + " }"
    #expect(try parse(text, options: ParseOptions(maxTokens: nil)).definitions.count == 1)
  }

  @Test func aMillionOpenBracesFailAtOnce() {
    let braces = String(repeating: "{", count: 1_000_000)
    #expect(error(braces)?.message == "Syntax Error: Expected Name, found \"{\".")
    let fields = String(repeating: "{a", count: 1_000_000)
    let deep = error(fields)
    #expect(
      deep?.message
        == "Syntax Error: Document exceeds the maximum nesting depth of 256. Parsing aborted.")
    // The 257th selection set's `{` is at byte 2 * 256.
    #expect(deep?.locations == [SourceLocation(line: 1, column: 2 * 256 + 1)])
    // With a lower token limit, the token count stops it first.
    let long = error(fields, options: ParseOptions(maxTokens: 100))
    #expect(
      long?.message == "Syntax Error: Document contains more than 100 tokens. Parsing aborted.")
  }

  @Test func deepValuesAndTypesHitTheNestingLimit() {
    let unlimited = ParseOptions(maxTokens: nil)
    let message =
      "Syntax Error: Document exceeds the maximum nesting depth of 256. Parsing aborted."
    let lists = "{ f(a: " + String(repeating: "[", count: 1_000_000) + ") }"
    #expect(error(lists, options: unlimited)?.message == message)
    let objects = "{ f(a: " + String(repeating: "{b: ", count: 1_000_000) + ") }"
    #expect(error(objects, options: unlimited)?.message == message)
    let types = "query Q($a: " + String(repeating: "[", count: 1_000_000) + ") { a }"
    #expect(error(types, options: unlimited)?.message == message)
    let sdl = "type T { f: " + String(repeating: "[", count: 1_000_000) + " }"
    #expect(error(sdl, options: unlimited)?.message == message)
  }

  @Test func maxDepthIsConfigurable() throws {
    let three = "{ a { b { c } } }"
    #expect(try parse(three, options: ParseOptions(maxDepth: 3)).definitions.count == 1)
    #expect(
      error(three, options: ParseOptions(maxDepth: 2))?.message
        == "Syntax Error: Document exceeds the maximum nesting depth of 2. Parsing aborted.")
  }

  /// The default depth must not overflow a small thread stack, even in a debug build:
  /// documents nested exactly to the limit are parsed on a 1 MiB thread.
  @Test func theDefaultDepthFitsA1MiBStack() async {
    let depth = ParseOptions().maxDepth
    func nest(_ open: String, _ middle: String, _ close: String, _ count: Int) -> String {
      String(repeating: open, count: count) + middle + String(repeating: close, count: count)
    }
    let documents: [String] = [
      nest("{a", "", "}", depth),
      nest("{... on T", " { a }", "}", depth - 1),
      "query { f(a: " + nest("[", "", "]", depth - 1) + ") }",
      "query { f(a: " + nest("{b: ", "1", "}", depth - 1) + ") }",
      "query Q($a: " + nest("[", "Int", "]", depth) + ") { a }",
    ]
    let parsed = await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
      let thread = Thread {
        var count = 0
        for document in documents {
          if (try? parse(document, options: ParseOptions(maxTokens: nil))) != nil { count += 1 }
        }
        continuation.resume(returning: count)
      }
      thread.stackSize = 1024 * 1024
      thread.start()
    }
    #expect(parsed == documents.count)
  }
}
