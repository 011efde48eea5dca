/// The data health of one environment, from its applied state: what `/metrics` exports so
/// that Prometheus and Alertmanager can alert on stale sources and failing tests.
public struct EnvironmentHealthRecord: Sendable, Equatable {
  /// One source's latest freshness result.
  public struct Source: Sendable, Equatable {
    public var uniqueID: String
    /// The source's `max_loaded_at` (canonical UTC), when the check could read it.
    public var maxLoadedAt: String?
    /// `pass`, `warn`, `error` or `runtime error`.
    public var status: String

    public init(uniqueID: String, maxLoadedAt: String?, status: String) {
      self.uniqueID = uniqueID
      self.maxLoadedAt = maxLoadedAt
      self.status = status
    }
  }

  public var accountID: Int
  public var projectID: Int
  public var environmentID: Int
  public var environmentName: String?
  /// Sources of the current manifest with a freshness result, by unique id.
  public var sources: [Source]
  /// Tests of the current manifest whose latest execution failed (`fail` or `error`).
  public var failingTests: Int
  /// Tests of the current manifest whose latest execution warned.
  public var warningTests: Int
  /// Models of the current manifest whose latest execution was an error.
  public var modelsInError: Int

  public init(
    accountID: Int, projectID: Int, environmentID: Int, environmentName: String?,
    sources: [Source], failingTests: Int, warningTests: Int, modelsInError: Int
  ) {
    self.accountID = accountID
    self.projectID = projectID
    self.environmentID = environmentID
    self.environmentName = environmentName
    self.sources = sources
    self.failingTests = failingTests
    self.warningTests = warningTests
    self.modelsInError = modelsInError
  }
}
