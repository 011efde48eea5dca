/// One manifest definition of any kind (model, seed, snapshot, test, analysis, operation,
/// source, exposure, metric, macro, doc, semantic model, saved query, unit test, group,
/// function), normalised across schema versions.
///
/// Version differences are folded here: `raw_sql`/`compiled_sql` (v0-v6) and
/// `raw_code`/`compiled_code` (v7+) both fill ``rawCode``/``compiledCode``; refs written as
/// `[["pkg", "name"]]` (v1-v8) or `{name, package, version}` (v9+) both fill ``refs``.
/// Kind-specific parts are in optional sub-values (``test``, ``source``, ``exposure``,
/// ``metric``, ``macro``); everything else dbt wrote is in ``json``.
///
/// For content-addressed storage each node carries its own JSON (``json``;
/// ``RawJSON/compactBytes`` for the stored form) and ``contentHash``: SHA-256 of a
/// canonical form (keys sorted, lists of scalars sorted, volatile keys such as
/// `created_at` dropped; see ``CanonicalJSON``), equal for identical definitions parsed at
/// different times.
public struct ManifestNode: Sendable {
  /// `unique_id`, e.g. `model.jaffle_shop.orders`, `source.pkg.raw.orders`. Never empty.
  public let uniqueID: String
  /// `resource_type` (or, when absent, the kind of the collection it was found in).
  public let resourceType: ResourceType
  /// `name` (for sources, the table name).
  public let name: String
  public let packageName: String?
  /// `path`, relative to the resource directory.
  let pathText: TextRange?
  /// `original_file_path`, relative to the project root.
  let originalFilePathText: TextRange?
  /// `fqn`: the fully qualified name parts.
  let fqnRange: JSONRange?
  public let database: String?
  public let schema: String?
  /// `alias` (the relation name in the warehouse; nodes).
  public let alias: String?
  /// `relation_name`: the quoted fully qualified relation (null for ephemeral models).
  let relationNameText: TextRange?
  let descriptionText: TextRange?
  let tagsRange: JSONRange?
  /// `meta` as written (an object), nil when absent.
  public var meta: RawJSON? { raw(metaRange) }
  let metaRange: JSONRange?
  /// `config`, with the fields readers use most pulled out.
  public var config: NodeConfig { configBox.value }
  /// `columns` in file order (YAML-declared columns, with the user's spelling); decoded on
  /// each access, so keep the result when using it more than once.
  public var columns: [NodeColumn] { NodeColumn.decodeAll(columnsJSON) }
  /// `depends_on`: upstream node ids, macros and (1.11+) functions.
  let dependsOnRange: JSONRange?
  /// `refs`, normalised to name/package/version.
  let refsRange: JSONRange?
  /// `sources`: the `source('a', 'b')` calls as (source name, table name) pairs.
  let sourcesRange: JSONRange?
  /// `language` ("sql", "python"), v7+.
  public let language: String?
  /// `checksum.checksum` (sha256 of the file, or "" for generic tests).
  let checksumText: TextRange?
  /// `patch_path` (`pkg://models/schema.yml`).
  let patchPathText: TextRange?
  /// Model `access` (private, protected, public), v9+.
  public let access: String?
  /// `group` name, v9+ (from the node or its config).
  public let group: String?
  /// Model `version` (numbers are kept as written: "2", "1.5"), v9+.
  public let version: String?
  /// Model `latest_version`, v9+.
  public let latestVersion: String?
  /// `contract` (v9+) or, before, nil.
  public let contract: NodeContract?
  /// Model `deprecation_date` (v10+).
  public let deprecationDate: String?
  /// Hook position (`index`) for operations.
  public let hookIndex: Int?
  /// `owner` of exposures and groups.
  public let owner: NodeOwner?
  /// The model a metric (v4-v9), semantic model or unit test is defined on, as written
  /// (`ref('orders')` for legacy metrics, `orders` for unit tests).
  public let model: String?
  /// True for entries of the manifest's `disabled` collection.
  public let isDisabled: Bool
  /// Test details (generic and singular tests).
  public var test: TestDefinition? { testBox?.value }
  /// Source details (sources only).
  public var source: SourceDefinition? { sourceBox?.value }
  /// Exposure details (exposures only).
  public var exposure: ExposureDefinition? { exposureBox?.value }
  /// Metric details (metrics only), in any of the three historic formats.
  public var metric: MetricDefinition? { metricBox?.value }
  /// Macro details (macros only).
  public var macro: MacroDefinition? { macroBox?.value }
  /// The node's complete JSON as written in the artifact.
  public let json: RawJSON
  /// SHA-256 (64 lowercase hex digits) of the canonical form of ``json``.
  public let contentHash: String
  /// The digest of the bytes the definition was read from (``RawDigest``): what a store
  /// remembers to recognise it in a next run without mapping it. Nil for disabled
  /// definitions and for one whose mapping recorded a warning (it is mapped every time,
  /// so its warnings are reported every time).
  public internal(set) var rawDigest: RawDigest? = nil

