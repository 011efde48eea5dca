import Foundation
import Testing

@testable import Artifacts

/// The raw digest recognises a definition read again from the same bytes (whatever its
/// top-level `created_at`), and never one that differs in a byte the mapping reads.
@Suite struct RawDigestTests {
  /// The raw digests of the definitions of a one-collection manifest, by unique_id.
  static func digests(
    _ definitions: [String], collection: String = "nodes", schemaVersion: Int = 12
  ) throws -> [String: RawDigest?] {
    let text = """
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v\(schemaVersion).json"},
       "\(collection)": {\(definitions.enumerated().map { "\"k\($0.offset)\": \($0.element)" }.joined(separator: ", "))}}
      """
    guard
      case .manifest(let manifest) = try ArtifactReader.read(
        bytes: Array(text.utf8), name: "manifest.json")
    else { throw DigestTestError() }
    return Dictionary(uniqueKeysWithValues: manifest.nodes.map { ($0.uniqueID, $0.rawDigest) })
  }

  struct DigestTestError: Error {}

  static func digest(_ definition: String, collection: String = "nodes", schemaVersion: Int = 12)
    throws -> RawDigest?
  {
    try digests([definition], collection: collection, schemaVersion: schemaVersion).values.first
      ?? nil
  }

  static let base =
    #"{"unique_id": "model.p.a", "resource_type": "model", "name": "a", "meta": {"created_at": 1}, "raw_code": "select 1 as \"created_at\", '{' as x", "created_at": 1722270143.1, "tags": ["x"]}"#

