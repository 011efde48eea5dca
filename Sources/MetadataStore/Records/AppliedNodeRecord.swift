/// A node's applied state in an environment: its definition in the environment's latest
/// manifest, with the latest execution, latest success, latest freshness and latest
/// catalog entry over every run of the environment.
public struct AppliedNodeRecord: Sendable, Equatable {
  public var definition: DefinitionRecord
  public var lastExecution: ExecutionRecord?
  public var lastSuccess: ExecutionRecord?
  public var lastFreshness: FreshnessRecord?
  public var lastCatalog: CatalogRecord?
}
