import Foundation
import Testing

@testable import Artifacts

/// Table-driven: every kind of bad input that used to be stored silently is now refused
/// with a clear error, or read with a warning that names the place.
@Suite struct BadInputKindsTests {
  static func read(_ text: String, name: String = "bad.json") throws -> Artifact {
    try ArtifactReader.read(bytes: Array(text.utf8), name: name)
  }

  static func error(_ text: String) -> ArtifactError? {
    do {
      _ = try read(text)
      return nil
    } catch let error as ArtifactError {
      return error
    } catch {
      return nil
    }
  }

  static func header(_ kind: String, _ version: Int) -> String {
    #""metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/\#(kind)/v\#(version).json", "generated_at": "2024-01-01T00:00:00Z", "invocation_id": "i"}"#
  }

  static func runResults(_ result: String, extra: String = "") -> String {
    #"{\#(header("run-results", 6)), "results": [{"unique_id": "model.p.a", "status": "success", \#(result)}]\#(extra)}"#
  }

  // MARK: - Encodings

  static let sample = #"{"results": []}"#

  static func encoded(_ encoding: String.Encoding, bom: [UInt8] = []) -> [UInt8] {
    bom + Array(sample.data(using: encoding) ?? Data())
  }

  @Test(arguments: [
    (Self.encoded(.utf8, bom: [0xEF, 0xBB, 0xBF]), "UTF-8 with a byte order mark (BOM)"),
    (Self.encoded(.utf16LittleEndian), "UTF-16 (little-endian)"),
    (Self.encoded(.utf16BigEndian), "UTF-16 (big-endian)"),
    (Self.encoded(.utf16LittleEndian, bom: [0xFF, 0xFE]), "UTF-16 (little-endian, with BOM)"),
    (Self.encoded(.utf16BigEndian, bom: [0xFE, 0xFF]), "UTF-16 (big-endian, with BOM)"),
    (Self.encoded(.utf32LittleEndian), "UTF-32 (little-endian)"),
    (Self.encoded(.utf32BigEndian), "UTF-32 (big-endian)"),
    (
      Self.encoded(.utf32LittleEndian, bom: [0xFF, 0xFE, 0x00, 0x00]),
      "UTF-32 (little-endian, with BOM)"
    ),
    (
      Self.encoded(.utf32BigEndian, bom: [0x00, 0x00, 0xFE, 0xFF]),
      "UTF-32 (big-endian, with BOM)"
    ),
  ])
  func otherEncodingsAreNamed(bytes: [UInt8], encoding: String) throws {
    #expect(bytes.count > Self.sample.utf8.count)
    let error = try #require(throws: ArtifactError.self) {
      try ArtifactReader.read(bytes: bytes, name: "r.json")
    }
    #expect(
      error.description
        == "r.json: invalid JSON at line 1, column 1 (byte 0): the file is \(encoding), not UTF-8: JSON must be UTF-8 without a byte order mark (RFC 8259 §8.1); convert it (for example with iconv) and try again"
    )
  }

  @Test func anInvalidByteInAStringSaysByteOnce() throws {
    let error = try #require(throws: ArtifactError.self) {
      try JSONDocument(bytes: [0x5B, 0x22, 0xFF, 0x22, 0x5D], name: "b.json")
    }
    #expect(
      error.description
        == "b.json: invalid JSON at line 1, column 3 (byte 2): invalid UTF-8 byte 0xFF in a string")
  }

  // MARK: - Missing results

  @Test(arguments: [
    (#"{\#(header("run-results", 6)), "elapsed_time": 1.0, "args": {"which": "build"}}"#),
    (#"{\#(header("sources", 3)), "elapsed_time": 1.0}"#),
  ])
  func aFileWithoutResultsIsRefused(text: String) {
    #expect(
      Self.error(text)?.reason
        == .wrongType(path: "$.results", expected: "a list of results", found: "nothing (missing)"))
  }

  // MARK: - Unversioned manifests

  static let v0Nodes =
    #""nodes": {"model.p.a": {"unique_id": "model.p.a", "resource_type": "model", "name": "a"}}"#

  @Test(arguments: [
    (
      #"{\#(v0Nodes), "macros": {}, "generated_at": "2024-01-01T00:00:00Z", "semantic_models": {}}"#,
      #"a top-level "semantic_models""#
    ),
    (
      #"{\#(v0Nodes), "macros": {}, "generated_at": "2024-01-01T00:00:00Z", "disabled": {}}"#,
      #""disabled" is an object (v4+)"#
    ),
    (
      #"{\#(v0Nodes), "macros": {}, "metadata": {"dbt_version": "1.8.0", "generated_at": "2024-01-01T00:00:00Z"}}"#,
      "metadata.dbt_version"
    ),
    (#"{\#(v0Nodes), "macros": {}, "parent_map": {}}"#, #"no top-level "generated_at""#),
  ])
  func anUnversionedManifestWithALaterShapeIsRefused(text: String, why: String) {
    #expect(
      Self.error(text)?.reason
        == .unknownKind(
          found: "no metadata.dbt_schema_version, but \(why), which pre-0.19 manifests never have; "
            + "was the metadata removed?"))
  }

  @Test func aRealManifestWithoutItsSchemaVersionIsRefused() throws {
    let relative = "tuva/v11_dbt1.7.8/manifest.json"
    let text = try String(contentsOfFile: Fixtures.path(relative), encoding: .utf8)
    let removed = text.replacingOccurrences(
      of: #""dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v11.json", "#, with: "")
    #expect(removed.count < text.count)
    guard case .unknownKind(let found) = Self.error(removed)?.reason else {
      Issue.record("expected unknownKind")
      return
    }
    #expect(found.contains("was the metadata removed?"))
  }

  @Test func aPre019ManifestIsReadWithAWarningNamingTheVersion() throws {
    let text =
      #"{\#(Self.v0Nodes), "macros": {}, "disabled": [], "generated_at": "2021-01-01T00:00:00Z", "metadata": {"project_id": "x", "adapter_type": "postgres"}}"#
    let artifact = try Self.read(text)
    #expect(artifact.header.schemaVersion == 0)
    #expect(
      artifact.warnings.map(\.description) == [
        "no metadata.dbt_schema_version: read as a pre-0.19 (v0) manifest, the format of dbt 0.18 and earlier"
      ])
  }

  // MARK: - Resource types

  static func manifest(resourceType: String) -> String {
    #"{\#(header("manifest", 12)), "nodes": {"model.p.a": {"unique_id": "model.p.a", "resource_type": \#(resourceType), "name": "a"}}, "sources": {}, "macros": {}}"#
  }

  /// A resource type is a fact the store keys on: a number or a boolean is refused, not
  /// stored as its text.
  @Test(arguments: [("42", "a number"), ("true", "a boolean"), ("[\"model\"]", "an array")])
  func aResourceTypeThatIsNotAStringIsRefused(value: String, found: String) {
    #expect(
      Self.error(Self.manifest(resourceType: value))?.reason
        == .wrongType(
          path: #"$.nodes["model.p.a"].resource_type"#, expected: "a string (resource_type)",
          found: found))
  }

  /// An absent or null resource type is the collection's, as older manifests write it.
  @Test(arguments: ["null", "\"model\""])
  func aNullOrStringResourceTypeIsRead(value: String) throws {
    guard case .manifest(let manifest) = try Self.read(Self.manifest(resourceType: value)) else {
      Issue.record("not a manifest")
      return
    }
    #expect(manifest.nodes.map(\.resourceType.rawValue) == ["model"])
  }

  // MARK: - Numbers out of range

  /// Numbers the API serves are refused out of range; the error quotes the number.
  @Test(arguments: [
    (#""failures": 1e23"#, "$.results[0].failures", "an integer within 64 bits", "a number 1e23"),
    (
      #""failures": 99999999999999999999"#, "$.results[0].failures", "an integer within 64 bits",
      "a number 99999999999999999999"
    ),
    (
      #""execution_time": 1e999"#, "$.results[0].execution_time", "a finite number",
      "a number 1e999"
    ),
  ])
  func servedNumbersOutOfRangeAreRefused(
    field: String, path: String, expected: String, found: String
  ) {
    #expect(
      Self.error(Self.runResults(field))?.reason
        == .wrongType(path: path, expected: expected, found: found))
  }

  @Test func freshnessAgeOutOfRangeIsRefused() {
    let text =
      #"{\#(Self.header("sources", 3)), "results": [{"unique_id": "source.p.s.t", "status": "pass", "max_loaded_at_time_ago_in_s": -1e400}]}"#
    #expect(
      Self.error(text)?.reason
        == .wrongType(
          path: "$.results[0].max_loaded_at_time_ago_in_s", expected: "a finite number",
          found: "a number -1e400"))
  }

  /// Numbers only kept for order or description are stored as null with a warning.
  @Test func describedNumbersOutOfRangeAreWarned() throws {
    let results = try Self.read(
      Self.runResults(#""failures": "Test failure""#, extra: #", "elapsed_time": 1e999"#))
    #expect(
      results.warnings.map(\.description) == [
        #"1 value of an unexpected type ignored (first: $.results[0].failures: expected an integer, found a string)"#,
        "1 number out of range stored as null (first: $.elapsed_time: 1e999)",
      ])
    let catalog =
      #"{\#(Self.header("catalog", 1)), "nodes": {"model.p.a": {"metadata": {"type": "table"}, "columns": {"id": {"name": "id", "index": 1e30}, "x": {"name": "x", "index": 99999999999999999999}}, "stats": {}}}, "sources": {}}"#
    guard case .catalog(let read) = try Self.read(catalog) else {
      Issue.record("not a catalog")
      return
    }
    #expect(read.nodes.first?.columns.map(\.index) == [nil, nil])
    #expect(
      read.warnings.map(\.description) == [
        #"2 numbers out of range stored as null (first: $.nodes["model.p.a"].columns.id.index: 1e30)"#
      ])
  }

  /// A hook's `index` orders the hooks only: read from a number or an integer string, else
  /// null with a warning.
  @Test(
    arguments: [
      ("3", 3, nil),
      (#""4""#, 4, nil),
      (
        "1e30", nil,
        #"1 number out of range stored as null (first: $.nodes["operation.p.h"].index: 1e30)"#
      ),
      (
        #""first""#, nil,
        #"1 value of an unexpected type ignored (first: $.nodes["operation.p.h"].index: expected an integer, found a string)"#
      ),
    ] as [(String, Int?, String?)])
  func aHookIndexIsReadOrWarned(index: String, expected: Int?, warning: String?) throws {
    let text =
      #"{\#(Self.header("manifest", 12)), "nodes": {"operation.p.h": {"unique_id": "operation.p.h", "resource_type": "operation", "name": "h", "package_name": "p", "index": \#(index)}}}"#
    guard case .manifest(let manifest) = try Self.read(text) else {
      Issue.record("not a manifest")
      return
    }
    #expect(manifest.nodes.first?.hookIndex == expected)
    #expect(manifest.warnings.map(\.description) == (warning.map { [$0] } ?? []))
  }

  // MARK: - Duplicate keys: the last wins, as in Python's json

  @Test func theLastOfRepeatedKeysWins() throws {
    let document = try JSONDocument(bytes: Array(#"{"a": 1, "b": 2, "a": 3}"#.utf8), name: "d")
    #expect(document.root["a"]?.int == 3)
    #expect(document.root.members.lastValueWins.map(\.key) == ["a", "b"])
    #expect(document.root.members.lastValueWins.map { $0.value.int } == [3, 2])
    // Python agrees: json.loads('{"a": 1, "b": 2, "a": 3}') == {"a": 3, "b": 2}.
    let results = try Self.read(
      Self.runResults(#""status": "fail", "message": "first", "message": "second""#))
    guard case .runResults(let read) = results else {
      Issue.record("not run results")
      return
    }
    #expect(read.results.first?.status == "fail")
    #expect(read.results.first?.message == "second")
  }

  /// The canonical form (and so the content hash) sees what Python sees: the last value.
  @Test func theCanonicalFormKeepsTheLastOfRepeatedKeys() throws {
    let repeated = try JSONDocument(
      bytes: Array(#"{"b": 1, "a": 2, "c": {"x": 1, "x": [2, 1]}, "a": 3}"#.utf8), name: "r")
    let single = try JSONDocument(
      bytes: Array(#"{"a": 3, "b": 1, "c": {"x": [1, 2]}}"#.utf8), name: "s")
    #expect(
      String(decoding: CanonicalJSON.canonicalBytes(of: repeated.root), as: UTF8.self)
        == #"{"a":3,"b":1,"c":{"x":[1,2]}}"#)
    #expect(
      CanonicalJSON.contentHash(of: repeated.root) == CanonicalJSON.contentHash(of: single.root))
  }

  @Test(arguments: ["unique_id", "resource_type", "name", "package_name"])
  func aRepeatedKeyInADefinitionTakesItsLastValue(key: String) throws {
    let text =
      #"{\#(Self.header("manifest", 12)), "nodes": {"model.p.a": {"unique_id": "model.p.a", "resource_type": "model", "name": "a", "package_name": "p", "\#(key)": "model.p.z"}}}"#
    guard case .manifest(let manifest) = try Self.read(text) else {
      Issue.record("not a manifest")
      return
    }
    let node = try #require(manifest.nodes.first)
    let values = [
      "unique_id": node.uniqueID, "resource_type": node.resourceType.rawValue, "name": node.name,
      "package_name": node.packageName,
    ]
    #expect(values[key] == "model.p.z")
  }

  @Test func aRepeatedUniqueIDKeyKeepsOneDefinitionWithTheLastValue() throws {
    let text =
      #"{\#(Self.header("manifest", 12)), "nodes": {"model.p.a": {"unique_id": "model.p.a", "resource_type": "model", "name": "first"}, "model.p.b": {"unique_id": "model.p.b", "resource_type": "model", "name": "b"}, "model.p.a": {"unique_id": "model.p.a", "resource_type": "model", "name": "last"}}}"#
    guard case .manifest(let manifest) = try Self.read(text) else {
      Issue.record("not a manifest")
      return
    }
    #expect(manifest.nodes.map(\.uniqueID) == ["model.p.a", "model.p.b"])
    #expect(manifest.nodes.map(\.name) == ["last", "b"])
  }

  // MARK: - Identifier lengths and message lengths

  static let long = String(repeating: "x", count: 5000)

  @Test(arguments: [
    (
      #"{\#(header("manifest", 12)), "nodes": {"model.p.a": {"unique_id": "model.\#(long)", "name": "a"}}}"#,
      #"$.nodes["model.p.a"].unique_id"#, "a unique_id", 5006
    ),
    (
      #"{\#(header("manifest", 12)), "nodes": {"model.p.a": {"unique_id": "model.p.a", "resource_type": "\#(long)"}}}"#,
      #"$.nodes["model.p.a"].resource_type"#, "a resource_type", 5000
    ),
    (
      #"{\#(header("run-results", 6)), "results": [{"unique_id": "model.p.a", "status": "\#(long)"}]}"#,
      "$.results[0].status", "a status", 5000
    ),
    (
      #"{\#(header("run-results", 6)), "results": [{"unique_id": "\#(long)", "status": "success"}]}"#,
      "$.results[0].unique_id", "a unique_id", 5000
    ),
    (
      #"{\#(header("sources", 3)), "results": [{"unique_id": "s", "status": "\#(long)"}]}"#,
      "$.results[0].status", "a status", 5000
    ),
    (
      #"{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/catalog/v1.json", "invocation_id": "\#(long)"}, "nodes": {}, "sources": {}}"#,
      "$.metadata.invocation_id", "an invocation_id", 5000
    ),
  ])
  func identifiersPastTheLimitAreRefused(text: String, path: String, what: String, length: Int) {
    let error = Self.error(text)
    #expect(
      error?.reason
        == .identifierTooLong(path: path, what: what, length: length, limit: 4096))
    #expect((error?.description.count ?? 0) < 200)
  }

  @Test func keysPastTheLimitAreRefusedWithACutPath() {
    let cut = String(repeating: "x", count: ArtifactError.quoteLimit) + "... (5006 bytes)"
    let catalog =
      #"{\#(Self.header("catalog", 1)), "nodes": {"model.\#(Self.long)": {"metadata": {}}}, "sources": {}}"#
    #expect(
      Self.error(catalog)?.reason
        == .identifierTooLong(
          path: #"$.nodes["model.\#(cut.dropFirst(6))"]"#, what: "a unique_id (its key)",
          length: 5006, limit: 4096))
    let manifest =
      #"{\#(Self.header("manifest", 12)), "nodes": {}, "parent_map": {"model.\#(Self.long)": []}}"#
    guard case .identifierTooLong(let path, _, _, _) = Self.error(manifest)?.reason else {
      Issue.record("expected identifierTooLong")
      return
    }
    #expect(path.count < 200)
  }

  /// A 1 MB key or value is quoted in a message only up to a readable length.
  @Test func messagesQuoteLongValuesCut() throws {
    let huge = String(repeating: "k", count: 1_000_000)
    let badType = #"{\#(Self.header("manifest", 12)), "nodes": {"\#(huge)": 3}}"#
    let first = try #require(Self.error(badType))
    #expect(first.description.count < 300)
    #expect(first.description.contains("... (1000000 bytes)"))
    let badTime =
      #"{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/catalog/v1.json", "generated_at": "\#(huge)"}, "nodes": {}, "sources": {}}"#
    let second = try #require(Self.error(badTime))
    #expect(second.description.count < 300)
    let badURL = #"{"metadata": {"dbt_schema_version": "\#(huge)"}}"#
    let third = try #require(Self.error(badURL))
    #expect(third.description.count < 600)
    let badKeys = #"{"\#(huge)": 1}"#
    let fourth = try #require(Self.error(badKeys))
    #expect(fourth.description.count < 600)
  }
}