  // Stored compactly: a manifest holds tens of thousands of definitions, so parts that are
  // large or specific to one kind are boxed (a pointer when absent) and columns are decoded
  // from the definition's bytes on access (``columnCount`` is kept).
  let configBox: Box<NodeConfig>
  let columnsRange: JSONRange?
  /// The number of entries in `columns`.
  public let columnCount: Int
  let testBox: Box<TestDefinition>?
  let sourceBox: Box<SourceDefinition>?
  let exposureBox: Box<ExposureDefinition>?
  let metricBox: Box<MetricDefinition>?
  let macroBox: Box<MacroDefinition>?
  let rawCodeText: TextRange?
  let compiledCodeText: TextRange?

  // Lists are kept as JSON (checked when the manifest was read) and decoded on access,
  // so tens of thousands of definitions do not hold hundreds of thousands of small strings.

  /// `fqn`: the fully qualified name parts.
  public var fqn: [String] { ListDecoding.strings(fqnJSON) }
  public var tags: [String] { ListDecoding.strings(tagsJSON) }
  /// `depends_on`: upstream node ids, macros and (1.11+) functions.
  public var dependsOn: NodeDependencies { ListDecoding.dependencies(dependsOnJSON) }
  /// `refs`, normalised to name/package/version.
  public var refs: [NodeRef] { ListDecoding.refs(refsJSON) }
  /// `sources`: the `source('a', 'b')` calls as (source name, table name) pairs.
  public var sourceRefs: [SourceRef] { ListDecoding.sourceRefs(sourcesJSON) }

  // Longer texts are kept as byte ranges of the artifact (12 bytes each) and decoded on access.

  // JSON parts are kept as byte ranges of the artifact too (see ``JSONRange``).

  var fqnJSON: RawJSON? { raw(fqnRange) }
  var tagsJSON: RawJSON? { raw(tagsRange) }
  var dependsOnJSON: RawJSON? { raw(dependsOnRange) }
  var refsJSON: RawJSON? { raw(refsRange) }
  var sourcesJSON: RawJSON? { raw(sourcesRange) }
  var columnsJSON: RawJSON? { raw(columnsRange) }

  /// The JSON text at `range` (which indexes the same buffer as ``json``).
  func raw(_ range: JSONRange?) -> RawJSON? {
    guard let range else { return nil }
    return RawJSON(bytes: json.bytes.base(range))
  }

  /// Decodes a string token's range; the ranges index the same buffer as ``json``.
  func text(_ range: TextRange?) -> String? {
    guard let range else { return nil }
    return JSONScalars.decodeString(json.bytes.base(range), escaped: range.escaped)
  }

  /// `path`, relative to the resource directory.
  public var path: String? { text(pathText) }
  /// `original_file_path`, relative to the project root.
  public var originalFilePath: String? { text(originalFilePathText) }
  /// `relation_name`: the quoted fully qualified relation (null for ephemeral models).
  public var relationName: String? { text(relationNameText) }
  public var description: String? { text(descriptionText) }
  /// `patch_path` (`pkg://models/schema.yml`).
  public var patchPath: String? { text(patchPathText) }
  /// `checksum.checksum` (sha256 of the file, or "" for generic tests).
  public var checksum: String? { text(checksumText) }

  /// `raw_code` (v7+) or `raw_sql` (v0-v6); decoded on each access from the artifact's bytes.
  public var rawCode: String? { text(rawCodeText) }
  /// `compiled_code` (v7+) or `compiled_sql` (v0-v6); nil for nodes that were not compiled.
  public var compiledCode: String? { text(compiledCodeText) }
}
