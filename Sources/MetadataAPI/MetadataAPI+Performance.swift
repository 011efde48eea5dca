import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds Part 2 (continued), performance(environmentId): the longitudinal analytics.
  static func bindPerformance(_ schema: GraphQLSchema) throws {
  }
}
