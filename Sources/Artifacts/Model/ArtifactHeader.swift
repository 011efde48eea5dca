/// What every artifact says about itself: its kind and schema version and the dbt
/// invocation that wrote it (from `metadata`, or the top level in pre-0.19 files).
///
/// `invocationID` is the key for idempotent ingest (the same files ingested twice carry the
/// same id); files in one `target/` folder often come from different invocations.
/// See `reference/dbt-artifacts.md` §2 and https://docs.getdbt.com/reference/artifacts/dbt-artifacts#common-metadata
public struct ArtifactHeader: Sendable, Hashable {
  /// The artifact kind, from the schema URL (or the shape, for version 0).
  public let kind: ArtifactKind
  /// N in `.../<kind>/vN.json`; 0 for the unversioned pre-0.19 format.
  public let schemaVersion: Int
  /// `metadata.dbt_schema_version` as written (nil for version 0).
  public let schemaURL: String?
  /// `metadata.dbt_version`, e.g. "1.8.3" or "1.5.0b5" (nil for version 0).
  public let dbtVersion: String?
  /// `metadata.generated_at` (top-level `generated_at` in version 0).
  public let generatedAt: Timestamp?
  /// `metadata.invocation_id` (may be null, or a placeholder in sanitized files).
  public let invocationID: String?
  /// `metadata.invocation_started_at` (dbt 1.10+).
  public let invocationStartedAt: Timestamp?
  /// `metadata.env`: the `DBT_ENV_CUSTOM_ENV_*` variables, string values only.
  public let env: [String: String]
  /// `metadata.adapter_type` (manifests): postgres, snowflake, bigquery...
  public let adapterType: String?
  /// `metadata.project_id`: md5 of the project name (manifests).
  public let projectID: String?
  /// `metadata.project_name` (manifest v10+).
  public let projectName: String?
  /// `metadata.user_id` (manifests; may be null).
  public let userID: String?
}
