import Testing

@testable import GraphQL

/// Line and column computation for error locations.
@Suite struct SourceTests {
  @Test func locatesOffsetsInLinesAndCodePoints() {
    let source = Source("ab\ncé😀d\r\ne\rf")
    #expect(source.location(at: 0) == SourceLocation(line: 1, column: 1))
    #expect(source.location(at: 2) == SourceLocation(line: 1, column: 3))
    #expect(source.location(at: 3) == SourceLocation(line: 2, column: 1))
    // c(1) é(2, two bytes) 😀(3, four bytes) d(4)
    #expect(source.location(at: 10) == SourceLocation(line: 2, column: 4))
    #expect(source.location(at: 13) == SourceLocation(line: 3, column: 1))
    #expect(source.location(at: 15) == SourceLocation(line: 4, column: 1))
  }

  @Test func clampsOffsetsOutsideTheBody() {
    let source = Source("ab")
    #expect(source.location(at: -5) == SourceLocation(line: 1, column: 1))
    #expect(source.location(at: 99) == SourceLocation(line: 1, column: 3))
  }

  @Test func aLeadingByteOrderMarkIsOneColumn() {
    let source = Source("\u{FEFF}x")
    #expect(source.location(at: 3) == SourceLocation(line: 1, column: 2))
  }

  @Test func lineSeparatorIsNotALineTerminator() {
    let source = Source("a\u{2028}b")
    #expect(source.location(at: 4) == SourceLocation(line: 1, column: 3))
  }
}
