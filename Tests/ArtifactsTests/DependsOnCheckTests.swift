import Testing

@testable import Artifacts

/// `depends_on` is checked without being decoded (only tests decode it at mapping time):
/// every wrong shape must still fail with the path and what was expected.
@Suite struct DependsOnCheckTests {
  func error(dependsOn: String, kind: String = "model") -> ArtifactError? {
    let text = """
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"},
       "nodes": {"\(kind).x.y": {"unique_id": "\(kind).x.y", "resource_type": "\(kind)",
         "name": "y", "depends_on": \(dependsOn)}}}
      """
    do {
      _ = try ArtifactReader.read(bytes: Array(text.utf8), name: "m.json")
      return nil
    } catch let error as ArtifactError {
      return error
    } catch {
      return nil
    }
  }

  func warnings(dependsOn: String, kind: String = "model") throws -> [String] {
    let text = """
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"},
       "nodes": {"\(kind).x.y": {"unique_id": "\(kind).x.y", "resource_type": "\(kind)",
         "name": "y", "depends_on": \(dependsOn)}}}
      """
    return try ArtifactReader.read(bytes: Array(text.utf8), name: "m.json").warnings.map(
      \.description)
  }

  /// `depends_on.nodes` holds unique ids: a wrong entry or shape is refused with its path.
  @Test(arguments: [
    (
      #"{"nodes": ["model.a.b", 3]}"#, #"$.nodes["model.x.y"].depends_on.nodes[1]"#, "a string",
      "a number"
    ),
    (
      #"{"nodes": {"a": 1}}"#, #"$.nodes["model.x.y"].depends_on.nodes"#, "a list of strings",
      "an object"
    ),
  ])
  func wrongUniqueIDsNameTheirPath(dependsOn: String, path: String, expected: String, found: String)
  {
    #expect(
      error(dependsOn: dependsOn)?.reason
        == .wrongType(path: path, expected: expected, found: found))
  }

  /// Everything else in `depends_on` only describes: skipped, and counted in a warning
  /// that names the first place.
  @Test(arguments: [
    (
      #""model.a.b""#,
      #"1 value of an unexpected type ignored (first: $.nodes["model.x.y"].depends_on: expected an object {nodes, macros}, found a string)"#
    ),
    (
      #"{"nodes": [], "macros": {"a": 1}}"#,
      #"1 value of an unexpected type ignored (first: $.nodes["model.x.y"].depends_on.macros: expected a list of strings, found an object)"#
    ),
    (
      #"{"nodes": [], "macros": [], "functions": ["f", null]}"#,
      #"1 null entry in lists skipped (first: $.nodes["model.x.y"].depends_on.functions[1])"#
    ),
    (
      #"{"nodes": [null, "model.a.b", null], "macros": [null, "macro.dbt.get_where_subquery"]}"#,
      #"3 null entries in lists skipped (first: $.nodes["model.x.y"].depends_on.nodes[0])"#
    ),
  ])
  func descriptiveShapesAreSkippedWithAWarning(dependsOn: String, warning: String) throws {
    #expect(error(dependsOn: dependsOn) == nil)
    #expect(try warnings(dependsOn: dependsOn) == [warning])
  }

  @Test func nullEntriesAreNotDecoded() throws {
    let text = #"""
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v6.json"},
       "nodes": {"test.p.t": {"unique_id": "test.p.t", "resource_type": "test", "name": "t",
         "test_metadata": {"name": "expect_x", "kwargs": {"model": "{{ get_where_subquery(ref('a')) }}"}},
         "depends_on": {"nodes": [null, "model.p.a"], "macros": [null, "macro.dbt.get_where_subquery"]}}}}
      """#
    guard
      case .manifest(let read) = try ArtifactReader.read(bytes: Array(text.utf8), name: "m.json")
    else {
      Issue.record("not a manifest")
      return
    }
    #expect(read.nodes.first?.dependsOn.nodes == ["model.p.a"])
    #expect(read.nodes.first?.dependsOn.macros == ["macro.dbt.get_where_subquery"])
    #expect(read.nodes.first?.test?.testedNodeID == "model.p.a")
  }

  @Test func wellFormedListsAreKeptAndTestsStillFindTheirModel() throws {
    #expect(error(dependsOn: #"{"nodes": ["model.p.a"], "macros": [], "functions": null}"#) == nil)
    let text = #"""
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v7.json"},
       "nodes": {"test.p.t": {"unique_id": "test.p.t", "resource_type": "test", "name": "t",
         "test_metadata": {"name": "not_null", "kwargs": {"model": "{{ get_where_subquery(ref('a')) }}"}},
         "depends_on": {"nodes": ["model.p.a"], "macros": []}}}}
      """#
    let manifest = try ArtifactReader.read(bytes: Array(text.utf8), name: "m.json")
    guard case .manifest(let read) = manifest else {
      Issue.record("not a manifest")
      return
    }
    #expect(read.nodes.first?.dependsOn.nodes == ["model.p.a"])
    #expect(read.nodes.first?.test?.testedNodeID == "model.p.a")
  }
}
