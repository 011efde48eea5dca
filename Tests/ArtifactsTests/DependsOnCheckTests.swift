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

  @Test func wrongShapesNameTheirPath() {
    #expect(
      error(dependsOn: #""model.a.b""#)?.reason
        == .wrongType(
          path: #"$.nodes["model.x.y"].depends_on"#, expected: "an object {nodes, macros}",
          found: "a string"))
    #expect(
      error(dependsOn: #"{"nodes": [], "macros": {"a": 1}}"#)?.reason
        == .wrongType(
          path: #"$.nodes["model.x.y"].depends_on.macros"#, expected: "a list of strings",
          found: "an object"))
    #expect(
      error(dependsOn: #"{"nodes": [], "macros": [], "functions": ["f", null]}"#, kind: "test")?
        .reason
        == .wrongType(
          path: #"$.nodes["test.x.y"].depends_on.functions[1]"#, expected: "a string",
          found: "null"))
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
