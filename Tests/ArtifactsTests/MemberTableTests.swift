import Testing

@testable import Artifacts

/// ``MemberTable`` must answer exactly as ``JSONValue`` subscripts do: same member for
/// every key, nil for absent keys, first of duplicates, escaped keys decoded.
@Suite struct MemberTableTests {
  func check(_ text: String, keys: [StaticString]) throws {
    let root = try JSONDocument(bytes: Array(text.utf8), name: "t").root
    var table = MemberTable()
    table.load(root)
    for key in keys {
      #expect(table[key]?.index == root["\(key)"]?.index, "key \(key)")
      #expect(table.member(key)?.index == root.member("\(key)")?.index, "key \(key)")
    }
  }

  @Test func keysThatShareLengthAndEndsAreToldApart() throws {
    try check(
      #"{"compiled_code": 1, "compiled_path": 2, "compiled_sql": 3, "a": 4, "": 5, "ab": null, "abcdef": 6, "abcxef": 7}"#,
      keys: [
        "compiled_code", "compiled_path", "compiled_sql", "compiled_xode", "a", "", "ab", "abc",
        "abcdef", "abcxef", "abcdeF", "b", "compiled_cod",
      ])
  }

  @Test func duplicatesAndEscapedKeysAnswerAsTheSubscript() throws {
    try check(#"{"name": 1, "name": 2, "x": 3}"#, keys: ["name", "x", "y"])
    try check(
      #"{"n\u0061me": 1, "name": 2, "t\"q": 3, "long_key_here": 4}"#,
      keys: ["name", "t\"q", "long_key_here", "nme"])
  }

  @Test func nonObjectsHaveNoMembers() throws {
    try check(#"[1, 2]"#, keys: ["0", ""])
    try check(#""text""#, keys: ["text"])
  }

  /// Every key of every definition of a real manifest, and keys it lacks.
  @Test func everyKeyOfARealManifest() throws {
    let manifest = try ArtifactReader.readManifest(
      file: Fixtures.path("dbt-core/state/v12/manifest.json"))
    var table = MemberTable()
    for node in manifest.nodes {
      let root = try JSONDocument(bytes: Array(node.json.bytes), name: "t").root
      table.load(root)
      for member in root.members {
        #expect(table.keyIndex(string: member.key).map { $0 + 1 } == root[member.key]?.index)
      }
      for absent: StaticString in ["raw_sql", "compiled_sql", "injected_sql", "owner", "x"] {
        #expect(table[absent]?.index == root["\(absent)"]?.index)
      }
    }
  }

  /// A table grown for a large object, then reused for small ones, and back.
  @Test func largeAndSmallObjectsReuseOneTable() throws {
    let keys = (0..<200).map { "key_number_\($0)" } + ["key_number_7", "a", "a"]
    let large = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
    let largeRoot = try JSONDocument(bytes: Array(large.utf8), name: "t").root
    let smallRoot = try JSONDocument(bytes: Array(#"{"a": 1, "key_number_7": 2}"#.utf8), name: "t")
      .root
    var table = MemberTable()
    for root in [largeRoot, smallRoot, largeRoot] {
      table.load(root)
      for key in keys + ["key_number_200", "b", "key_number_"] {
        #expect(table.keyIndex(string: key).map { $0 + 1 } == root[key]?.index, "\(key)")
      }
    }
  }

  /// Keys longer than 0xFFFF bytes share the length part of their fingerprint: a longer
  /// wanted key whose extra bytes equal the text after the stored key must not match.
  @Test func veryLongKeysAreComparedByLength() throws {
    let short = "abc" + String(repeating: "x", count: 70_000) + "xyz"
    let long = short + "\": \"xyz"
    let root = try JSONDocument(bytes: Array("{\"\(short)\": \"xyz\"}".utf8), name: "t").root
    var table = MemberTable()
    table.load(root)
    #expect(table.keyIndex(string: long) == nil)
    #expect(table.keyIndex(string: short) == 1)
  }
}
