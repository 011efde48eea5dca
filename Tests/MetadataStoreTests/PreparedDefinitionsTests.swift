import Artifacts
import Foundation
import SQLite
import Testing

@testable import MetadataStore

/// The definition texts a manifest version inserts are produced on another thread
/// (``PreparedDefinitions``), ahead of the writer, in chunks: every stored row must carry
/// its own node's texts, as computed from the node directly.
@Suite struct PreparedDefinitionsTests {
  @Test(arguments: ["fivetran-ad-reporting/v7_dbt1.3.0", "tuva/v11_dbt1.7.8"])
  func everyRowHasItsOwnNodesTexts(_ folder: String) throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let request = try Fixtures.request(Fixtures.set(folder))
    _ = try store.ingest(request)
    let nodes = try #require(request.manifest?.value.nodes)
    #expect(nodes.count > 3 * PreparedDefinitions.chunkSize)
    var expected: [String: String] = [:]
    for node in nodes {
      expected[node.uniqueID + "|" + node.contentHash] = [
        node.path, node.originalFilePath, node.relationName, node.description,
        JSONText.array(node.fqn), JSONText.array(node.tags), JSONText.compact(node.meta),
      ].map { $0 ?? "NULL" }.joined(separator: "|")
    }
    let connection = try Connection(path: database.path, mode: .readOnly)
    let stored = try connection.query(
      """
      SELECT node.unique_id || '|' || definition.content_hash,
        coalesce(path, 'NULL') || '|' || coalesce(original_file_path, 'NULL') || '|'
        || coalesce(relation_name, 'NULL') || '|' || coalesce(description, 'NULL') || '|'
        || fqn || '|' || tags || '|' || coalesce(meta, 'NULL')
      FROM definition JOIN node ON node.id = definition.node_id
      """
    ) { ($0.string(at: 0) ?? "", $0.string(at: 1) ?? "") }
    #expect(stored.count == expected.count)
    for (key, texts) in stored {
      #expect(expected[key] == texts, "\(key)")
    }
  }

  /// A preparation abandoned early (the ingest failed) stops and can be released.
  @Test func anAbandonedPreparationStops() throws {
    let request = try Fixtures.request(Fixtures.set("fivetran-ad-reporting/v7_dbt1.3.0"))
    let nodes = try #require(request.manifest?.value.nodes)
    let prepared = PreparedDefinitions(nodes: nodes) { _ in false }
    #expect(prepared.row(0)?.fqn == JSONText.array(nodes[0].fqn))
    prepared.finish()
  }
}
