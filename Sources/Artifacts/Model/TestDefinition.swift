/// What a test checks: generic tests carry `test_metadata` and a column; singular
/// ("data") tests have only SQL. See `reference/dbt-artifacts.md` §3.4.
public struct TestDefinition: Sendable {
  /// True for generic (schema) tests, i.e. those with `test_metadata`.
  public var isGeneric: Bool { testName != nil }
  /// `test_metadata.name`: unique, not_null, accepted_values, relationships, or a package test.
  public let testName: String?
  /// `test_metadata.namespace`: the package of a package test (dbt_utils...), or nil.
  public let namespace: String?
  /// `test_metadata.kwargs` as written (`column_name`, `model`, `values`...).
  public let kwargs: RawJSON?
  /// `column_name` (nil for model-level and singular tests); falls back to `kwargs.column_name`.
  public let columnName: String?
  /// `attached_node` (v9+): the unique_id of the tested model or source.
  public let attachedNode: String?
  /// `file_key_name` (v4+), e.g. "models.orders".
  public let fileKeyName: String?
  /// The tested node: ``attachedNode`` when present, else the first of `depends_on.nodes`
  /// (relationships tests depend on two nodes; the first is the tested one in dbt's order).
  public let testedNodeID: String?
}

/// A source table's freshness settings and loader.
public struct SourceDefinition: Sendable {
  /// `source_name`: the YAML source the table belongs to.
  public let sourceName: String
  public let sourceDescription: String?
  /// `loader` ("Fivetran", "stitch", "").
  public let loader: String?
  /// `identifier`: the physical table name.
  public let identifier: String?
  /// `loaded_at_field` (top level, else `config.loaded_at_field` in 1.11+).
  public let loadedAtField: String?
  /// `loaded_at_query` (1.10+).
  public let loadedAtQuery: String?
  /// `freshness` (top level, else `config.freshness`); nil when not configured.
  public let freshness: FreshnessCriteria?
  /// `source_meta` as written.
  public let sourceMeta: RawJSON?
}

/// A freshness threshold pair (FreshnessThreshold), in sources and in freshness results.
public struct FreshnessCriteria: Sendable, Hashable {
  public let warnAfter: FreshnessThreshold?
  public let errorAfter: FreshnessThreshold?
  /// `filter`: a SQL where clause, or nil.
  public let filter: String?

  /// True if neither threshold is set (dbt writes `{"count": null, "period": null}` for unset).
  public var isEmpty: Bool { warnAfter == nil && errorAfter == nil }
}

/// `{count, period}`: period in minute, hour, day. Unset thresholds are read as nil.
public struct FreshnessThreshold: Sendable, Hashable {
  public let count: Int
  public let period: String
}
