/// A project of the account that references an environment's public models (dbt Mesh).
public struct ConsumerProjectRecord: Sendable, Equatable {
  /// The consumer project and the environment whose manifest was read.
  public var projectID: Int
  public var environmentID: Int
  /// The consumer's dbt project name (`metadata.project_name`) and its name in the store.
  public var coreProject: String
  public var cloudProject: String
  /// The producer's public models it references.
  public var publicModels: [PublicModel]

  /// A producer public model and how many of the consumer's definitions depend on it.
  public struct PublicModel: Sendable, Equatable {
    public var uniqueID: String
    public var numEdges: Int
  }
}
