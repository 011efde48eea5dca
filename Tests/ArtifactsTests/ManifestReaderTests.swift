import Testing

@testable import Artifacts

/// Manifests of every schema version: counts per kind against numbers computed
/// independently with Python, and the version-specific fields.
@Suite struct ManifestReaderTests {
  func manifest(_ relative: String) throws -> Manifest {
    try ArtifactReader.readManifest(file: Fixtures.path(relative))
  }

  /// Expected counts were computed with python3 from the same files:
  /// `Counter(n.get("resource_type") or <collection> for every collection)` over nodes,
  /// sources, exposures, metrics, macros, docs, semantic_models, saved_queries, unit_tests,
  /// groups, functions; disabled = len(list) (v1-v3) or sum of list lengths (v4+);
  /// parent_map = len(parent_map). ("docs" without resource_type are counted as "doc".)
  @Test(arguments: [
    ("dbt-core/state/v1/manifest.json", 1, ["doc": 1, "macro": 143, "model": 1], 0, 1),
    (
      "tuva/v2_dbt0.20.0/manifest.json", 2,
      ["doc": 2, "macro": 153, "model": 10, "seed": 2, "source": 4, "test": 13], 0, 29
    ),
    (
      "tuva/v3_dbt0.21.0/manifest.json", 3,
      ["doc": 1, "macro": 174, "model": 12, "seed": 15, "source": 12], 0,
      39
    ),
    (
      "fivetran-hubspot/v4_dbt1.0.0/manifest.json", 4,
      ["doc": 41, "macro": 534, "model": 104, "seed": 37, "source": 52, "test": 117], 24, 310
    ),
    (
      "flipside-flow/v5_dbt1.1.0/manifest.json", 5,
      ["doc": 42, "macro": 611, "model": 18, "operation": 2, "source": 3, "test": 259], 0, 282
    ),
    (
      "flipside-solana/v6_dbt1.2.0/manifest.json", 6,
      [
        "doc": 57, "macro": 754, "model": 102, "operation": 5, "seed": 11, "source": 17,
        "test": 776,
      ], 10, 911
    ),
    (
      "fivetran-ad-reporting/v7_dbt1.3.0/manifest.json", 7,
      ["doc": 130, "macro": 812, "metric": 9, "model": 223, "seed": 80, "source": 78, "test": 370],
      4, 760
    ),
    (
      "dbt-core/state/v8/manifest.json", 8,
      [
        "analysis": 1, "doc": 2, "exposure": 1, "macro": 292, "metric": 1, "model": 1, "seed": 1,
        "snapshot": 1,
        "source": 1, "test": 3,
      ], 9, 10
    ),
    (
      "dbt-artifacts-parser/manifest/v9/jaffle_shop_at_1.5rc1/manifest.json", 9,
      ["doc": 3, "macro": 844, "model": 34, "operation": 2, "seed": 3, "test": 21], 0, 60
    ),
    (
      "dbt-core/state/v10/manifest.json", 10,
      [
        "analysis": 1, "doc": 2, "exposure": 1, "macro": 355, "metric": 4, "model": 2, "seed": 1,
        "semantic_model": 1, "snapshot": 1, "source": 1, "test": 3,
      ], 9, 15
    ),
    (
      "tuva/v11_dbt1.7.8/manifest.json", 11,
      ["doc": 2, "macro": 577, "model": 297, "seed": 77, "test": 57], 4, 431
    ),
    (
      "dbt-artifacts-parser/manifest/v12/jaffle_shop/manifest_1.12.json", 12,
      [
        "doc": 1, "macro": 672, "metric": 23, "model": 13, "saved_query": 3, "seed": 6,
        "semantic_model": 6,
        "source": 6, "test": 27, "unit_test": 3,
      ], 0, 87
    ),
    (
      "fivetran-hubspot/v12_dbt1.11.11/manifest.json", 12,
      ["doc": 44, "macro": 791, "model": 154, "seed": 56, "source": 61, "test": 73], 43, 344
    ),
  ])
  func countsMatchAnIndependentCount(
    file: String, version: Int, counts: [String: Int], disabled: Int, parents: Int
  ) throws {
    let manifest = try manifest(file)
    #expect(manifest.header.kind == .manifest)
    #expect(manifest.header.schemaVersion == version)
    var actual: [String: Int] = [:]
    for (type, count) in manifest.countsByType { actual[type.rawValue] = count }
    #expect(actual == counts)
    #expect(manifest.disabled.count == disabled)
    #expect(manifest.disabled.allSatisfy { $0.isDisabled })
    #expect(!manifest.nodes.contains { $0.isDisabled })
    #expect(manifest.parentMap?.count == parents)
    // Every node has an id, a content hash, and its own JSON.
    for node in manifest.nodes {
      #expect(!node.uniqueID.isEmpty)
      #expect(node.contentHash.count == 64)
      #expect(node.json.bytes.first == UInt8(ascii: "{"))
    }
  }

