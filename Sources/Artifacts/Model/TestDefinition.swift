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
