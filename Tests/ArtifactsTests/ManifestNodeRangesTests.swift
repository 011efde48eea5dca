import Testing

@testable import Artifacts

/// A definition's JSON parts are kept as byte ranges of the artifact: each must give back
/// exactly the member's text (strings with quotes), and nil for absent or null members.
@Suite struct ManifestNodeRangesTests {
  @Test(arguments: [
    "dbt-core/state/v1/manifest.json", "dbt-core/state/v12/manifest.json",
    "fivetran-hubspot/v12_dbt1.11.11/manifest.json",
  ])
  func partsAreTheMembersText(file: String) throws {
    let manifest = try ArtifactReader.readManifest(file: Fixtures.path(file))
    var present = 0
    for node in manifest.nodes + manifest.disabled {
      let root = try JSONDocument(bytes: Array(node.json.bytes), name: "t").root
      let parts: [(String, RawJSON?)] = [
        ("fqn", node.fqnJSON), ("tags", node.tagsJSON), ("meta", node.meta),
        ("depends_on", node.dependsOnJSON), ("refs", node.refsJSON),
        ("sources", node.sourcesJSON), ("columns", node.columnsJSON),
      ]
      for (key, part) in parts {
        let expected = root.member(key).map { Array($0.bytes) }
        #expect(part.map { Array($0.bytes) } == expected, "\(node.uniqueID).\(key)")
        if part != nil { present += 1 }
      }
    }
    #expect(present > 0)
  }

  @Test func stringAndNullPartsKeepTheirSpelling() throws {
    let text = #"""
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"},
       "nodes": {"model.p.m": {"unique_id": "model.p.m", "resource_type": "model", "name": "m",
         "tags": "nightly", "meta": null, "fqn": ["p", "m"]}}}
      """#
    guard case .manifest(let manifest) = try ArtifactReader.read(bytes: Array(text.utf8), name: "t")
    else {
      Issue.record("not a manifest")
      return
    }
    let node = try #require(manifest.nodes.first)
    #expect(node.tagsJSON.map { String(decoding: $0.bytes, as: UTF8.self) } == #""nightly""#)
    #expect(node.tags == ["nightly"])
    #expect(node.meta == nil)
    #expect(node.fqn == ["p", "m"])
  }
}