  @Test func headerFields() throws {
    let header = try manifest("fivetran-hubspot/v12_dbt1.8.3/manifest.json").header
    #expect(header.dbtVersion == "1.8.3")
    #expect(header.generatedAt?.canonical == "2024-07-29T16:23:24.555172Z")
    #expect(header.invocationID == "fda24129-5064-462d-a867-9a44fed36deb")
    #expect(header.projectName == "hubspot_integration_tests")
    #expect(header.projectID == "5e587fba07ab8a9a57427c930291accf")
    #expect(header.adapterType == "postgres")
    #expect(header.env.isEmpty)
  }

  @Test func genericTestsCarryTheirMetadataAndTestedNode() throws {
    let manifest = try manifest("fivetran-hubspot/v4_dbt1.0.0/manifest.json")
    let nodes = manifest.nodesByID()
    let test = try #require(
      nodes[
        "test.hubspot_source.not_null_stg_hubspot__deal_pipeline_stage_deal_pipeline_stage_id.d53656553e"
      ]
    )
    let details = try #require(test.test)
    #expect(details.isGeneric)
    #expect(details.testName == "not_null")
    #expect(details.namespace == nil)
    #expect(details.columnName == "deal_pipeline_stage_id")
    #expect(details.fileKeyName == "models.stg_hubspot__deal_pipeline_stage")
    #expect(details.attachedNode == nil)  // v9+ only
    #expect(details.testedNodeID == "model.hubspot_source.stg_hubspot__deal_pipeline_stage")
    #expect(
      details.kwargs?.compactText.contains(#""column_name":"deal_pipeline_stage_id""#) == true)
    #expect(test.dependsOn.macros == ["macro.dbt.test_not_null", "macro.dbt.get_where_subquery"])
    // v4 writes raw_sql / compiled_sql; they fill rawCode.
    #expect(test.rawCode?.contains("test_not_null") == true)
  }

  @Test func attachedNodeAndObjectRefsFromV9On() throws {
    let nodes = try manifest("dbt-core/state/v12/manifest.json").nodesByID()
    let test = try #require(nodes["test.test.not_null_my_model_id.43e0e9183a"])
    #expect(test.test?.attachedNode == "model.test.my_model")
    #expect(test.test?.testedNodeID == "model.test.my_model")
    #expect(test.refs == [NodeRef(name: "my_model", package: nil, version: nil)])
    let singular = try #require(nodes["test.test.just_my"])
    #expect(singular.test?.isGeneric == false)
    #expect(nodes["model.test.my_model"]?.access == "protected")
    #expect(nodes["model.test.my_model"]?.contract?.enforced == false)
    #expect(nodes["model.test.my_model"]?.language == "sql")
  }

