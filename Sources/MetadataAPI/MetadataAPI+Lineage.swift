import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds Part 2, lineage(filter) with dbt's selector syntax, and the lineage node types.
  static func bindLineage(_ schema: GraphQLSchema) throws {
  }
}
