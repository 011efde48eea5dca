import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds Part 3, sourceHistoricalFreshness and testHistoricalRuns.
  static func bindHistory(_ schema: GraphQLSchema) throws {
  }
}