  @Test func theTopLevelVolatileValuesAreLeftOut() throws {
    let first = try #require(try Self.digest(Self.base))
    #expect(
      try Self.digest(Self.base.replacingOccurrences(of: "1722270143.1", with: "1799.25")) == first)
    #expect(
      try Self.digest(Self.base.replacingOccurrences(of: "1722270143.1", with: #""x""#)) == first)
    let withRoot = Self.base.replacingOccurrences(
      of: #""tags""#, with: #""root_path": "/a/b", "build_path": null, "tags""#)
    let otherRoot = withRoot.replacingOccurrences(of: "/a/b", with: "/c/d/e")
      .replacingOccurrences(of: "null", with: #"{"x": [1, "}"]}"#)
    #expect(try Self.digest(withRoot) != first)
    #expect(try Self.digest(withRoot) == Self.digest(otherRoot))
  }

  @Test(arguments: [
    // Nested volatile-named keys are read by the mapping (meta) or kept in the content.
    (#""meta": {"created_at": 1}"#, #""meta": {"created_at": 2}"#),
    // A string that looks like a volatile member.
    (#"select 1 as \"created_at\""#, #"select 2 as \"created_at\""#),
    (#"'{' as x"#, #"'}' as x"#),
    // Any other byte: whitespace, key order, escapes.
    (#""name": "a""#, #""name":"a""#),
    (#""name": "a", "meta""#, #""meta": {}, "name": "a", "meta""#),
    (#""tags": ["x"]"#, #""tags": ["\u0078"]"#),
    // An escaped spelling of created_at is an ordinary key.
    (#""created_at": 1722270143.1"#, #""created\u005fat": 1722270143.1"#),
  ])
  func everyOtherByteCounts(original: String, replacement: String) throws {
    let edited = Self.base.replacingOccurrences(of: original, with: replacement)
    #expect(edited != Self.base)
    #expect(try Self.digest(edited) != Self.digest(Self.base))
  }

  @Test func escapedVolatileSpellingsStayCovered() throws {
    let escaped = Self.base.replacingOccurrences(
      of: #""created_at": 1722270143.1"#, with: #""created\u005fat": 1"#)
    let later = escaped.replacingOccurrences(of: #"\u005fat": 1"#, with: #"\u005fat": 2"#)
    #expect(try Self.digest(escaped) != Self.digest(later))
  }

  @Test func theCollectionKeyAndVersionCount() throws {
    let base = try Self.digest(Self.base)
    #expect(try Self.digest(Self.base, collection: "sources") != base)
    #expect(try Self.digest(Self.base, schemaVersion: 11) != base)
    // The key it is stored under (used when unique_id is missing).
    let twice = try Self.digests([
      Self.base, Self.base.replacingOccurrences(of: "model.p.a", with: "model.p.b"),
    ])
    #expect(twice.count == 2)
    let noID = Self.base.replacingOccurrences(of: #""unique_id": "model.p.a", "#, with: "")
    let text = """
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"},
       "nodes": {"model.p.a": \(noID)}}
      """
    guard case .manifest(let manifest) = try ArtifactReader.read(bytes: Array(text.utf8), name: "m")
    else { throw DigestTestError() }
    let renamed = text.replacingOccurrences(of: #""model.p.a": "#, with: #""model.p.z": "#)
    guard case .manifest(let other) = try ArtifactReader.read(bytes: Array(renamed.utf8), name: "m")
    else { throw DigestTestError() }
    #expect(manifest.nodes.first?.rawDigest != nil)
    #expect(manifest.nodes.first?.rawDigest != other.nodes.first?.rawDigest)
  }

  @Test func aDefinitionThatWarnsHasNoDigest() throws {
    let nulled = Self.base.replacingOccurrences(
      of: #""tags": ["x"]"#, with: #""depends_on": {"macros": [null]}, "tags": ["x"]"#)
    #expect(try Self.digest(nulled) == nil)
    #expect(try Self.digest(Self.base) != nil)
  }

  @Test func knownDefinitionsAreListedNotMapped() throws {
    let relative = "fivetran-hubspot/v12_dbt1.8.3/manifest.json"
    let full = try ArtifactReader.readManifest(file: Fixtures.path(relative))
    #expect(full.reused.isEmpty)
    let changed = full.nodes.filter { $0.resourceType == .model }.prefix(3).map(\.uniqueID)
    let known = KnownDefinitions(
      full.nodes.compactMap { node in
        node.rawDigest.map {
          KnownDefinition(
            rawDigest: $0, uniqueID: node.uniqueID, resourceType: node.resourceType,
            contentHash: node.contentHash)
        }
      }.filter { !changed.contains($0.uniqueID) })
    guard
      case .manifest(let next) = try ArtifactReader.read(
        file: Fixtures.path(relative), expecting: .manifest, known: known)
    else { throw DigestTestError() }
    #expect(next.definitionCount == full.nodes.count)
    #expect(Set(next.nodes.map(\.uniqueID)) == Set(changed))
    #expect(next.reused.count == full.nodes.count - changed.count)
    let byID = full.nodesByID()
    for definition in next.reused {
      #expect(byID[definition.uniqueID]?.contentHash == definition.contentHash)
      #expect(byID[definition.uniqueID]?.resourceType == definition.resourceType)
    }
  }

  @Test func consecutiveRealRunsShareMostDigests() throws {
    // dbt rewrites every node's created_at on a full parse: the digests still match.
    let root = Fixtures.repositoryRoot + "/sample-runs/runs/201/"
    let first = try ArtifactReader.readManifest(file: root + "001/02-build/manifest.json")
    let second = try ArtifactReader.readManifest(file: root + "002/02-build/manifest.json")
    let before = Dictionary(
      first.nodes.map { ($0.uniqueID, $0) }, uniquingKeysWith: { first, _ in first })
    var same = 0
    var differentContent = 0
    for node in second.nodes {
      guard let old = before[node.uniqueID] else { continue }
      #expect(old.json != node.json || old.rawDigest == node.rawDigest)
      if old.rawDigest == node.rawDigest {
        same += 1
        #expect(old.contentHash == node.contentHash, "\(node.uniqueID)")
      } else if old.contentHash != node.contentHash {
        differentContent += 1
      }
    }
    #expect(same > second.nodes.count * 9 / 10)
    #expect(differentContent > 0)
  }

  /// The scan that validates the file notes where volatile values start; digests made from
  /// those notes equal digests made by scanning each definition's bytes.
  @Test(arguments: Fixtures.allPublicJSON().filter { $0.hasSuffix("manifest.json") })
  func notedAndScannedDigestsAgree(_ relative: String) throws {
    let bytes = try ArtifactFile.readBytes(path: Fixtures.path(relative))
    let document = try JSONDocument(bytes: bytes, name: relative, recordDepth: 2)
    // Every manifest dbt writes has a created_at per definition (v1+) or a root_path (v0-v7).
    #expect(!document.volatileValueStarts.isEmpty)
    var digester = RawDigester()
    var compared = 0
    for (key, _) in ManifestReader.collections {
      guard let collection = document.root.member(key) else { continue }
      for member in collection.members {
        #expect(member.value.isCollapsed)
        let noted = digester.digest(
          of: member.value, key: member.rawKey, collection: key, schemaVersion: 12)
        let scanned = digester.digest(
          of: member.value.expanded(), key: member.rawKey, collection: key, schemaVersion: 12)
        #expect(noted == scanned, "\(member.key)")
        compared += 1
      }
    }
    #expect(compared > 0)
  }
}
