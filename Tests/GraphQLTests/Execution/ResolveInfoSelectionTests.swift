import Foundation
import Testing

@testable import GraphQL

/// `ResolveInfo.selects(_:)`: a subfield counts as selected directly, through inline
/// fragments and through fragment spreads (cycles ignored), and only under the resolved field.
@Suite struct ResolveInfoSelectionTests {
  /// What `Query.a` saw: whether `b` was selected under it.
  final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Bool?
    func set(_ seen: Bool) { lock.withLock { value = seen } }
    var get: Bool? { lock.withLock { value } }
  }

  @Test(arguments: [
    ("{ a { b } }", true),
    ("{ a { c } }", false),
    ("{ a { ... on A { b } } }", true),
    ("{ a { ...F } } fragment F on A { c ... on A { b } }", true),
    ("{ a { ...F } } fragment F on A { c }", false),
    ("{ a { c } b: a { c } }", false),
  ])
  func selects(document: String, expected: Bool) throws {
    let schema = try GraphQLSchema(sdl: "type Query { a: A } type A { b: Int c: Int }")
    let seen = Seen()
    try schema.setResolver("Query", "a") { _, _, _, info in
      seen.set(info.selects("b"))
      return [String: Int]()
    }
    let source = Source(document)
    let result = execute(schema: schema, document: try parse(source), source: source)
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(seen.get == expected)
  }
}
