import Testing

@testable import Artifacts

/// The fast path for lists of plain strings must decode exactly as the general one, and
/// leave every other shape to it.
@Suite struct ListDecodingTests {
  func raw(_ text: String) -> RawJSON {
    RawJSON(bytes: ArraySlice(Array(text.utf8)))
  }

  @Test func plainListsTakeTheFastPath() {
    #expect(ListDecoding.simpleStrings(raw("[]").bytes) == [])
    #expect(ListDecoding.simpleStrings(raw(" [ ] ").bytes) == [])
    #expect(ListDecoding.simpleStrings(raw(#"["a"]"#).bytes) == ["a"])
    #expect(
      ListDecoding.simpleStrings(raw(" [ \"a\" ,\n\t\"é b\", \"\" ] ").bytes) == ["a", "é b", ""])
  }

  @Test func otherShapesFallBackAndDecodeAsBefore() {
    for text in [
      #"["a\"b", "c"]"#, #"["x", 1, true, null, {"a": 1}, ["y"]]"#, #""single""#, "null",
      #"["\u00e9"]"#, "[1.5]",
    ] {
      #expect(ListDecoding.simpleStrings(raw(text).bytes) == nil, "\(text)")
    }
    #expect(ListDecoding.strings(raw(#"["a\"b", "c"]"#)) == ["a\"b", "c"])
    #expect(ListDecoding.strings(raw(#"["x", 1, true, null, {"a": 1}]"#)) == ["x", "1", "true"])
    #expect(ListDecoding.strings(raw(#""single""#)) == ["single"])
    #expect(ListDecoding.strings(raw("null")) == [])
    #expect(ListDecoding.strings(nil) == [])
  }

  /// `fqn` and `tags` of every definition of real manifests, both paths.
  @Test(arguments: [
    "dbt-core/state/v1/manifest.json", "dbt-core/state/v12/manifest.json",
    "fivetran-hubspot/v12_dbt1.11.11/manifest.json", "tuva/v3_dbt0.21.0/manifest.json",
  ])
  func realListsDecodeAlike(file: String) throws {
    let manifest = try ArtifactReader.readManifest(file: Fixtures.path(file))
    var fast = 0
    for node in manifest.nodes + manifest.disabled {
      for list in [node.fqnJSON, node.tagsJSON] {
        #expect(ListDecoding.strings(list) == ListDecoding.indexedStrings(list))
        if let list, ListDecoding.simpleStrings(list.bytes) != nil { fast += 1 }
      }
    }
    #expect(fast > 0)
  }

  /// `parent_map` and `child_map` (plain lists take the fast path) equal a decode of a
  /// fully indexed document; a list with an escape and one with a non-string still take
  /// the general path (the latter fails with its path).
  @Test(arguments: [
    "dbt-core/state/v12/manifest.json", "fivetran-hubspot/v12_dbt1.11.11/manifest.json",
  ])
  func dependencyMapsDecodeAsAFullIndex(file: String) throws {
    let manifest = try ArtifactReader.readManifest(file: Fixtures.path(file))
    let bytes = try ArtifactFile.readBytes(path: Fixtures.path(file))
    let full = try JSONDocument(bytes: bytes, name: file).root
    for (key, map) in [("parent_map", manifest.parentMap), ("child_map", manifest.childMap)] {
      var expected: [String: [String]] = [:]
      for member in try #require(full[key]).members {
        expected[member.key] = member.value.elements.compactMap(\.string)
      }
      #expect(map == expected, "\(key)")
      #expect(!expected.isEmpty)
    }
  }

  @Test func dependencyMapsWithEscapesOrWrongTypes() throws {
    let escaped = try JSONDocument(
      bytes: Array(#"{"m": {"a": ["x\"y", "z"], "b": null, "c": []}}"#.utf8), name: "t")
    #expect(
      try escaped.root.stringListMap("m", warnings: WarningLog()) == [
        "a": ["x\"y", "z"], "b": [], "c": [],
      ])
    let wrong = try JSONDocument(bytes: Array(#"{"m": {"a": ["x", 1]}}"#.utf8), name: "t")
    #expect(throws: ArtifactError.self) {
      try wrong.root.stringListMap("m", warnings: WarningLog())
    }
    // A null entry is skipped and counted; the other ids are kept.
    let nulls = try JSONDocument(bytes: Array(#"{"m": {"a": ["x", null, "y"]}}"#.utf8), name: "t")
    let log = WarningLog()
    #expect(try nulls.root.stringListMap("m", warnings: log) == ["a": ["x", "y"]])
    #expect(
      log.warnings == [
        ArtifactWarning(kind: .nullListEntry, count: 1, path: #"$.m.a[1]"#, detail: "")
      ])
  }
}
