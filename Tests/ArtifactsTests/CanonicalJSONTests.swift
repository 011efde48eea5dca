import Testing

@testable import Artifacts

/// The canonical form behind content hashes: equal definitions hash equal whatever their
/// key order, whitespace, set-like list order or volatile keys; any real change differs.
@Suite struct CanonicalJSONTests {
  func hash(_ text: String) throws -> String {
    CanonicalJSON.contentHash(of: try JSONDocument(bytes: Array(text.utf8), name: "t").root)
  }

  func canonical(_ text: String) throws -> String {
    String(
      decoding: CanonicalJSON.canonicalBytes(
        of: try JSONDocument(bytes: Array(text.utf8), name: "t").root), as: UTF8.self)
  }

  @Test func sortsKeysAndScalarListsAndDropsWhitespace() throws {
    #expect(
      try canonical(#"{"b": [3, "x", 1], "a": {"d": null, "c": [{"z": 1, "y": 2}, [2, 1]]}}"#)
        == #"{"a":{"c":[{"y":2,"z":1},[1,2]],"d":null},"b":["x",1,3]}"#)
  }

  @Test func volatileKeysAreDroppedAtTheTopLevelOnly() throws {
    let first =
      #"{"name": "m", "created_at": 1700000000.1, "root_path": "/a", "build_path": null, "deferred": false, "_event_status": {}}"#
    let second = #"{"created_at": 1800000000.2, "name": "m", "root_path": "/b", "deferred": true}"#
    #expect(try hash(first) == hash(second))
    #expect(try canonical(second) == #"{"name":"m"}"#)
    // Nested keys with the same names are content (e.g. user meta).
    #expect(try hash(#"{"meta": {"created_at": 1}}"#) != hash(#"{"meta": {"created_at": 2}}"#))
  }

  @Test func equalDefinitionsHashEqualAndChangesDiffer() throws {
    let base =
      #"{"unique_id": "model.p.a", "depends_on": {"macros": ["m.b", "m.a"], "nodes": ["x"]}, "columns": {"id": {"name": "id"}}}"#
    let reordered =
      #"{"columns": {"id": {"name": "id"}}, "depends_on": {"nodes": ["x"], "macros": ["m.a", "m.b"]}, "unique_id": "model.p.a"}"#
    let changed =
      #"{"unique_id": "model.p.a", "depends_on": {"macros": ["m.b", "m.a"], "nodes": ["y"]}, "columns": {"id": {"name": "id"}}}"#
    #expect(try hash(base) == hash(reordered))
    #expect(try hash(base) != hash(changed))
    #expect(try hash(base).count == 64)
  }

  @Test func listsOfObjectsKeepTheirOrder() throws {
    #expect(try hash(#"[{"a": 1}, {"a": 2}]"#) != hash(#"[{"a": 2}, {"a": 1}]"#))
  }

  @Test func hashIsSHA256OfTheCanonicalBytes() throws {
    let text = #"{"b": 1, "a": "x"}"#
    #expect(try hash(text) == SHA256.hexDigest(of: Array(#"{"a":"x","b":1}"#.utf8)))
  }
}
