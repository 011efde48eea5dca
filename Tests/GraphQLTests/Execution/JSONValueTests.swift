import Testing

@testable import GraphQL

/// The engine's JSON: ordered objects, JavaScript number text, and a parser that names the
/// offset of bad input.
@Suite struct JSONValueTests {
  @Test func parsesInOrderWithIntegersAndDoubles() throws {
    let value = try JSONParser.parse(
      #" {"b": 1, "a": [true, null, -2.5e3, "x\u00e9\ud83d\ude00\n"], "c": {}} "#)
    #expect(value.objectValue?.keys == ["b", "a", "c"])
    #expect(value == ["b": 1, "a": [true, nil, -2500.0, "xé😀\n"], "c": [:]])
    #expect(value.serialized() == #"{"b":1,"a":[true,null,-2500,"xé😀\n"],"c":{}}"#)
  }

  @Test(arguments: [
    ("{\"a\": }", "Invalid JSON at offset 6: expected a value, found '}'."),
    ("[1, 2", "Invalid JSON at offset 5: expected ',' or ']', found end of input."),
    ("{\"a\" 1}", "Invalid JSON at offset 5: expected ':', found '1'."),
    ("\"\\ud800\"", "Invalid JSON at offset 7: expected a low surrogate escape, found '\"'."),
    ("01", "Invalid JSON at offset 1: expected end of input, found '1'."),
    ("tru", "Invalid JSON at offset 3: expected 'true', found end of input."),
    (
      "\"a\u{01}\"",
      "Invalid JSON at offset 2: expected an escaped control character, found byte 0x1."
    ),
    ("{} x", "Invalid JSON at offset 3: expected end of input, found 'x'."),
  ])
  func badJSONNamesTheOffset(text: String, message: String) {
    #expect {
      try JSONParser.parse(text)
    } throws: { error in
      (error as? GraphQLError)?.message == message
    }
  }

  @Test func nestingIsLimited() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: GraphQLError.self) { try JSONParser.parse(deep) }
    let allowed = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    #expect((try? JSONParser.parse(allowed)) == nil)
    #expect((try? JSONParser.parse(allowed, maxDepth: 1000)) != nil)
  }

  @Test(arguments: [
    (1.0, "1"), (-0.0, "0"), (0.5, "0.5"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
    (1.5e-7, "1.5e-7"), (0.000001, "0.000001"), (123456789.125, "123456789.125"),
    (-1.2345678901234568e-300, "-1.2345678901234568e-300"), (Double.infinity, "null"),
  ])
  func numbersAreWrittenAsJavaScriptWritesThem(value: Double, text: String) {
    #expect(JSONValue.double(value).serialized() == text)
  }

  @Test func integersAreWrittenWithoutLoss() {
    let values: [Int] = [0, 7, -7, 10, -12, 1_234_567_890_123, Int.max, Int.min]
    #expect(
      JSONValue.list(values.map { .int($0) }).serialized() == "["
        + values.map(String.init).joined(separator: ",") + "]")
  }

  @Test func stringsAreEscapedAsJSONStringifyEscapes() {
    #expect(
      JSONValue.string("a\"b\\c\u{08}\u{0C}\n\r\t\u{1F}é").serialized()
        == #""a\"b\\c\b\f\n\r\t\u001fé""#)
  }

  /// The escape scan reads eight bytes at a time: an escapable byte at any offset (in a
  /// word or in the tail), next to multi-byte UTF-8 and bytes just above the limits, is
  /// found; a string of bytes just outside them is copied as it is.
  @Test(arguments: [
    ("\"", #"\""#), ("\\", #"\\"#), ("\u{1F}", #"\u001f"#), ("\n", #"\n"#), ("\u{0}", #"\u0000"#),
  ])
  func escapesAreFoundAtEveryOffset(character: String, escaped: String) {
    let filler = "a!#[]~ é"  // 0x21, 0x23, 0x5B, 0x5D, 0x7E and a two-byte character
    for length in [1, 7, 8, 9, 15, 16, 17, 23] {
      for offset in 0..<length {
        let before = String(repeating: filler, count: 4).utf8.prefix(offset)
        let prefix = String(decoding: before, as: UTF8.self)
        let suffix = String(repeating: "b", count: length - offset)
        #expect(
          JSONValue.string(prefix + character + suffix).serialized()
            == "\"" + prefix + escaped + suffix + "\"")
      }
    }
    let clean = String(repeating: filler + " ", count: 5)
    #expect(JSONValue.string(clean).serialized() == "\"" + clean + "\"")
  }

  /// Text far longer than the writer's first buffer comes out whole, and `write(to:)`
  /// appends to what the bytes already hold.
  @Test func longTextIsWrittenWholeAndAppended() {
    let items = (0..<5_000).map { index -> JSONValue in
      ["id": .int(index - 2_500), "name": .string("item \(index) \"q\"")]
    }
    let expected =
      "["
      + (0..<5_000).map { #"{"id":\#($0 - 2_500),"name":"item \#($0) \"q\""}"# }
      .joined(separator: ",") + "]"
    #expect(JSONValue.list(items).serialized() == expected)
    var bytes = Array("prefix:".utf8)
    JSONValue.list(items).write(to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "prefix:" + expected)
  }

  /// A text of several megabytes (the buffer grown by `realloc` past the allocator's
  /// mapped-chunk threshold, so its pages are moved, not copied) is written whole, as
  /// bytes and as a string.
  @Test func megabytesOfTextAreWrittenWhole() {
    let count = 150_000
    let items = (0..<count).map { index -> JSONValue in
      ["n": .int(index), "s": .string("v\(index)")]
    }
    let expected =
      "[" + (0..<count).map { #"{"n":\#($0),"s":"v\#($0)"}"# }.joined(separator: ",") + "]"
    #expect(expected.utf8.count > 3_000_000)
    #expect(JSONValue.list(items).serializedBytes() == Array(expected.utf8))
    #expect(JSONValue.list(items).serialized() == expected)
  }

  /// Objects sharing one key array (as the executor builds a list's objects), nested in
  /// turn in objects of another shared array, with keys that need escapes, and objects of
  /// a third array holding a prefix of the first's keys: every key is written as a plain
  /// object's is.
  @Test func sharedKeysAreWrittenAsOtherKeys() {
    let outer = ["id", "q\"uote", "inner"]
    let inner = ["new\nline", "b"]
    let short = Array(outer.prefix(2))
    func object(_ keys: [String], _ values: [JSONValue]) -> JSONValue {
      .object(JSONObject(sharedKeys: keys, values: values))
    }
    var items: [JSONValue] = []
    var expected: [String] = []
    for index in 0..<6 {
      let nested = object(inner, [.int(index), .string("x\(index)")])
      items.append(object(outer, [.int(index), .null, nested]))
      expected.append(
        #"{"id":\#(index),"q\"uote":null,"inner":{"new\nline":\#(index),"b":"x\#(index)"}}"#)
      if index % 2 == 1 {
        items.append(object(short, [.bool(true), .int(-index)]))
        expected.append(#"{"id":true,"q\"uote":-\#(index)}"#)
      }
    }
    let list = JSONValue.list(items)
    let text = "[" + expected.joined(separator: ",") + "]"
    #expect(list.serialized() == text)
    // Written again by another writer, and as plain objects: the same text.
    #expect(list.serialized() == text)
    let plain = try? JSONParser.parse(text)
    #expect(plain?.serialized() == text)
  }
}
