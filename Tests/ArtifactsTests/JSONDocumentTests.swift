import Testing

@testable import Artifacts

/// The JSON parser: valid input of every kind, lazy decoding, paths, and exact error
/// positions (byte offset, line, column) for invalid and truncated input.
@Suite struct JSONDocumentTests {
  func parse(_ text: String) throws -> JSONDocument {
    try JSONDocument(bytes: Array(text.utf8), name: "test.json")
  }

  /// The invalid-JSON reason of parsing `bytes`, or nil if it parsed.
  func failure(_ bytes: [UInt8]) -> (offset: Int, line: Int, column: Int, message: String)? {
    do {
      _ = try JSONDocument(bytes: bytes, name: "bad.json")
      return nil
    } catch let error as ArtifactError {
      guard case .invalidJSON(let offset, let line, let column, let message) = error.reason else {
        return nil
      }
      #expect(error.file == "bad.json")
      return (offset, line, column, message)
    } catch {
      return nil
    }
  }

  func failure(_ text: String) -> (offset: Int, line: Int, column: Int, message: String)? {
    failure(Array(text.utf8))
  }

  // MARK: - Valid input

  @Test func readsEveryKindOfValue() throws {
    let document = try parse(
      #" { "s": "text", "i": -42, "d": 2.5e3, "t": true, "f": false, "n": null, "a": [1, [2], {}], "o": {"k": "v"} } "#
    )
    let root = document.root
    #expect(root.kind == .object)
    #expect(root["s"]?.string == "text")
    #expect(root["i"]?.int == -42)
    #expect(root["d"]?.double == 2500)
    #expect(root["d"]?.int == 2500)
    #expect(root["t"]?.bool == true)
    #expect(root["f"]?.bool == false)
    #expect(root["n"]?.isNull == true)
    #expect(root["a"]?.count == 3)
    #expect(root["a"]?[1]?[0]?.int == 2)
    #expect(root["a"]?[2]?.kind == .object)
    #expect(root["a"]?[3] == nil)
    #expect(root["o"]?["k"]?.string == "v")
    #expect(root["missing"] == nil)
    #expect(root.members.map(\.key) == ["s", "i", "d", "t", "f", "n", "a", "o"])
    // Wrong-typed access answers nil instead of guessing.
    #expect(root["s"]?.int == nil)
    #expect(root["i"]?.string == nil)
  }

