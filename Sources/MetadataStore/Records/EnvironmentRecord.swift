/// An environment of an account with the run whose manifest is its current state: what
/// the Discovery API's `environment(id:)` answers from.
public struct EnvironmentRecord: Sendable, Equatable {
  /// The environment id (dbt Cloud's).
  public var id: Int
  /// Where it belongs: account > project > environment.
  public var accountID: Int
  public var projectID: Int
  /// The environment's name, if one was given.
  public var name: String?
  /// The run whose manifest is the environment's current definition state (newest
  /// `generated_at`), with its job, manifest version and the manifest's metadata; nil
  /// before any run was ingested.
  public var latestRunID: Int?
  public var latestJobID: Int?
  public var manifestVersionID: Int?
  /// The manifest's `metadata.generated_at` (canonical UTC, microseconds).
  public var generatedAt: String?
  /// The manifest's `metadata.dbt_version`, `adapter_type` and `project_name`.
  public var dbtVersion: String?
  public var adapterType: String?
  public var projectName: String?
}
