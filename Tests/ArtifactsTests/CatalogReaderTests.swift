import Testing

@testable import Artifacts

/// catalog.json: counts against python3 (`len(nodes)`, `len(sources)`, total columns, total
/// stats), the `include: 1.0` quirk, column order and empty catalogs.
@Suite struct CatalogReaderTests {
  @Test(arguments: [
    ("fivetran-hubspot/v1_dbt0.19.1/catalog.json", 133, 0, 1308, 329),
    ("fivetran-hubspot/v4_dbt1.0.0/catalog.json", 137, 45, 1676, 474),
    ("fivetran-ad-reporting/v7_dbt1.3.0/catalog.json", 295, 78, 7322, 373),
    ("flipside-ethereum/catalog_dbt1.2.1/catalog.json", 1911, 37, 22180, 7642),
    ("dbt-artifacts-parser/catalog/v1/jaffle_shop/catalog_1.12.json", 19, 6, 138, 25),
    ("mitodl-ol-data-platform/catalog.json", 0, 0, 0, 0),
  ])
  func countsMatchAnIndependentCount(
    file: String, nodes: Int, sources: Int, columns: Int, stats: Int
  ) throws {
    let catalog = try ArtifactReader.readCatalog(file: Fixtures.path(file))
    #expect(catalog.header.schemaVersion == 1)
    #expect(catalog.nodes.count == nodes)
    #expect(catalog.sources.count == sources)
    #expect(catalog.columnCount == columns)
    #expect((catalog.nodes + catalog.sources).reduce(0) { $0 + $1.stats.count } == stats)
  }

  @Test func includeWrittenAsAFloatIsABoolean() throws {
    // dbt 1.0.0 wrote "include": 1.0 in this catalog (python3: stats with include == 1.0 exist).
    let catalog = try ArtifactReader.readCatalog(
      file: Fixtures.path("fivetran-hubspot/v4_dbt1.0.0/catalog.json"))
    let stats = (catalog.nodes + catalog.sources).flatMap(\.stats)
    #expect(stats.contains { $0.include })
    #expect(stats.allSatisfy { $0.id.isEmpty == false })
  }

  @Test func tableMetadataColumnsAndErrors() throws {
    let catalog = try ArtifactReader.readCatalog(
      file: Fixtures.path("ticketswap-tap-dbt-artifacts/target/catalog.json"))
    #expect(catalog.errors == ["sample_error_1", "sample_error_2"])
    let table = try #require(catalog.nodes.first)
    #expect(table.type != nil)
    #expect(table.name != nil)
    #expect(
      table.columns.map(\.index) == table.columns.map(\.index).sorted { ($0 ?? 0) < ($1 ?? 0) })
    #expect(table.stats.contains { $0.id == "has_stats" })
  }

  @Test func snowflakeStatsAndUpperCaseColumns() throws {
    let catalog = try ArtifactReader.readCatalog(
      file: Fixtures.path("flipside-ethereum/catalog_dbt1.2.1/catalog.json"))
    let table = try #require(catalog.nodes.first { $0.stats.contains { $0.id == "row_count" } })
    #expect(table.columns.first?.index == 1)
    #expect(table.columns.allSatisfy { $0.name == $0.name.uppercased() })
    #expect(table.stats.first { $0.id == "row_count" }?.value != nil)
  }
}