  @Test func decodesEscapesAndUnicode() throws {
    let document = try parse(
      #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4e2d", "\ud83d\ude00", "\ud800x", "é中😀"]"#)
    let values = document.root.elements.map { $0.string ?? "<nil>" }
    #expect(values[0] == "a\"b\\c/d\u{08}\u{0C}\n\r\t")
    #expect(values[1] == "é中")
    #expect(values[2] == "😀")
    #expect(values[3] == "\u{FFFD}x")  // a lone surrogate is replaced
    #expect(values[4] == "é中😀")
  }

  @Test func looksUpEscapedKeys() throws {
    let document = try parse(#"{"a\u0062": 1, "plain": 2}"#)
    #expect(document.root["ab"]?.int == 1)
    #expect(document.root["plain"]?.int == 2)
  }

  @Test func integersOutOfRangeStillReadAsDoubles() throws {
    let document = try parse("[123456789012345678901234567890, 1.5, 9007199254740993]")
    #expect(document.root[0]?.int == nil)
    #expect(document.root[0]?.double == 1.2345678901234568e29)
    #expect(document.root[1]?.int == nil)
    #expect(document.root[2]?.int == 9_007_199_254_740_993)
  }

  @Test func acceptsAnyWhitespaceLayout() throws {
    let document = try parse("\r\n\t{\n  \"a\" :\n [ 1 ,\t2 ]\r\n}\n")
    #expect(document.root["a"]?.count == 2)
    #expect(document.root.raw.compactText == #"{"a":[1,2]}"#)
  }

  @Test func scalarTopLevelValues() throws {
    #expect(try parse("  42 ").root.int == 42)
    #expect(try parse("\"x\"").root.string == "x")
    #expect(try parse("null").root.isNull)
  }

  @Test func longStringsCrossTheEightByteFastPath() throws {
    let long = String(repeating: "abcdefg", count: 100) + "é" + String(repeating: "z", count: 9)
    let document = try parse("[\"\(long)\"]")
    #expect(document.root[0]?.string == long)
  }

  @Test func pathsNameKeysAndIndices() throws {
    let document = try parse(#"{"nodes": {"model.x.y": {"depends_on": {"nodes": ["a", "b", 3]}}}}"#)
    let element = try #require(document.root["nodes"]?["model.x.y"]?["depends_on"]?["nodes"]?[2])
    #expect(element.path == #"$.nodes["model.x.y"].depends_on.nodes[2]"#)
    #expect(document.root.path == "$")
  }

  // MARK: - Invalid input: position and expectation

  @Test func trailingCommaInObject() throws {
    let error = try #require(failure(#"{"a": 1,}"#))
    #expect(error.offset == 8)
    #expect(error.line == 1)
    #expect(error.column == 9)
    #expect(error.message == "expected a string key after ',' in an object, found '}'")
  }

  @Test func truncatedDocumentSaysSo() throws {
    let error = try #require(failure(#"{"a": [1, 2"#))
    #expect(error.offset == 11)
    #expect(error.column == 12)
    #expect(error.message.contains("found end of input"))
    #expect(error.message.contains("truncated"))
  }

  @Test func truncatedInsideAString() throws {
    let error = try #require(failure(#"{"a": "unfinished"#))
    #expect(error.offset == 6)  // points at the opening quote
    #expect(error.message.contains("unterminated string"))
  }

  @Test func lineAndColumnOnLaterLines() throws {
    let error = try #require(failure("{\n  \"a\": tru\n}"))
    #expect(error.offset == 12)
    #expect(error.line == 2)
    #expect(error.column == 11)
    #expect(error.message == "expected 'true', found byte 0x0A")
  }

  @Test func crlfCountsAsOneLineBreak() throws {
    let error = try #require(failure("[1,\r\n2,\r\n?]"))
    #expect(error.line == 3)
    #expect(error.column == 1)
  }

  @Test func columnsCountUnicodeScalarsNotBytes() throws {
    let error = try #require(failure(#"{"é": x}"#))
    #expect(error.offset == 7)
    #expect(error.column == 7)
  }

  @Test func missingColonAndComma() throws {
    #expect(failure(#"{"a" 1}"#)?.message == "expected ':' after an object key, found '1'")
    #expect(failure("[1 2]")?.message == "expected ',' or ']' after an array element, found '2'")
    #expect(
      failure(#"{"a": 1 "b": 2}"#)?.message
        == "expected ',' or '}' after an object member, found '\"'")
    #expect(failure("{1: 2}")?.message == "expected a string key or '}' in an object, found '1'")
  }

  @Test func badNumbers() throws {
    #expect(failure("[01]")?.offset == 2)  // leading zeros are not allowed
    #expect(failure("[1.]")?.message == "expected a digit after '.' in a number, found ']'")
    #expect(failure("[-]")?.message == "expected a digit in a number, found ']'")
    #expect(failure("[1e]")?.message == "expected a digit in a number's exponent, found ']'")
    #expect(failure("[+1]")?.offset == 1)
    #expect(failure("[.5]")?.offset == 1)
  }

  @Test func badStrings() throws {
    let control = try #require(failure("[\"a\tb\"]"))
    #expect(control.offset == 3)
    #expect(control.message.contains("control character"))
    #expect(failure(#"["\x"]"#)?.message.contains("invalid escape") == true)
    #expect(failure(#"["\u12G4"]"#)?.message.contains("4 hex digits") == true)
    #expect(
      failure([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D])?.message == "invalid UTF-8 sequence in a string"
    )
    #expect(
      failure([0x5B, 0x22, 0xFF, 0x22, 0x5D])?.message.contains("invalid UTF-8 byte") == true)
    // Overlong encoding of '/' and an encoded surrogate are not UTF-8 either.
    #expect(failure([0x22, 0xC0, 0xAF, 0x22]) != nil)
    #expect(failure([0x22, 0xED, 0xA0, 0x80, 0x22]) != nil)
  }

  @Test func badLiteralsAndValues() throws {
    #expect(failure("[nul]")?.message == "expected 'null', found ']'")
    #expect(failure("[True]")?.offset == 1)
    #expect(failure("[1,]")?.message.hasPrefix("expected a value") == true)
    #expect(
      failure("{} x")?.message == "expected end of input after the top-level value, found 'x'")
    #expect(failure("{}{}")?.offset == 2)
  }

  @Test func emptyInputAndByteOrderMark() throws {
    let empty = try #require(failure(""))
    #expect(empty.offset == 0)
    #expect(empty.line == 1 && empty.column == 1)
    #expect(empty.message.contains("empty file"))
    #expect(failure("  \n ")?.line == 2)
    #expect(
      failure([0xEF, 0xBB, 0xBF, 0x7B, 0x7D])?.message.hasPrefix(
        "the file is UTF-8 with a byte order mark (BOM), not UTF-8") == true)
  }

  @Test func nestingLimitIsEnforcedWithoutRecursion() throws {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let error = try #require(failure(deep))
    #expect(error.offset == JSONDocument.defaultMaximumDepth)
    #expect(error.message.contains("nesting deeper than"))
    // Up to the limit is fine.
    let limit = JSONDocument.defaultMaximumDepth
    let allowed = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
    #expect(try parse(allowed).root.kind == .array)
  }

  @Test func errorDescriptionNamesFileAndPosition() throws {
    do {
      _ = try parse("[1,\n x]")
      Issue.record("expected an error")
    } catch let error as ArtifactError {
      #expect(
        error.description
          == "test.json: invalid JSON at line 2, column 2 (byte 5): expected a value (object, array, string, number, true, false or null), found 'x'"
      )
    }
  }
}
