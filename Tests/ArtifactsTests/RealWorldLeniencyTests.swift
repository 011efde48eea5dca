import Foundation
import Testing

@testable import Artifacts

/// What real dbt writes is read, not refused: `null` entries in lists, values of an
/// unexpected type in descriptive fields, pre-0.19 compile steps. The public files are
/// never edited: minimal edited copies are written into a temporary directory.
@Suite struct RealWorldLeniencyTests {
  static let solana = "flipside-solana/v6_dbt1.2.0/manifest.json"
  /// dbt_expectations tests in dbt 1.2 list their own macro as `null`.
  static let written =
    #""macros": ["macro.dbt_expectations.test_expect_column_to_exist", "macro.dbt.get_where_subquery"]"#
  static let nulled = #""macros": [null, "macro.dbt.get_where_subquery"]"#

  /// A copy of a public file with every `original` replaced by `replacement`.
  static func editedCopy(of relative: String, replacing original: String, with replacement: String)
    throws -> (path: String, replaced: Int)
  {
    let text = try String(contentsOfFile: Fixtures.path(relative), encoding: .utf8)
    let parts = text.components(separatedBy: original)
    let path =
      try Fixtures.temporaryDirectory() + "/" + URL(fileURLWithPath: relative).lastPathComponent
    try Data(parts.joined(separator: replacement).utf8).write(to: URL(fileURLWithPath: path))
    return (path, parts.count - 1)
  }

  @Test func aDbt12ManifestWithNullMacrosIsReadWithACountedWarning() throws {
    let original = try ArtifactReader.readManifest(file: Fixtures.path(Self.solana))
    let edited = try Self.editedCopy(of: Self.solana, replacing: Self.written, with: Self.nulled)
    #expect(edited.replaced == 187)
    let manifest = try ArtifactReader.readManifest(file: edited.path)
    #expect(manifest.nodes.map(\.uniqueID) == original.nodes.map(\.uniqueID))
    #expect(manifest.warnings.count == 1)
    let warning = try #require(manifest.warnings.first)
    #expect(warning.kind == .nullListEntry)
    #expect(warning.count == 187)
    #expect(warning.path.hasPrefix(#"$.nodes["test.solana_models."#))
    #expect(warning.path.hasSuffix(#"].depends_on.macros[0]"#))
    #expect(original.warnings.isEmpty)
    // The null is skipped when decoded; the tested model is still found.
    let tests = manifest.nodes.filter { $0.dependsOn.macros == ["macro.dbt.get_where_subquery"] }
    #expect(tests.count >= 187)
    let byID = original.nodesByID()
    for test in tests.prefix(20) {
      #expect(test.test?.testedNodeID == byID[test.uniqueID]?.test?.testedNodeID)
    }
  }

  /// Descriptive fields of another type are ignored with a warning naming the first place.
  @Test(arguments: [
    (
      #""config": {"#, #""config": "view", "x": {"#,
      "of an unexpected type ignored", "config: expected an object (config), found a string"
    ),
    (
      #""columns": {"#, #""columns": [], "x": {"#,
      "of an unexpected type ignored", "columns: expected an object of columns, found an array"
    ),
    (
      #""refs": [["#, #""refs": [7, ["#,
      "of an unexpected type ignored",
      "refs[0]: expected a ref (a list of strings or an object), found a number"
    ),
  ])
  func descriptiveFieldsOfAnotherTypeAreIgnored(
    original: String, replacement: String, what: String, detail: String
  ) throws {
    let relative = "diy9-dbt/target/manifest.json"
    let edited = try Self.editedCopy(of: relative, replacing: original, with: replacement)
    #expect(edited.replaced > 10)
    let manifest = try ArtifactReader.readManifest(file: edited.path)
    let reference = try ArtifactReader.readManifest(file: Fixtures.path(relative))
    #expect(manifest.nodes.count == reference.nodes.count)
    let warning = try #require(manifest.warnings.first)
    #expect(manifest.warnings.count == 1)
    #expect(warning.description.contains(what))
    #expect(warning.description.hasSuffix(detail + ")"), "\(warning)")
  }

  @Test func aPre019CompileStepIsNotExecuting() throws {
    let text = #"""
      {"results": [
        {"node": {"unique_id": "model.p.a", "resource_type": "model"}, "error": null, "status": null,
         "timing": [{"name": "compile", "started_at": "2020-02-01T10:00:00Z", "completed_at": "2020-02-01T10:00:01Z"}],
         "thread_id": "Thread-1", "execution_time": 0.5, "fail": null, "warn": null, "skip": false},
        {"node": {"unique_id": "test.p.t", "resource_type": "test"}, "error": null, "status": null,
         "timing": [], "thread_id": "Thread-1", "execution_time": 0.1, "fail": null, "warn": null, "skip": false}
       ], "generated_at": "2020-02-01T10:00:05Z", "elapsed_time": 5.0, "logs": []}
      """#
    let results = try ArtifactReader.readRunResults(bytes: text)
    #expect(results.step == .compile)
    #expect(results.step?.executesNodes == false)
    // Once a node shows it ran (an execute timing), the file is an executing step.
    let executed = text.replacingOccurrences(
      of: #"[{"name": "compile""#, with: #"[{"name": "execute""#)
    #expect(try ArtifactReader.readRunResults(bytes: executed).step == nil)
    let failed = text.replacingOccurrences(
      of: #""execution_time": 0.1, "fail": null"#, with: #""execution_time": 0.1, "fail": true"#)
    #expect(try ArtifactReader.readRunResults(bytes: failed).step == nil)
  }
}