  @Test func listRefsAndRawCodeInV7() throws {
    let nodes = try manifest("fivetran-ad-reporting/v7_dbt1.3.0/manifest.json").nodesByID()
    let model = try #require(
      nodes["model.microsoft_ads_source.stg_microsoft_ads__account_daily_report"])
    #expect(
      model.refs.first
        == NodeRef(name: "stg_microsoft_ads__account_daily_report_tmp", package: nil, version: nil))
    #expect(
      model.rawCode?.hasPrefix("{{ config(enabled=var('ad_reporting__microsoft_ads_enabled',")
        == true)
    #expect(model.config.materialized != nil)
  }

  @Test func theTrueAndTrueStringIsReadAsABoolean() throws {
    let nodes = try manifest("fivetran-ad-reporting/v7_dbt1.3.0/manifest.json").nodesByID()
    let source = try #require(
      nodes["source.apple_search_ads_source.apple_search_ads.search_term_report"])
    #expect(source.config.enabled == true)
    #expect(source.config.json?.compactText.contains(#""enabled":"True and True""#) == true)
  }

  @Test func sourcesCarryFreshnessAndLoader() throws {
    let nodes = try manifest("fivetran-hubspot/v4_dbt1.0.0/manifest.json").nodesByID()
    let source = try #require(nodes["source.hubspot_source.hubspot.calendar_event"])
    #expect(source.resourceType == .source)
    let details = try #require(source.source)
    #expect(details.sourceName == "hubspot")
    #expect(details.loader == "Fivetran")
    #expect(details.identifier == "calendar_event")
    #expect(details.loadedAtField == "_fivetran_synced")
    // {"count": null, "period": null} is "not set".
    #expect(details.freshness?.isEmpty == true)
    #expect(details.freshness?.filter == nil)
  }

  @Test func metricsInAllThreeFormats() throws {
    let v4 = try manifest("dbt-core/state/v4/manifest.json").nodes(ofType: .metric)
    #expect(v4.first?.metric?.format == .dbtMetricsV1)
    #expect(v4.first?.metric?.calculation == "count")
    #expect(v4.first?.metric?.expression == "*")
    #expect(v4.first?.model == "ref('my_model')")

    let v7 = try manifest("fivetran-ad-reporting/v7_dbt1.3.0/manifest.json").nodesByID()
    let spend = try #require(v7["metric.ad_reporting.spend"]?.metric)
    #expect(spend.format == .dbtMetricsV2)
    #expect(spend.calculation == "sum")
    #expect(spend.expression == "spend")
    #expect(spend.timestamp == "date_day")
    #expect(spend.timeGrains == ["day", "week", "month"])
    #expect(spend.dimensions.count == 9)
    #expect(spend.label == "Ad spend (Fivetran)")

    let v12 = try manifest("dbt-artifacts-parser/manifest/v12/jaffle_shop/manifest_1.12.json")
    let metrics = v12.nodes(ofType: .metric)
    #expect(metrics.allSatisfy { $0.metric?.format == .metricFlow })
    var kinds: [String: Int] = [:]
    for metric in metrics { kinds[metric.metric?.calculation ?? "?", default: 0] += 1 }
    // python3: Counter(m["type"] for m in manifest["metrics"].values())
    #expect(kinds == ["simple": 17, "derived": 3, "ratio": 2, "cumulative": 1])
    #expect(metrics.allSatisfy { $0.metric?.typeParams != nil })
  }

  @Test func newerKindsAndDisabledDictionaries() throws {
    let v12 = try manifest("dbt-artifacts-parser/manifest/v12/jaffle_shop/manifest_1.12.json")
    let unitTest = try #require(
      v12.nodesByID()[
        "unit_test.jaffle_shop.stg_locations.test_does_location_opened_at_trunc_to_date"])
    #expect(unitTest.model == "stg_locations")
    #expect(unitTest.dependsOn.nodes == ["model.jaffle_shop.stg_locations"])
    #expect(v12.nodes(ofType: .savedQuery).count == 3)
    #expect(v12.nodes(ofType: .macro).allSatisfy { $0.macro?.macroSQL != nil })

    let core = try manifest("dbt-core/state/v12/manifest.json")
    let disabledIDs = Set(core.disabled.map(\.uniqueID))
    #expect(disabledIDs.contains("exposure.test.disabled_exposure"))
    #expect(disabledIDs.contains("source.test.my_source.disabled_table"))
    let disabledKinds = Set(core.disabled.map(\.resourceType.rawValue))
    #expect(
      disabledKinds == [
        "model", "snapshot", "analysis", "test", "exposure", "metric", "seed", "source",
      ])
  }

  @Test func listDisabledInOldManifests() throws {
    // v1: disabled is a list (python3: len(manifest["disabled"]) == 21).
    let manifest = try manifest("fivetran-hubspot/v1_dbt0.19.1/manifest.json")
    #expect(manifest.disabled.count == 21)
    #expect(manifest.header.schemaVersion == 1)
  }

  @Test func contentHashesAreStableAcrossReadsAndDistinctAcrossNodes() throws {
    let first = try manifest("tuva/v3_dbt0.21.0/manifest.json")
    let second = try manifest("tuva/v3_dbt0.21.0/manifest.json")
    #expect(first.nodes.map(\.contentHash) == second.nodes.map(\.contentHash))
    #expect(Set(first.nodes.map(\.contentHash)).count == first.nodes.count)
  }

  /// fivetran-ad-reporting has 1,702 definitions, so it is mapped on several threads: the
  /// result must be in file order and hash like a serial, uncached hash of each node.
  @Test func parallelMappingKeepsOrderAndHashes() throws {
    let manifest = try manifest("fivetran-ad-reporting/v7_dbt1.3.0/manifest.json")
    #expect(manifest.nodes.count > ParallelNodeMapper.parallelThreshold)
    let document = try JSONDocument(
      bytes: try ArtifactFile.readBytes(
        path: Fixtures.path("fivetran-ad-reporting/v7_dbt1.3.0/manifest.json")),
      name: "m")
    var expected: [String] = []
    for (key, _) in ManifestReader.collections {
      guard let collection = document.root[key] else { continue }
      for member in collection.members { expected.append(member.key) }
    }
    #expect(manifest.nodes.map(\.uniqueID) == expected)
    for node in manifest.nodes.prefix(200) {
      let reparsed = try node.json.parse()
      #expect(CanonicalJSON.contentHash(of: reparsed.root) == node.contentHash)
    }
  }

  @Test func compactJSONRoundTripsThroughTheParser() throws {
    // The reader hashes with a shared key-order cache; a fresh parse and hash of each
    // node's compact JSON must agree for every node.
    let manifest = try manifest("dbt-core/state/v12/manifest.json")
    for node in manifest.nodes + manifest.disabled {
      let compact = node.json.compactBytes
      #expect(!compact.contains(UInt8(ascii: "\n")))
      let reparsed = try JSONDocument(bytes: compact, name: "compact")
      #expect(CanonicalJSON.contentHash(of: reparsed.root) == node.contentHash)
      #expect(compact.count <= node.json.bytes.count)
    }
  }
}
